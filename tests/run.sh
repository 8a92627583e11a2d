#!/bin/bash
# Run every test -- host unit tests, build checks (tests/checks), then QEMU
# boot tests -- and finish with
# one line "N passed, N failed".  Every test reports TAP lines ("ok ..." or
# "not ok ..."); in-kernel KTAP results are turned into such lines by the
# boot tests.  Exit status 0 only when nothing failed.
#
# Usage: tests/run.sh [name ...]   (test_<unit> or a tests/boot/<name>.sh)
set -u
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
out=$BUILD/tests
mkdir -p "$out"

passed=0 failed=0
count() {
	local ok bad
	ok=$(grep -c '^ok ' "$1")
	bad=$(grep -c '^not ok ' "$1")
	passed=$((passed + ok))
	failed=$((failed + bad))
}

filter=("$@")
selected() {
	[ ${#filter[@]} -eq 0 ] && return 0
	for n in "${filter[@]}"; do [ "$n" = "$1" ] && return 0; done
	return 1
}

run_unit() {
	local bin=$1 name log
	name=$(basename "$bin")
	log=$out/$name.tap
	CMOCKA_MESSAGE_OUTPUT=TAP "$bin" > "$log" 2>&1
	local rc=$?
	sed "s/^\(\(not \)\?ok [0-9]*\) - /\1 - $name: /" "$log" | grep -E '^(not )?ok |^#' 
	# A crash (sanitizer report) is a failure even if no line says so.
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		echo "not ok - $name: exited with status $rc" | tee -a "$log"
		tail -n 20 "$log" | sed 's/^/# /'
	fi
	count "$log"
}

run_boot() {
	local script=$1 name log
	name=$(basename "$script" .sh)
	log=$out/$name.tap
	bash "$script" > "$log" 2>&1
	local rc=$?
	grep -E '^(not )?ok |^#' "$log"
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		echo "not ok - $name: script exited with status $rc" | tee -a "$log"
	fi
	count "$log"
}

for bin in "$BUILD"/tests/unit/test_*; do
	[ -x "$bin" ] || continue
	selected "$(basename "$bin")" || continue
	run_unit "$bin"
done
for script in tests/checks/*.sh tests/boot/*.sh; do
	[ "$(basename "$script")" = lib.sh ] && continue
	selected "$(basename "$script" .sh)" || continue
	run_boot "$script"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
