#!/bin/sh
# The Debian package: Build-Depends names the package of each pkg-config
# module the Makefile builds with; `make deb` builds
# kinto-schema-doctor_<version>_<arch>.deb; lintian finds no error and no
# warning; the files are in Debian's places; the binary unpacked from the
# package says what the build's binary ($KSD) says on a sample of the corpus.
set -u
: "${KSD:?set KSD to the binary built from this tree}"
top=$(cd "$(dirname "$0")/../.." && pwd)
test_name=deb
. "$top/tests/package/lib.sh"
KSD=$(absolute "$KSD")
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

for pc in $(sed -n 's/^PKGS = //p' "$top/Makefile"); do
	pkg=$(dpkg -S "$(pkg-config --variable=pcfiledir "$pc")/$pc.pc" 2>/dev/null | sed -n '1s/[:,].*//p')
	[ -n "$pkg" ] || { fail "no Debian package owns $pc.pc"; continue; }
	sed -n '/^Build-Depends:/,/^[^ ]/p' "$top/debian/control" | grep -qE "[ ,]$pkg( |,|\$)" ||
		fail "Build-Depends lacks $pkg (for pkg-config $pc)"
done

version=$("$KSD" --version | sed -n 's/^kinto-schema-doctor //p')
arch=$(dpkg --print-architecture)
deb=$top/build/deb/kinto-schema-doctor_${version}_$arch.deb
make -s -C "$top" deb >"$t/build.log" 2>&1 || fail "make deb failed: $(tail -n 20 "$t/build.log")"
if [ ! -f "$deb" ]; then
	fail "make deb made no ${deb#"$top/"}: $(ls "$top/build/deb")"
	exit 1
fi

lintian --fail-on error,warning "${deb%.deb}.changes" >"$t/lintian" 2>&1 ||
	fail "lintian: $(grep -v '^running with root' "$t/lintian")"

dpkg-deb -x "$deb" "$t/root"
for f in bin/kinto-schema-doctor share/man/man1/kinto-schema-doctor.1.gz \
	bin/kinto-schema-doctor-live share/man/man1/kinto-schema-doctor-live.1.gz \
	share/bash-completion/completions/kinto-schema-doctor \
	share/zsh/vendor-completions/_kinto-schema-doctor share/kinto-schema-doctor/schema.json \
	share/doc/kinto-schema-doctor/copyright; do
	[ -f "$t/root/usr/$f" ] || fail "not in the package: /usr/$f"
done
cmp -s "$t/root/usr/share/kinto-schema-doctor/schema.json" "$top/man/kinto-schema-doctor.schema.json" ||
	fail "the packaged JSON Schema is not man/kinto-schema-doctor.schema.json"

cd "$top/testdata" || exit 1
record "$t/built" "$KSD"
record "$t/packaged" "$t/root/usr/bin/kinto-schema-doctor"
same "the packaged binary" "$t/built" "$t/packaged"
[ "$fails" -eq 0 ]
