#!/bin/sh
# Runs each fuzzer for SECONDS. First it replays every stored crash input of
# tests/fuzz/regress/<harness>/ (a regression test); then it fuzzes over a
# corpus seeded from tests/fuzz/seeds/<harness>/ and testdata/. A crash leaves
# its input in build/fuzz/crashes/<harness>/ and fails the run: fix the bug
# and add the input to tests/fuzz/regress/<harness>/. KSD_FUZZ_WORK moves
# the corpus, crash and log directories (default build/fuzz), so that a long
# run's big corpus does not slow down the short runs of `make check`.
set -u
seconds=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
work=${KSD_FUZZ_WORK:-$top/build/fuzz}
status=0

copy_seeds() { # corpus; the file names on stdin
	while read -r f; do
		cp "$f" "$1/td-$(echo "$f" | cksum | cut -d' ' -f1)"
	done
}

# testdata dumps for a harness, an even spread over every pg_dump release:
# plain SQL for plain, any single file for archive, archives of their format
# for custom and tar, packed directories for directory, nothing for rows
# (its input is its own).
seed_testdata() { # name corpus
	case $1 in
	plain)
		find "$top/testdata" -type f -size -256k -name '*.sql' 2>/dev/null | sort |
			awk 'NR % 2 == 1' | copy_seeds "$2"
		;;
	archive)
		find "$top/testdata" -type f -size -256k ! -path '*.dir/*' ! -name '*.tsv' \
			! -name '*.md' ! -name 'README*' 2>/dev/null | sort |
			awk 'NR % 4 == 1' | copy_seeds "$2"
		;;
	custom)
		find "$top/testdata" -type f -size -256k \( -name '*.dump' -o -name '*.custom' \) \
			2>/dev/null | sort | awk 'NR % 2 == 1' | copy_seeds "$2"
		;;
	tar)
		find "$top/testdata" -type f -size -256k -name '*.tar' 2>/dev/null | sort |
			copy_seeds "$2"
		;;
	directory)
		find "$top/testdata" -name toc.dat 2>/dev/null | sort | awk 'NR % 3 == 1' | while read -r toc; do
			d=$(dirname "$toc")
			[ "$(du -sk "$d" | cut -f1)" -lt 256 ] || continue
			{
				cat "$toc"
				for f in "$d"/*.dat*; do
					[ "$f" = "$toc" ] && continue
					printf '\nKSD-FILE:%s\n' "$(basename "$f")"
					cat "$f"
				done
			} >"$2/td-$(echo "$d" | cksum | cut -d' ' -f1)"
		done
		;;
	esac
	return 0
}

for bin in "$@"; do
	name=$(basename "$bin")
	corpus="$work/corpus/$name"
	crashes="$work/crashes/$name"
	log="$work/$name.log"
	mkdir -p "$corpus" "$crashes"
	regress="$top/tests/fuzz/regress/$name"
	if [ -d "$regress" ] && [ -n "$(ls "$regress")" ]; then
		if ! "$bin" -runs=1 -timeout=30 "$regress"/* >"$log" 2>&1; then
			echo "fuzz: $name fails on a stored regression input, see $log"
			tail -30 "$log"
			status=1
			continue
		fi
		cp "$regress"/* "$corpus/"
	fi
	[ -d "$top/tests/fuzz/seeds/$name" ] && cp "$top/tests/fuzz/seeds/$name"/* "$corpus/"
	seed_testdata "$name" "$corpus"
	echo "fuzz: $name for ${seconds}s"
	# -timeout: a small input can expand to megabytes (bzip2), which the
	# instrumented build reads slowly but in linear time; a hang is endless.
	if ! "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
		-max_len=262144 -print_final_stats=1 -artifact_prefix="$crashes/" \
		"$corpus" >"$log" 2>&1; then
		echo "fuzz: $name FAILED, see $log and $crashes"
		tail -30 "$log"
		status=1
	else
		grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" |
			sed "s/^/fuzz: $name /"
	fi
done
exit $status
