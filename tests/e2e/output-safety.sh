#!/bin/sh
# Output safety on hand-made hostile dumps: a real pg_dump 15 dump (the
# committed fuzz seed) rewritten so that the Kinto schema, an extra table
# and metadata rows carry quotes, backslashes, newlines, tabs, ESC and C1
# sequences, bidi overrides and invalid UTF-8. The text report and --list
# must show no control byte, every JSON line must parse with the names
# decoded exactly, the JUnit XML must be well-formed UTF-8 without a control
# byte, naming the schema as the text report shows it, and --sql must quote
# the schema name as PostgreSQL reads it.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$top/tests/fuzz/seeds/plain/kinto.sql" "$t/dump.sql" "$t/name" <<'PY' || exit 1
import sys
src = open(sys.argv[1], 'rb').read()
name = b'k"i\'n\\to\n\x1b[2J\x1b]0;t\x07\xc2\x9b31m\xe2\x80\xae\xff\xc3('
table = b'ta\tb"le\r\x1b[5m\xfe'
q = lambda n: b'"' + n.replace(b'"', b'""') + b'"'
out = src.replace(b'public.', q(name) + b'.')
assert out != src
out = out.replace(b'storage_schema_version\t26\n', b'')
out = out.replace(b'\\.\n', b'x\\033]0;pwn\\007\x1b[1m\t\\x9b\xc2\x9b\xe2\x80\xae\xff\\\\n\n\\.\n', 1)
extra = b'CREATE TABLE ' + q(name) + b'.' + q(table) + b' (' + q(b'c\x1b[0m\n') + b' text);\n'
out = out.replace(b'CREATE TABLE ', extra + b'CREATE TABLE ', 1)
open(sys.argv[2], 'wb').write(out)
open(sys.argv[3], 'wb').write(name)
PY
fails=0
fail() {
	echo "output-safety: $*"
	fails=$((fails + 1))
}

for mode in "" --explain --list; do
	"$KSD" $mode "$t/dump.sql" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -le 2 ] || fail "text $mode: exit $rc: $(cat "$t/err")"
	python3 - "$t/out" "$t/err" <<'PY' || fail "text $mode output is not terminal-safe"
import re, sys
for p in sys.argv[1:]:
    data = open(p, 'rb').read()
    bad = re.findall(rb'[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]', data)
    if bad:
        print("output-safety:", p, "holds", bad[:6])
        sys.exit(1)
    try:
        data.decode('utf-8')
    except UnicodeDecodeError as e:
        print("output-safety:", p, "is not UTF-8:", e)
        sys.exit(1)
PY
done
"$KSD" "$t/dump.sql" >"$t/out" 2>&1
grep -q 'k"i'"'"'n\\\\to\\n\\x1b\[2J\\x1b\]0;t\\x07\\x9b31m\\u202e\\xff\\xc3(' "$t/out" ||
	fail "text: schema name not shown escaped: $(head -2 "$t/out")"

"$KSD" --format json "$t/dump.sql" >"$t/json" 2>"$t/err"
python3 - "$t/json" "$t/name" <<'PY' || fail "JSON output is wrong"
import json, sys
raw = open(sys.argv[2], 'rb').read()
# The tool's promise: valid UTF-8 kept, an invalid byte b as U+00b.
want = ''.join(chr(ord(c) - 0xdc00) if 0xdc80 <= ord(c) <= 0xdcff else c
               for c in raw.decode('utf-8', 'surrogateescape'))
docs = [json.loads(l) for l in open(sys.argv[1], 'rb').read().decode('ascii').splitlines() if l]
if not docs:
    print("output-safety: no JSON")
    sys.exit(1)
if not any(d.get('schema') == want for d in docs):
    print("output-safety: JSON schema names", [d.get('schema') for d in docs], "lack", repr(want))
    sys.exit(1)
PY

"$KSD" --format junit "$t/dump.sql" >"$t/xml" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "junit: exit $rc, expected 1: $(cat "$t/err")"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$t/xml" 2>"$t/lint" || fail "junit: not well-formed: $(head -3 "$t/lint")"
else
	echo "output-safety: xmllint is missing (scripts/install-deps installs libxml2-utils), its check skipped"
fi
python3 - "$t/xml" <<'PY' || fail "junit output is wrong"
import sys
import xml.etree.ElementTree as ET
raw = open(sys.argv[1], 'rb').read()
bad = [b for b in raw if b < 0x20 and b not in b'\n\t' or b == 0x7f]
if bad:
    print("output-safety: control bytes in the JUnit XML:", bad[:6])
    sys.exit(1)
raw.decode('utf-8')
case = ET.fromstring(raw)[0][0]
want = 'schema k"i\'n\\to\\n\\x1b[2J\\x1b]0;t\\x07\\x9b31m\\u202e\\xff\\xc3('
if case.get('name') != want or case.find('failure') is None:
    print("output-safety: JUnit testcase", repr(case.get('name')), "is not", repr(want))
    sys.exit(1)
PY

"$KSD" --sql "$t/dump.sql" >"$t/fix.sql" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--sql: exit $rc, expected 1: $(cat "$t/err")"
python3 - "$t/fix.sql" "$t/name" <<'PY' || fail "--sql output is wrong"
import re, sys
sql = open(sys.argv[1], 'rb').read()
name = open(sys.argv[2], 'rb').read()
# Every schema-qualified metadata must be the name: a plain "..." identifier,
# or U&"..." whose \XXXX / \+XXXXXX escapes stand for characters.
def decode(m):
    body = m.group(2).replace(b'""', b'"')
    if not m.group(1):
        return body
    out, i = b'', 0
    while i < len(body):
        if body[i:i + 2] == b'\\\\':
            out, i = out + b'\\', i + 2
        elif body[i:i + 2] == b'\\+':
            out, i = out + chr(int(body[i + 2:i + 8], 16)).encode(), i + 8
        elif body[i:i + 1] == b'\\':
            out, i = out + chr(int(body[i + 1:i + 5], 16)).encode(), i + 5
        else:
            out, i = out + body[i:i + 1], i + 1
    return out
idents = list(re.finditer(rb'(U&)?"((?:[^"]|"")*)"\.metadata', sql, re.S))
if not idents or any(decode(m) != name for m in idents) or \
        len(idents) != sql.count(b'.metadata') or \
        not re.search(rb'INSERT INTO (U&)?"(?:[^"]|"")*"\.metadata \(name, value\)', sql, re.S):
    print("output-safety: the INSERT does not name the schema exactly:", sql[:400])
    sys.exit(1)
ident = idents[0].group(0)
# Nothing but printable text and line ends, the identifier included.
rest = sql.replace(ident, b'')
bad = [c for c in sql if c < 0x20 and c != 0x0a or c == 0x7f]
if bad or b'BEGIN;\n' not in rest or not rest.rstrip().endswith(b'COMMIT;'):
    print("output-safety: --sql has control bytes or no transaction:", rest[:400])
    sys.exit(1)
for line in rest.split(b'\n'):
    if line.startswith(b'--') and b'\\' in line:
        print("output-safety: a comment line holds a backslash:", line)
        sys.exit(1)
PY
[ "$fails" -eq 0 ]
