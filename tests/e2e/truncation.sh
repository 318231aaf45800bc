#!/bin/sh
# Cut and corrupt real dumps of every format at many places: the tool must end
# with a documented exit status and at most one error line, never a signal or
# a hang. Under `make check-asan` this runs the sanitizer build.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
runs=0
budget=${KSD_TRUNCATION_FILES:-24}

check_run() { # label file
	runs=$((runs + 1))
	timeout 20 "$KSD" --format json "$2" >"$t/out" 2>"$t/err"
	rc=$?
	case $rc in
	0 | 1 | 2 | 4) ;;
	124) echo "truncation: $1: hang (timeout)"; fails=$((fails + 1)); return ;;
	*) echo "truncation: $1: exit $rc: $(head -c 300 "$t/err")"; fails=$((fails + 1)); return ;;
	esac
	errs=$(grep -c 'error' "$t/err")
	if [ "$errs" -gt 1 ]; then
		echo "truncation: $1: $errs error lines: $(head -c 300 "$t/err")"
		fails=$((fails + 1))
	fi
	if [ "$rc" -eq 4 ] && ! grep -q "'.*'.*\(line\|offset\|member\|:\)" "$t/err"; then
		echo "truncation: $1: exit 4 without a located message: $(head -c 300 "$t/err")"
		fails=$((fails + 1))
	fi
}

# One file of each kind the corpus has, smallest first.
files=$(find "$top/testdata" -type f \( -name '*.sql' -o -name '*.gz' -o -name '*.dump' \
	-o -name '*.custom' -o -name '*.tar' -o -name '*.zst' -o -name '*.xz' -o -name '*.bz2' \
	-o -name '*.lz4' \) -size -200k 2>/dev/null | sort | awk -F/ '{
		n = $NF; sub(/^[^.]*/, "", n); if (!seen[n]++ || NR % 9 == 0) print }' |
	head -n "$budget")
[ -n "$files" ] || {
	echo "truncation: no testdata yet, nothing to cut"
	exit 0
}
for f in $files; do
	size=$(wc -c <"$f")
	name=$(basename "$f")
	# Cut points: inside the header, then spread over the whole file.
	for at in 1 5 9 11 20 64 100 511 513 $((size / 7)) $((size / 3)) $((size / 2)) \
		$((size * 2 / 3)) $((size - 40)) $((size - 3)) $((size - 1)); do
		[ "$at" -gt 0 ] && [ "$at" -lt "$size" ] || continue
		head -c "$at" "$f" >"$t/cut"
		check_run "$name cut at $at" "$t/cut"
	done
	# Random byte changes, reproducible: a fixed seed per file.
	for seed in 1 2 3 4 5 6; do
		python3 - "$f" "$t/bad" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], 'rb').read())
rnd = random.Random(sys.argv[3] + sys.argv[1].rsplit('/', 1)[-1])
for _ in range(rnd.choice([1, 4, 32])):
    data[rnd.randrange(len(data))] = rnd.randrange(256)
open(sys.argv[2], 'wb').write(data)
PY
		check_run "$name corrupted (seed $seed)" "$t/bad"
	done
done
echo "truncation: $runs runs, $fails failed"
[ "$fails" -eq 0 ]
