#!/bin/sh
# One version, the Makefile's VERSION: what --version prints (compiled in
# from it) is the version of the newest debian/changelog entry, and every
# "kinto-schema-doctor N.N.N" the man pages and the README show (the .TH
# lines, the fix headers of the examples), and the image tags
# "kinto-schema-doctor:N.N.N". docs.sh checks the .TH line's form.
set -u
fails=0
fail() {
	echo "version: $*"
	fails=$((fails + 1))
}
version=$("$KSD" --version | sed -n 's/^kinto-schema-doctor //p')
[ -n "$version" ] || fail "--version prints no version: $("$KSD" --version)"
made=$(sed -n 's/^VERSION = //p' "$KSD_TOP/Makefile")
[ "$version" = "$made" ] || fail "--version says '$version', the Makefile '$made'"
changelog=$(sed -n '1s/^kinto-schema-doctor (\([^)]*\)).*/\1/p' "$KSD_TOP/debian/changelog")
[ "$changelog" = "$version" ] ||
	fail "debian/changelog's newest entry is '$changelog', the program's version '$version'"
for doc in man/kinto-schema-doctor.1 man/kinto-schema-doctor-live.1 README.md; do
	other=$(grep -oE 'kinto(\\?-)schema(\\?-)doctor[ :][0-9]+\.[0-9]+(\.[0-9]+)*' "$KSD_TOP/$doc" |
		sed 's/\\-/-/g; s/:/ /' | sort -u | grep -vxF "kinto-schema-doctor $version" | paste -sd ' ' -)
	[ -z "$other" ] || fail "$doc shows '$other', the program is $version"
done
[ "$fails" -eq 0 ]
