#!/bin/sh
# Cut and corrupt real dumps of every format at many places: inside the
# header, the TOC, a string, a dollar quote and a COPY block, at tar block
# edges, then random byte changes. Every run must end with a documented exit
# status (0, 1, 2, or 4 with one error line naming the file and a line or an
# offset), valid JSON on stdout, no signal, no hang (timeout) and bounded
# memory (ulimit -v, when the binary runs under one). The dumps: the
# committed fuzz seeds (plain, compressed, custom, tar, directory) and
# testdata/. Under `make check-asan` this runs the sanitizer build.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
testdata=${KSD_TESTDATA_DIR:-$top/testdata}
budget=${KSD_TRUNCATION_FILES:-40}
stride=${KSD_TRUNCATION_STRIDE:-1} # run only every Nth case (slow binaries)
mem_kb=${KSD_TRUNCATION_MEM_KB:-1048576}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/json" "$t/dirs"
fails=0
runs=0
cases=0

# A memory cap unless the binary cannot start under it (ASan's shadow).
limit="ulimit -v $mem_kb;"
(sh -c "$limit"' exec "$0" --version' "$KSD" && echo ok) 2>/dev/null | grep -q ok || limit=

# label path [cut|missing]: a cut plain dump must be reported (exit 4); a
# missing file has no offset to name, only the file.
check_run() {
	cases=$((cases + 1))
	[ $((cases % stride)) -eq 0 ] || return 0
	runs=$((runs + 1))
	timeout 60 sh -c "$limit"' exec "$0" --format json "$1"' "$KSD" "$2" \
		>"$t/json/$runs" 2>"$t/err"
	rc=$?
	case $rc in
	0 | 1 | 2)
		# (a sanitizer report also lands here: exit 1 with stderr)
		if [ "${3:-}" = cut ]; then
			echo "truncation: $1: exit $rc, the cut went unnoticed"
			fails=$((fails + 1))
		fi
		if [ -s "$t/err" ]; then
			echo "truncation: $1: exit $rc with stderr: $(head -c 300 "$t/err")"
			fails=$((fails + 1))
		fi
		;;
	4)
		where="( member '[^']*')? (line|offset) [0-9]+"
		[ "${3:-}" = missing ] && where="( member '[^']*')?( (line|offset) [0-9]+)?"
		if [ "$(wc -l <"$t/err")" -ne 1 ] ||
			! grep -Eq "^kinto-schema-doctor: error( \((partial result|incomplete archive)\))?: '[^']*'$where: " "$t/err"; then
			echo "truncation: $1: exit 4 without one located error line: $(head -c 300 "$t/err")"
			fails=$((fails + 1))
		fi
		;;
	124) echo "truncation: $1: hang (timeout)"; fails=$((fails + 1)) ;;
	*) echo "truncation: $1: exit $rc: $(head -c 300 "$t/err")"; fails=$((fails + 1)) ;;
	esac
	echo "$1" >"$t/json/$runs.label"
}

# For each file: the cut points (one a line) on stdout, and corrupted copies
# bad.1..bad.6 written beside $2. Reproducible: a fixed seed per file name.
plan() { # file dir
	python3 - "$1" "$2" <<'PY'
import random, sys
path, out = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
n = len(data)
cuts = {1, 5, 9, 11, 12, 20, 64, 100, 511, 512, 513, 1024, 1536,
        n // 7, n // 3, n // 2, n * 2 // 3, n - 40, n - 3, n - 1}
# Just inside a header's magic, a string, a dollar quote, a COPY block,
# a COPY terminator, a tar member header, a custom TOC's first strings.
for marker, after in ((b'PGDMP', (3, 5, 6, 7, 9, 13, 17, 30, 48)), (b"'", (1, 3)),
                      (b'AS $', (2, 4, 12)), (b'$$', (1, 5)), (b'\nCOPY ', (3, 40, 80)),
                      (b'\n\\.\n', (1, 2)), (b'ustar', (0, 100)), (b'toc.dat', (3,)),
                      (b'ENCODING', (4,)), (b'CREATE TABLE', (6, 30))):
    i = data.find(marker)
    if i >= 0:
        cuts.update(i + a for a in after)
print('\n'.join(str(c) for c in sorted(cuts) if 0 < c < n))
rnd = random.Random(path.rsplit('/', 1)[-1])
for k in range(1, 7):
    bad = bytearray(data)
    for _ in range(rnd.choice([1, 2, 4, 32])):
        bad[rnd.randrange(n)] = rnd.randrange(256)
    open('%s/bad.%d' % (out, k), 'wb').write(bad)
PY
}

sweep_file() { # file
	f=$1
	name=$(basename "$f")
	rm -f "$t"/bad.*
	size=$(wc -c <"$f")
	# A plain pg_dump file cut between its header line and its trailer
	# lines must say so (before the header, it is just a comment; a
	# hand-written script has no trailer to miss).
	case $name in
	*.gz) unpack="gzip -dc" ;; *.zst) unpack="zstd -dc" ;; *.lz4) unpack="lz4 -dc" ;;
	*.xz) unpack="xz -dc" ;; *.bz2) unpack="bzip2 -dc" ;; *) unpack=cat ;;
	esac
	pgdump=
	$unpack "$f" 2>/dev/null | head -c 40 | grep -q '^-- PostgreSQL database' && pgdump=cut
	for at in $(plan "$f" "$t"); do
		head -c "$at" "$f" >"$t/cut"
		strict=
		[ "$at" -ge 32 ] && [ "$at" -lt $((size - 100)) ] && strict=$pgdump
		check_run "$name cut at $at" "$t/cut" $strict
	done
	for k in 1 2 3 4 5 6; do
		check_run "$name corrupted (seed $k)" "$t/bad.$k"
	done
}

sweep_dir() { # directory archive: cut and corrupt toc.dat and a data file
	d=$1
	name=$(basename "$d")
	for member in toc.dat $(cd "$d" && ls | grep -v '^toc\.dat$' | head -2); do
		rm -rf "$t/dir"
		cp -r "$d" "$t/dir"
		for at in $(plan "$d/$member" "$t"); do
			head -c "$at" "$d/$member" >"$t/dir/$member"
			check_run "$name/$member cut at $at" "$t/dir"
		done
		for k in 1 2 3; do
			cp "$t/bad.$k" "$t/dir/$member"
			check_run "$name/$member corrupted (seed $k)" "$t/dir"
		done
		rm -f "$t/dir/$member"
		check_run "$name without $member" "$t/dir" missing
	done
}

# The committed seeds: directory ones are packed (see tests/fuzz/directory.c).
for p in "$top"/tests/fuzz/seeds/directory/*; do
	[ -f "$p" ] || continue
	python3 - "$p" "$t/dirs/$(basename "$p").dir" <<'PY'
import os, sys
parts = open(sys.argv[1], 'rb').read().split(b'\nKSD-FILE:')
os.makedirs(sys.argv[2])
open(os.path.join(sys.argv[2], 'toc.dat'), 'wb').write(parts[0])
for p in parts[1:]:
    name, _, body = p.partition(b'\n')
    open(os.path.join(sys.argv[2], name.decode()), 'wb').write(body)
PY
done
# One file of each kind (by its extensions) first, seeds before testdata,
# then every ninth of the rest, up to the budget.
files=$({
	# (the header.* seeds are cut already)
	ls "$top"/tests/fuzz/seeds/plain/* "$top"/tests/fuzz/seeds/archive/* 2>/dev/null |
		grep -v '/header\.'
	find "$testdata" -type f \( -name '*.sql' -o -name '*.gz' -o -name '*.dump' \
		-o -name '*.custom' -o -name '*.tar' -o -name '*.zst' -o -name '*.xz' \
		-o -name '*.bz2' -o -name '*.lz4' \) -size -200k ! -name '*.dat.*' \
		! -path '*/regress/*' 2>/dev/null | sort
} | awk -F/ '{ n = $NF; sub(/^[^.]*/, "", n)
		if (!seen[n]++) print; else if (NR % 9 == 0) rest[++r] = $0 }
	END { for (i = 1; i <= r; i++) print rest[i] }' | head -n "$budget")
dirs=$({
	ls -d "$t"/dirs/*.dir 2>/dev/null
	find "$testdata" -name toc.dat 2>/dev/null | sort | awk 'NR % 7 == 1' |
		while read -r toc; do dirname "$toc"; done
} | head -n "$(((budget + 5) / 6))")
for f in $files; do
	sweep_file "$f"
done
for d in $dirs; do
	sweep_dir "$d"
done

# Every report on stdout is JSON Lines, whatever the input did.
python3 - "$t/json" "$runs" <<'PY' || fails=$((fails + 1))
import json, sys
bad = 0
for i in range(1, int(sys.argv[2]) + 1):
    p = '%s/%d' % (sys.argv[1], i)
    for line in open(p, 'rb').read().splitlines():
        try:
            json.loads(line.decode('utf-8'))
        except (ValueError, UnicodeDecodeError) as e:
            bad += 1
            if bad <= 5:
                label = open(p + '.label').read().strip()
                print("truncation: %s: stdout is not JSON Lines: %s: %r" % (label, e, line[:120]))
sys.exit(1 if bad else 0)
PY
echo "truncation: $runs runs, $fails failed"
[ "$fails" -eq 0 ]
