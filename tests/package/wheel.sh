#!/bin/sh
# The wheel (`make wheel`): built by Debian's python3-build, named and tagged
# py3-none-manylinux2014_<arch> with the Makefile's VERSION; installed with
# pip --no-index into a fresh virtualenv, it puts kinto-schema-doctor (the
# static binary) and kinto-schema-doctor-live on the venv's PATH, and the
# binary says what the build's binary ($KSD) says on a sample of the corpus.
# Skipped, saying why, without Debian's python3-build, -wheel or -venv.
set -u
: "${KSD:?set KSD to the binary built from this tree}"
top=$(cd "$(dirname "$0")/../.." && pwd)
test_name=wheel
. "$top/tests/package/lib.sh"
KSD=$(absolute "$KSD")
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
py=/usr/bin/python3

for m in build:python3-build wheel:python3-wheel ensurepip:python3-venv; do
	"$py" -c "import ${m%%:*}" 2>/dev/null || {
		echo "wheel: skipped: $py lacks the module ${m%%:*} (Debian: ${m#*:})"
		exit 0
	}
done
version=$(sed -n 's/^VERSION = //p' "$top/Makefile")
make -s -C "$top" wheel >"$t/build.log" 2>&1 || {
	fail "make wheel failed: $(tail -n 20 "$t/build.log")"
	exit 1
}
whl=$top/build/wheel/kinto_schema_doctor-$version-py3-none-manylinux2014_$(uname -m).whl
[ -f "$whl" ] || {
	fail "make wheel made no ${whl#"$top/"}: $(ls "$top/build/wheel")"
	exit 1
}
"$py" - "$whl" "$version" <<'PY' || fail "the wheel's metadata is wrong"
import sys, zipfile
whl, version = sys.argv[1:3]
z = zipfile.ZipFile(whl)
info = 'kinto_schema_doctor-%s.dist-info/' % version
meta = z.read(info + 'METADATA').decode()
assert 'Version: %s\n' % version in meta, meta[:300]
names = sorted(n for n in z.namelist() if '.data/' in n)
assert names == ['kinto_schema_doctor-%s.data/scripts/%s' % (version, s)
                 for s in ('kinto-schema-doctor', 'kinto-schema-doctor-live')], names
PY

# A fresh venv; pip reads nothing but the wheel.
"$py" -m venv "$t/venv" >"$t/venv.log" 2>&1 || {
	fail "python3 -m venv failed: $(cat "$t/venv.log")"
	exit 1
}
PIP_DISABLE_PIP_VERSION_CHECK=1 "$t/venv/bin/pip" install --no-index "$whl" >"$t/pip.log" 2>&1 ||
	fail "pip install --no-index failed: $(tail -n 5 "$t/pip.log")"
found=$(PATH="$t/venv/bin:/usr/bin:/bin" command -v kinto-schema-doctor)
[ "$found" = "$t/venv/bin/kinto-schema-doctor" ] || fail "kinto-schema-doctor on the venv's PATH is '$found'"
ldd "$found" 2>&1 | grep -q 'not a dynamic executable' || fail "the installed binary is dynamic: $(ldd "$found" 2>&1)"
[ "$("$found" --version)" = "kinto-schema-doctor $version" ] || fail "--version: $("$found" --version)"
"$t/venv/bin/kinto-schema-doctor-live" --help | grep -q '^usage: kinto-schema-doctor-live' ||
	fail "kinto-schema-doctor-live does not run from the venv"

cd "$top/testdata" || exit 1
record "$t/built" "$KSD"
record "$t/wheel" "$found"
same "the wheel's binary" "$t/built" "$t/wheel"
"$t/venv/bin/pip" uninstall -y kinto-schema-doctor >"$t/pip.log" 2>&1 &&
	[ ! -e "$found" ] || fail "pip uninstall leaves $found: $(tail -n 3 "$t/pip.log")"
[ "$fails" -eq 0 ]
