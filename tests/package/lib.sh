# Sourced by the tests of tests/package/: a sample of the corpus and a way to
# record what a build of the tool says about it, so two builds can be compared.
# Each test counts its failures in $fails and ends with [ "$fails" -eq 0 ].

fails=0
fail() {
	echo "$test_name: $*"
	fails=$((fails + 1))
}

# absolute PATH: PATH from the root, since the tests run from testdata/.
absolute() {
	echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}

# One dump of each format the readers handle: plain, pg_dumpall, each
# compression of plain, custom (zlib, lz4, zstd, none), tar and directory,
# across pg_dump releases and verdicts (intact, flushed, hybrid).
sample="demo/flushed-v17.sql pg15/cluster.sql pg15/hybrid-v17.sql
pg15/fresh-v003.sql.gz pg15/fresh-v003.sql.bz2 pg15/fresh-v003.sql.xz
pg17/mig-v17-flushed.sql.zst pg17/hybrid-v17.sql.lz4 pg15/fresh-v003.dump
pg17/mig-v17-flushed-lz4.dump pg18/fresh-v026.z0.dump pg15/hybrid-v17.tar
pg17/mig-v17-flushed-zstd.dir pg15/fresh-v003.dir"

# record OUT COMMAND...: the text, JSON and SQL output and the exit status of
# COMMAND on each dump of $sample (names relative to the current directory).
record() {
	out=$1
	shift
	: >"$out"
	for f in $sample; do
		for mode in --format=text --format=json --sql; do
			echo "== $mode $f" >>"$out"
			"$@" "$mode" "$f" >>"$out" 2>&1
			echo "status $?" >>"$out"
		done
	done
}

# same WHAT A B: fails, showing the first differences, unless files A and B are equal.
same() {
	cmp -s "$2" "$3" && return 0
	fail "$1: output differs: $(diff "$2" "$3" | head -n 6 | tr '\n' ' ')"
}
