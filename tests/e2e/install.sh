#!/bin/sh
# `make install DESTDIR=... PREFIX=/usr` puts the binary, the live-database
# helper, the man pages, the JSON Schema of --format=json and the bash and
# zsh completions in place; the bash completion loads and completes options,
# values and files; `make uninstall` takes everything away again.
set -u
top=$KSD_TOP
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "install: $*"
	fails=$((fails + 1))
}

# Inside `make check` the make flags (BIN, BUILD of the sanitizer pass) come
# along in MAKEFLAGS, so the binary installed is the one just built.
make -s -C "$top" install DESTDIR="$t/root" PREFIX=/usr >"$t/log" 2>&1 ||
	fail "make install failed: $(cat "$t/log")"
root="$t/root/usr"
bash_comp="$root/share/bash-completion/completions/kinto-schema-doctor"
for f in "$root/bin/kinto-schema-doctor" "$root/share/man/man1/kinto-schema-doctor.1" \
	"$root/bin/kinto-schema-doctor-live" "$root/share/man/man1/kinto-schema-doctor-live.1" \
	"$bash_comp" "$root/share/zsh/site-functions/_kinto-schema-doctor" \
	"$root/share/kinto-schema-doctor/schema.json"; do
	[ -f "$f" ] || fail "not installed: ${f#"$t/root"}"
done
[ -x "$root/bin/kinto-schema-doctor" ] || fail "the binary is not executable"
"$root/bin/kinto-schema-doctor-live" --help | grep -q '^usage: kinto-schema-doctor-live' ||
	fail "the installed kinto-schema-doctor-live does not run"
"$root/bin/kinto-schema-doctor" --version | grep -q "^kinto-schema-doctor [0-9]" ||
	fail "the installed binary does not run"
head -n 1 "$root/share/zsh/site-functions/_kinto-schema-doctor" | grep -qx '#compdef kinto-schema-doctor' ||
	fail "the zsh completion lacks its #compdef line"

if command -v bash >/dev/null 2>&1; then
	bash -c ". '$bash_comp'; complete -p kinto-schema-doctor" >"$t/complete" 2>&1 ||
		fail "bash: complete -p fails: $(cat "$t/complete")"
	grep -q -- "-F _kinto_schema_doctor kinto-schema-doctor" "$t/complete" ||
		fail "bash: no completion function registered: $(cat "$t/complete")"
	mkdir "$t/dumps" && : >"$t/dumps/a b.sql"
	# comp WORDS...: what the completion offers for the last word, one per line
	cat >"$t/comp.bash" <<'EOF'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
_kinto_schema_doctor
printf '%s\n' "${COMPREPLY[@]}"
EOF
	comp() { bash "$t/comp.bash" "$bash_comp" kinto-schema-doctor "$@" 2>&1; }
	[ "$(comp --col)" = "--color=" ] || fail "bash: --col completes to '$(comp --col)'"
	[ "$(comp --color = al)" = "always" ] || fail "bash: --color=al gives '$(comp --color = al)'"
	[ "$(comp --format=j | tr '\n' ' ')" = "--format=json --format=junit " ] ||
		fail "bash: --format=j gives '$(comp --format=j)'"
	[ "$(comp -f ju)" = "junit" ] || fail "bash: -f ju gives '$(comp -f ju)'"
	[ "$(comp -a 2 | wc -l)" -eq 8 ] || fail "bash: -a 2 gives '$(comp -a 2)'"
	[ "$(comp -- | wc -l)" -eq 11 ] || fail "bash: '--' offers $(comp -- | wc -l) options"
	[ "$(comp "$t/dumps/a")" = "$t/dumps/a b.sql" ] || fail "bash: file names: '$(comp "$t/dumps/a")'"
	[ "$(comp "$t/dum")" = "$t/dumps" ] || fail "bash: directories: '$(comp "$t/dum")'"
	# Every long option of --help is offered (--colour is an alias).
	"$KSD" --help | grep -o -- '--[a-z][a-z-]*' | sort -u | grep -vx -- --colour >"$t/help"
	comp -- | sed 's/=$//' | sort -u >"$t/offered"
	cmp -s "$t/help" "$t/offered" || fail "bash: options differ from --help: $(diff "$t/help" "$t/offered" | grep '^[<>]' | tr '\n' ' ')"
fi
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$root/share/zsh/site-functions/_kinto-schema-doctor" 2>"$t/zsh" ||
		fail "zsh: syntax: $(cat "$t/zsh")"
fi
# Both completions offer the formats of --help ("--format=text|json|junit").
formats=$("$KSD" --help | sed -n 's/^ *-f, --format=\([a-z|]*\).*/\1/p' | tr '|' ' ')
[ -n "$formats" ] || fail "--help names no formats"
grep -qF ":format:($formats)" "$root/share/zsh/site-functions/_kinto-schema-doctor" ||
	fail "zsh: the formats offered are not '$formats'"
grep -qF -- "-W '$formats'" "$bash_comp" || fail "bash: the formats offered are not '$formats'"
# The zsh completion offers every long option of --help too.
"$KSD" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$t/help"
grep -o -- '--[a-z][a-z-]*' "$root/share/zsh/site-functions/_kinto-schema-doctor" | sort -u >"$t/zoffered"
cmp -s "$t/help" "$t/zoffered" || fail "zsh: options differ from --help: $(diff "$t/help" "$t/zoffered" | grep '^[<>]' | tr '\n' ' ')"

make -s -C "$top" uninstall DESTDIR="$t/root" PREFIX=/usr >"$t/log" 2>&1 ||
	fail "make uninstall failed: $(cat "$t/log")"
left=$(find "$t/root" -type f)
[ -z "$left" ] || fail "make uninstall leaves: $left"
[ ! -d "$root/share/kinto-schema-doctor" ] || fail "make uninstall leaves share/kinto-schema-doctor"
[ "$fails" -eq 0 ]
