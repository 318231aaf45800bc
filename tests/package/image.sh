#!/bin/sh
# The container image (`make image`): it builds with podman (or buildah); its
# file system, read from the saved OCI archive, holds the binary and nothing
# else, with the entry point and version label of Containerfile; and that
# binary, run from the unpacked root with chroot, says what the build's
# binary ($KSD) says on a sample of the corpus. `podman run` is tried, and
# where the machine refuses to run containers the test says so and goes on.
# Skipped, saying why, without podman or buildah.
set -u
: "${KSD:?set KSD to the binary built from this tree}"
top=$(cd "$(dirname "$0")/../.." && pwd)
test_name=image
. "$top/tests/package/lib.sh"
KSD=$(absolute "$KSD")
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

if command -v podman >/dev/null 2>&1; then
	tool=podman
elif command -v buildah >/dev/null 2>&1; then
	tool=buildah
else
	echo "image: skipped: neither podman nor buildah is installed (Debian: podman)"
	exit 0
fi
version=$(sed -n 's/^VERSION = //p' "$top/Makefile")
image=localhost/kinto-schema-doctor:$version
make -s -C "$top" image >"$t/build.log" 2>&1 || {
	fail "make image failed: $(tail -n 20 "$t/build.log")"
	exit 1
}
case $tool in
podman) podman image save --format oci-archive -o "$t/image.tar" "$image" ;;
buildah) buildah push "$image" "oci-archive:$t/image.tar" ;;
esac >"$t/save.log" 2>&1 || {
	fail "$tool cannot save $image: $(tail -n 5 "$t/save.log")"
	exit 1
}

# The layers, unpacked in order into $t/root; the files they hold and the
# image's configuration checked.
mkdir "$t/oci" "$t/root"
tar -xf "$t/image.tar" -C "$t/oci"
python3 - "$t/oci" "$t/root" "$version" <<'PY' || fail "the image is not the static binary alone"
import json, os, sys, tarfile
oci, root, version = sys.argv[1:4]
def blob(digest):
    return os.path.join(oci, 'blobs', *digest.split(':'))
index = json.load(open(os.path.join(oci, 'index.json')))
manifest = json.load(open(blob(index['manifests'][0]['digest'])))
config = json.load(open(blob(manifest['config']['digest'])))
files = []
for layer in manifest['layers']:
    with tarfile.open(blob(layer['digest'])) as tar:
        files += [m.name.lstrip('./') for m in tar.getmembers() if not m.isdir()]
        tar.extractall(root)
errs = []
if files != ['kinto-schema-doctor']:
    errs.append('files: %s' % files)
c = config.get('config', {})
if c.get('Entrypoint') != ['/kinto-schema-doctor']:
    errs.append('entry point: %s' % c.get('Entrypoint'))
if (c.get('Labels') or {}).get('org.opencontainers.image.version') != version:
    errs.append('version label: %s' % c.get('Labels'))
for e in errs:
    print('image:', e)
sys.exit(1 if errs else 0)
PY
[ -x "$t/root/kinto-schema-doctor" ] || fail "no executable /kinto-schema-doctor in the image"

# chroot starts in /, so the sample goes there under its relative names.
cd "$top/testdata" || exit 1
if [ "$(id -u)" != 0 ]; then
	echo "image: the run from the unpacked image skipped: chroot needs root"
else
	for f in $sample; do
		mkdir -p "$t/root/$(dirname "$f")" && cp -R "$f" "$t/root/$f"
	done
	record "$t/built" "$KSD"
	record "$t/image" chroot "$t/root" /kinto-schema-doctor
	same "the image's binary (chroot)" "$t/built" "$t/image"
fi

# podman run, where the machine lets it run containers.
if [ "$tool" = podman ]; then
	if podman run --rm -i "$image" - <demo/flushed-v17.sql >"$t/run" 2>"$t/run.err"; then
		fail "podman run: exit 0 on a dump that needs a fix"
	elif [ -s "$t/run" ]; then
		"$KSD" - <demo/flushed-v17.sql >"$t/want" 2>&1
		same "podman run -i IMAGE -" "$t/want" "$t/run"
	else
		echo "image: podman run skipped: this machine refuses to run containers (its sandbox and cgroups): $(tail -n 1 "$t/run.err")"
	fi
fi
[ "$fails" -eq 0 ]
