#!/bin/sh
# The man pages against the programs: they lint clean, and the long options of
# the getopt table, of --help and of the man page are the same set (like
# git's t0450); the SCHEMA VERSIONS table says what --versions says.
set -u
man="$KSD_TOP/man/kinto-schema-doctor.1"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "docs: $*"
	fails=$((fails + 1))
}

[ -f "$man" ] || {
	echo "docs: no man page at man/kinto-schema-doctor.1"
	exit 1
}
live_man="$KSD_TOP/man/kinto-schema-doctor-live.1"
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W style "$man" "$live_man" >"$t/lint" 2>&1 || fail "mandoc -Tlint: $(cat "$t/lint")"
else
	echo "docs: mandoc is not installed (scripts/install-deps installs it), lint skipped"
fi

# Long options, one per line, sorted: from the source table, --help, the man
# page's OPTIONS (an option is written \-\-name in roff; other sections name
# pg_dump's too).
sed -n 's/^[[:space:]]*{"\([a-z-]*\)", *[a-z_]*argument.*/\1/p' \
	"$KSD_TOP/src/cli/options.c" | sort -u >"$t/table"
"$KSD" --help | grep -o -- '--[a-z][a-z-]*' | sed 's/^--//' | sort -u >"$t/help"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$man" | grep -o -- '\\-\\-[a-z][a-z\\-]*' |
	sed 's/\\//g; s/^--//' | sort -u >"$t/man"
[ -s "$t/table" ] || fail "no long option found in src/cli/options.c"
# same A B: the option lists A and B are equal
same() {
	cmp -s "$t/$1" "$t/$2" ||
		fail "long options differ between $1 and $2: $(diff "$t/$1" "$t/$2" | grep '^[<>]' | tr '\n' ' ')"
}
same table help
same help man
# Every short option of --help is documented as "-x, --long" in the man page.
sed 's/\\(en/-/g; s/\\(->/->/g; s/\\(aq/'"'"'/g; s/\\-/-/g' "$man" >"$t/plain"
"$KSD" --help | sed -n 's/^  -\([a-zA-Z]\), --\([a-z-]*\).*/\1 \2/p' >"$t/short"
[ -s "$t/short" ] || fail "no short option found in --help"
while read -r s l; do
	grep -q -- "^\.BR -$s \", \" --$l\( \|\$\)" "$t/plain" ||
		fail "man page has no '-$s, --$l' entry"
done <"$t/short"
# The exit statuses of --help are the man page's.
for code in 0 1 2 3 4; do
	"$KSD" --help | grep -q "^  $code  " || fail "--help lacks exit status $code"
	grep -q "^\.B $code\$" "$man" || fail "man page EXIT STATUS lacks $code"
done

# The title line names the version the program reports.
version=$("$KSD" --version | sed -n 's/^kinto-schema-doctor //p')
grep -q "^\.TH KINTO-SCHEMA-DOCTOR 1 [0-9-]* \"kinto-schema-doctor $version\"" "$man" ||
	fail "the .TH line does not name version $version"

# SCHEMA VERSIONS: every release and change of --versions, in roff spelling.
# A row is "  v  release  change", columns split by two spaces or more.
"$KSD" --versions | awk '/^ *[0-9]+  / {
	sub(/^ *[0-9]+  /, ""); i = index($0, "  "); r = substr($0, 1, i - 1)
	c = substr($0, i); sub(/^ */, "", c); print r; print c }' >"$t/cells"
[ "$(wc -l <"$t/cells")" -eq $(((26 + 2) * 2)) ] || fail "--versions rows: $(wc -l <"$t/cells") cells"
while IFS= read -r cell; do
	grep -qxF -- "$cell" "$t/plain" || fail "SCHEMA VERSIONS lacks '$cell'"
done <"$t/cells"

# Renders with man(1) when it is there (groff), without errors.
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$man" >"$t/render" 2>"$t/render.err" || fail "man -l failed"
	grep -q "^EXIT STATUS" "$t/render" || fail "man -l renders no EXIT STATUS"
	grep -v "cannot adjust line\|can't break line" "$t/render.err" | grep . &&
		fail "man -l warns: $(cat "$t/render.err")"
fi

# kinto-schema-doctor-live: its --help and its man page's OPTIONS name the
# same long options.
sh "$KSD_TOP/bin/kinto-schema-doctor-live" --help | grep '^ *-' | grep -o -- '--[a-z][a-z-]*' | sort -u >"$t/live-help"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$live_man" | grep -o -- '\\-\\-[a-z][a-z\\-]*' |
	sed 's/\\//g' | sort -u >"$t/live-man"
[ -s "$t/live-help" ] && cmp -s "$t/live-help" "$t/live-man" ||
	fail "kinto-schema-doctor-live: --help and its man page differ: $(diff "$t/live-help" "$t/live-man" | grep '^[<>]' | tr '\n' ' ')"
[ "$fails" -eq 0 ]
