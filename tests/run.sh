#!/bin/bash
# Run every test -- host unit tests, build checks (tests/checks) and QEMU
# boot tests (tests/boot) -- and finish with one line "N passed, N failed".
# Every test reports TAP lines ("ok ..." or "not ok ..."); in-kernel KTAP
# results are turned into such lines by the boot tests.  Exit status 0 only
# when nothing failed.
#
# Tests run in parallel, TEST_JOBS at a time (default: one per CPU), each
# with its own files under $BUILD/tests; a test's lines are printed when it
# ends.  The slowest tests of the last run start first, so that the run ends
# as soon as the longest one can.
#
# Usage: tests/run.sh [name ...]   (test_<unit> or a tests/boot/<name>.sh)
set -u
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
# TEST_OUT: where results go (a run inside another, as the tutorial's
# run blocks do, keeps its own).
out=${TEST_OUT:-$BUILD/tests}
mkdir -p "$out"
jobs=${TEST_JOBS:-$(nproc)}
durations=$out/durations	# "seconds name" of the last run

filter=("$@")
selected() {
	[ ${#filter[@]} -eq 0 ] && return 0
	for n in "${filter[@]}"; do [ "$n" = "$1" ] && return 0; done
	return 1
}

# run_test KIND PATH: run one test, its TAP output into $out/NAME.tap.
run_test() {
	local kind=$1 path=$2 name log rc start
	name=$(test_name "$path")
	log=$out/$name.tap
	start=$(date +%s.%N)
	if [ "$kind" = unit ]; then
		CMOCKA_MESSAGE_OUTPUT=TAP "$path" > "$log.raw" 2>&1
		rc=$?
		sed "s/^\(\(not \)\?ok [0-9]*\) - /\1 - $name: /" "$log.raw" > "$log"
		rm -f "$log.raw"
	else
		bash "$path" > "$log" 2>&1
		rc=$?
	fi
	# A crash (a sanitizer report, a script error) is a failure even if no
	# line says so.
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		echo "not ok - $name: exited with status $rc" >> "$log"
		tail -n 20 "$log" | sed 's/^/# /' >> "$log"
	fi
	echo "$(echo "$(date +%s.%N) - $start" | bc) $name" > "$log.time"
	# CPU time (user + system) of the test and everything it waited for:
	# the second line of times, children's, in this subshell of its own.
	times > "$log.times"
	awk -v n="$name" 'NR == 2 { print cpu($1) + cpu($2), n }
		function cpu(t) { split(t, a, /[ms]/); return a[1] * 60 + a[2] }' \
		"$log.times" > "$log.cpu"
	rm -f "$log.times"
}

test_name() {
	case $1 in
	*.sh) basename "$1" .sh ;;
	*) basename "$1" ;;
	esac
}

# The tests to run, as "KIND PATH" lines, slowest of the last run first.
list_tests() {
	local bin script
	for bin in "$BUILD"/tests/unit/test_*; do
		[ -x "$bin" ] && selected "$(basename "$bin")" && echo "unit $bin"
	done
	for script in tests/checks/*.sh tests/boot/*.sh; do
		[ "$(basename "$script")" = lib.sh ] && continue
		selected "$(basename "$script" .sh)" && echo "script $script"
	done
}

by_last_duration() {
	local kind path name secs
	while read -r kind path; do
		name=$(test_name "$path")
		secs=$(awk -v n="$name" '$2 == n { print $1 }' "$durations" 2>/dev/null)
		echo "${secs:-0} $kind $path"
	done | sort -rn -k1,1 | cut -d' ' -f2-
}

report() {
	local log=$out/$1.tap
	grep -E '^(not )?ok |^#' "$log"
}

passed=0 failed=0
rm -f "$out/times.new"
declare -A running=()	# pid -> test name
finish_one() {
	local pid name
	wait -n -p pid
	name=${running[$pid]}
	unset "running[$pid]"
	report "$name"
}

suite_start=$EPOCHREALTIME
touch "$out/suite_start"
mapfile -t tests < <(list_tests | by_last_duration)
# Each test's files are named after it: two of one name would write the
# same files and be counted twice.
dups=$(for t in "${tests[@]}"; do test_name "${t#* }"; echo; done | sort | uniq -d)
if [ -n "$dups" ]; then
	echo "not ok - run.sh: more than one test named:" $dups
	echo "0 passed, 1 failed"
	exit 1
fi
for t in "${tests[@]}"; do
	while [ ${#running[@]} -ge "$jobs" ]; do
		finish_one
	done
	read -r kind path <<< "$t"
	rm -f "$out/$(test_name "$path")".tap{,.time,.cpu}
	run_test "$kind" "$path" &
	running[$!]=$(test_name "$path")
done
while [ ${#running[@]} -gt 0 ]; do
	finish_one
done

# Count every test of this run, and keep their durations for the next one.
for t in "${tests[@]}"; do
	read -r kind path <<< "$t"
	name=$(test_name "$path")
	passed=$((passed + $(grep -c '^ok ' "$out/$name.tap")))
	failed=$((failed + $(grep -c '^not ok ' "$out/$name.tap")))
	cat "$out/$name.tap.time" 2>/dev/null
	join -j 2 -o 1.1,2.1,0 "$out/$name.tap.time" "$out/$name.tap.cpu" \
		>> "$out/times.new" 2>/dev/null
done > "$durations.new"
{ cat "$durations.new"; cat "$durations" 2>/dev/null; } |
	awk '!seen[$2]++' > "$durations.tmp" && mv "$durations.tmp" "$durations"
rm -f "$durations.new"

# This run's tests by CPU time: "wall cpu name", and the sums.
sort -rn -k2,2 "$out/times.new" > "$out/times" 2>/dev/null
rm -f "$out/times.new"
wall=$(echo "$EPOCHREALTIME - $suite_start" | bc | xargs printf '%.1f')
awk -v w="$wall" '{ c += $2 } END { printf "# %s s wall, %.1f s CPU in the tests (%s)\n",
	w, c, FILENAME }' "$out/times"
# The whole run's wall time, for make bench; and the boot tests' ISOs
# that no test used (tests/boot/lib.sh touches each one it boots), which
# would otherwise pile up at 5 MB each.  Only after a run of every test.
if [ ${#filter[@]} -eq 0 ]; then
	echo "$wall" > "$out/suite_seconds"
	find "$out/iso" -name '*.iso' ! -newer "$out/suite_start" -delete 2>/dev/null
fi
rm -f "$out/suite_start"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
