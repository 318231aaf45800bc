#!/bin/sh
# A dump long enough to be read ahead on a second thread (src/input/ahead.c
# starts past the first few megabytes when more than 8 MiB are left), made
# here from a committed v26 dump with generated objects rows. Read whole,
# from the file and from a pipe, it counts every row and answers as the dump
# it came from (but for its objects rows); cut inside its data (at buffer seams too) or corrupted, from
# a file and from a pipe, it ends with exit 4 and one located error line, or
# a report, and never hangs.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
src=$top/testdata/pg15/mig-v26.sql
rows=${KSD_READ_AHEAD_ROWS:-120000}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "read-ahead: $*"
	fails=$((fails + 1))
}

python3 - "$src" "$t/big.sql" "$rows" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
head = data.index(b'\nCOPY public.objects ')
end = data.index(b'\n\\.\n', head) + 1
rows = b''.join(b'%08x-0000-4000-8000-%012x\t/buckets/b%d/collections/c\trecord\t'
                b'2026-12-06 16:42:04.%06d\t{"title": "row %d", "n": %d}\tf\n'
                % (i, i, i % 7, i % 1000000, i, i) for i in range(int(sys.argv[3])))
open(sys.argv[2], 'wb').write(data[:end] + rows + data[end:])
PY
size=$(wc -c <"$t/big.sql")
[ "$size" -gt $((12 << 20)) ] || fail "the generated dump is only $size bytes"

# The reports of the dump it came from, the big file and the big pipe:
# the same but for the input's name and the objects rows.
timeout 120 "$KSD" --format=json "$src" >"$t/small.json"
small_rc=$?
timeout 120 "$KSD" --format=json "$t/big.sql" >"$t/file.json"
file_rc=$?
cat "$t/big.sql" | timeout 120 "$KSD" --format=json - >"$t/pipe.json"
pipe_rc=$?
[ "$file_rc" = "$small_rc" ] && [ "$pipe_rc" = "$small_rc" ] ||
	fail "exit $file_rc (file) and $pipe_rc (pipe), the dump it came from $small_rc"
python3 - "$t/small.json" "$t/file.json" "$t/pipe.json" "$rows" <<'PY' || fails=$((fails + 1))
import json, sys
small, file, pipe = (json.loads(open(p).readline()) for p in sys.argv[1:4])
for r in (small, file, pipe):
    r.pop('input', None)
small['rows']['objects'] += int(sys.argv[4])
small['resources']['record'] += int(sys.argv[4])
bad = [name for name, r in (('file', file), ('pipe', pipe)) if r != small]
for name in bad:
    print('read-ahead: the %s report differs from the dump it came from' % name)
sys.exit(1 if bad else 0)
PY

# One error line naming the input and where: what truncation.sh asks.
cut_run() { # label file|pipe path
	if [ "$2" = pipe ]; then
		cat "$3" | timeout 120 "$KSD" --format=json - >/dev/null 2>"$t/err"
	else
		timeout 120 "$KSD" --format=json "$3" >/dev/null 2>"$t/err"
	fi
	rc=$?
	if [ "$rc" = 124 ]; then
		fail "$1 ($2): hang (timeout)"
	elif [ "$rc" != 4 ] || [ "$(wc -l <"$t/err")" -ne 1 ] ||
		! grep -Eq "^kinto-schema-doctor: error( \(partial result\))?: '[^']*' (line|offset) [0-9]+: " "$t/err"; then
		fail "$1 ($2): exit $rc, not one located error line: $(head -c 300 "$t/err")"
	fi
}
mib=1048576
for at in $((size / 3)) $((size / 2)) $((8 * mib + 1)) $((12 * mib - 1)) $((size - 150)); do
	head -c "$at" "$t/big.sql" >"$t/cut"
	cut_run "cut at $at" file "$t/cut"
	[ -n "${KSD_SLOW:-}" ] || cut_run "cut at $at" pipe "$t/cut"
done

# Bytes changed in the data: any documented ending, and no hang.
for seed in 1 2 3; do
	python3 - "$t/big.sql" "$t/bad" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], 'rb').read())
rnd = random.Random(int(sys.argv[3]))
for _ in range(rnd.choice([1, 4, 32])):
    data[rnd.randrange(len(data) // 4, len(data))] = rnd.randrange(256)
open(sys.argv[2], 'wb').write(data)
PY
	cat "$t/bad" | timeout 120 "$KSD" --format=json - >/dev/null 2>"$t/err"
	rc=$?
	case $rc in
	0 | 1 | 2 | 4) ;;
	124) fail "corrupted (seed $seed): hang (timeout)" ;;
	*) fail "corrupted (seed $seed): exit $rc: $(head -c 300 "$t/err")" ;;
	esac
done

echo "read-ahead: $size bytes, $fails failed"
[ "$fails" -eq 0 ]
