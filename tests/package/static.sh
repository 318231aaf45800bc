#!/bin/sh
# The static binary ($KSD_STATIC): ldd finds no shared library in it, and it
# says what the dynamic build ($KSD) says on a sample of the corpus, here and
# inside a minimal Debian root (debootstrap --variant=minbase: no libarchive,
# no -dev package). That root is made once and kept in
# $KSD_MINBASE_CACHE/$KSD_MINBASE_SUITE (default /var/cache/ksd-minbase/bookworm,
# outside the repository); without root, debootstrap, a mirror in apt's
# sources or the network, that part is skipped and the test says why.
set -u
: "${KSD:?set KSD to the dynamic build}" "${KSD_STATIC:?set KSD_STATIC to the static build}"
top=$(cd "$(dirname "$0")/../.." && pwd)
test_name=static
. "$top/tests/package/lib.sh"
KSD=$(absolute "$KSD")
KSD_STATIC=$(absolute "$KSD_STATIC")
cache=${KSD_MINBASE_CACHE:-/var/cache/ksd-minbase}
suite=${KSD_MINBASE_SUITE:-bookworm}
root=$cache/$suite
t=$(mktemp -d)
run=
trap 'rm -rf "$t" ${run:+"$run"}' EXIT

ldd "$KSD_STATIC" >"$t/ldd" 2>&1
grep -q 'not a dynamic executable' "$t/ldd" || fail "ldd lists libraries: $(cat "$t/ldd")"

cd "$top/testdata" || exit 1
record "$t/dynamic" "$KSD"
record "$t/static" "$KSD_STATIC"
same "the static binary" "$t/dynamic" "$t/static"

# minbase: makes $root unless it is there; prints why not when it cannot.
minbase() {
	[ -x "$root/bin/sh" ] && return 0
	[ "$(id -u)" = 0 ] || { echo "debootstrap and chroot need root"; return 1; }
	command -v debootstrap >/dev/null || { echo "no debootstrap (scripts/install-deps installs it)"; return 1; }
	mirror=$(sh "$top/scripts/debian-mirror") ||
		{ echo "apt's sources name no Debian mirror (set KSD_DEBIAN_MIRROR)"; return 1; }
	echo "static: debootstrap --variant=minbase $suite into $root (a minute or two, once)" >&2
	mkdir -p "$cache" && rm -rf "$root.part" || { echo "cannot write in $cache"; return 1; }
	if ! debootstrap --variant=minbase "$suite" "$root.part" "$mirror" >"$root.log" 2>&1; then
		rm -rf "$root.part"
		echo "debootstrap $suite failed (no network?): $(tail -n 1 "$root.log"), see $root.log"
		return 1
	fi
	mv "$root.part" "$root"
}
if ! why=$(minbase); then
	echo "static: the run in a minimal Debian root skipped: $why"
elif [ "$(id -u)" != 0 ]; then
	echo "static: the run in a minimal Debian root skipped: chroot needs root"
else
	[ ! -e "$root/usr/lib/$(uname -m)-linux-gnu/libarchive.so.13" ] ||
		fail "$root has libarchive: not a bare root"
	run=$(mktemp -d "$root/tmp/ksd.XXXXXX")
	cp "$KSD_STATIC" "$run/kinto-schema-doctor"
	for f in $sample; do
		mkdir -p "$run/$(dirname "$f")" && cp -R "$f" "$run/$f"
	done
	in_root=/tmp/${run##*/}
	record "$t/chroot" chroot "$root" /bin/sh -c 'cd "$0" && exec ./kinto-schema-doctor "$@"' "$in_root"
	same "the static binary in $root" "$t/dynamic" "$t/chroot"
fi
[ "$fails" -eq 0 ]
