#!/bin/sh
# Runs each fuzzer for SECONDS over a corpus seeded from testdata/. A crash
# leaves its input in build/fuzz/crashes/<harness>/ and fails the run; add
# it to testdata/regress/ as a regression test.
set -u
seconds=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for bin in "$@"; do
	name=$(basename "$bin")
	corpus="$top/build/fuzz/corpus/$name"
	crashes="$top/build/fuzz/crashes/$name"
	mkdir -p "$corpus" "$crashes"
	# Seeds: small testdata files of any format, and past crashes.
	find "$top/testdata" -type f -size -256k ! -name '*.tsv' ! -name '*.md' \
		! -name 'README*' 2>/dev/null | head -200 | while read -r f; do
		cp "$f" "$corpus/$(echo "$f" | cksum | cut -d' ' -f1)" 2>/dev/null
	done
	[ -d "$top/testdata/regress" ] && cp "$top"/testdata/regress/* "$corpus/" 2>/dev/null
	echo "fuzz: $name for ${seconds}s"
	if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len=262144 -artifact_prefix="$crashes/" "$corpus" >"$top/build/fuzz/$name.log" 2>&1; then
		echo "fuzz: $name FAILED, see build/fuzz/$name.log and $crashes"
		tail -30 "$top/build/fuzz/$name.log"
		status=1
	fi
done
exit $status
