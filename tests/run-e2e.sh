#!/bin/sh
# Runs every tests/e2e/*.sh against the binary in $KSD; each script exits 0
# on success and prints its own failures; each gets a line with its time in
# seconds (CI has a budget). Ends with "N passed, N failed".
set -u
: "${KSD:?set KSD to the binary under test}"
KSD=$(cd "$(dirname "$KSD")" && pwd)/$(basename "$KSD")
export KSD
top=$(cd "$(dirname "$0")/.." && pwd)
export KSD_TOP="$top"
pass=0
fail=0
for t in "$top"/tests/e2e/*.sh; do
	[ -e "$t" ] || continue
	start=$(date +%s)
	if sh "$t"; then
		pass=$((pass + 1))
		echo "ok: $(basename "$t") ($(($(date +%s) - start)) s)"
	else
		echo "FAIL: $(basename "$t") ($(($(date +%s) - start)) s)"
		fail=$((fail + 1))
	fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
