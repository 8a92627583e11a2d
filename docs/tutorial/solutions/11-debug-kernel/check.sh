#!/bin/bash
# Chapter 11's exercises on the debug kernel, built out of tree with
# DEBUG=1 and loaded in one boot of it (make DEBUG=1 run): sleep_mutex
# sleeps 10 ms holding a mutex with no report, while tests/debug's
# atomic_sleep, loaded first in the same boot, shows that a sleep under a
# spinlock is reported there; off_by_one's read past its table gets
# UBSAN's report, naming the line of the read and the index;
# patient_waiter's thread is not reported hung when tests/debug's
# hung_waiter, loaded after it, is, and ends when its module is unloaded.
source "$(dirname "$0")/../debug.sh"
debug_copy sleep_mutex.c off_by_one.c patient_waiter.c Kbuild \
	tests/debug/atomic_sleep.c tests/debug/hung_waiter.c
debug_build

# The unloads wait for khungtaskd's report of hung_waiter (a minute at
# most): by then it has looked at patient_waiter for as long.
{
	printf '%s\n' 'insmod atomic_sleep' 'insmod sleep_mutex' 'insmod off_by_one' \
		'insmod patient_waiter' 'insmod hung_waiter'
	timeout 60 sh -c "until grep -qs 'INFO: task hung_waiter:' '$tmp/run.log'; do sleep 1; done"
	printf '%s\n' 'rmmod patient_waiter' 'rmmod hung_waiter' ps
} | debug_run 'loglevel=7 hung_task_timeout_secs=2'

output 'insmod atomic_sleep' | grep -q 'BUG: sleeping function called from invalid context' ||
	fail 'atomic_sleep got no report: this boot would not show a bad sleep'
output 'insmod sleep_mutex' > "$tmp/sleep_mutex.log"
grep -q 'sleep_mutex: slept 10 ms holding a mutex' "$tmp/sleep_mutex.log" ||
	fail 'sleep_mutex did not sleep under its mutex'
grep -Eq 'BUG|UBSAN|WARNING' "$tmp/sleep_mutex.log" &&
	fail 'sleep_mutex got a report'

# The report names the file, the line of the read, and the index.
line=$(grep -n 'table\[i\]' "$here/off_by_one.c" | cut -d: -f1)
output 'insmod off_by_one' > "$tmp/off_by_one.log"
grep -Eq "UBSAN: array-index-out-of-bounds in $tmp/off_by_one\\.c:$line:[0-9]+\$" \
	"$tmp/off_by_one.log" || fail "off_by_one got no UBSAN report at line $line"
grep -q "index 4 is out of range for type 'int \[4\]'" "$tmp/off_by_one.log" ||
	fail 'the report does not name index 4 of an int [4]'
grep -q 'off_by_one: sum ' "$tmp/off_by_one.log" ||
	fail 'the kernel did not go on after the report'

grep -q 'INFO: task hung_waiter:[0-9]* blocked for more than 2 seconds' "$tmp/log" ||
	fail 'hung_waiter was not reported: this boot would not show a hung task'
grep -q 'INFO: task patient_waiter:' "$tmp/log" && fail 'patient_waiter was reported hung'
output 'insmod patient_waiter' > "$tmp/patient_waiter.log"
grep -Eq 'BUG|UBSAN|WARNING' "$tmp/patient_waiter.log" && fail 'patient_waiter got a report'
# The prompt before it may have come before the report: no "sprout# " then.
sed -n '/rmmod patient_waiter$/,/^sprout# /p' "$tmp/log" |
	grep -q 'patient_waiter: told to go, going' ||
	fail 'patient_waiter'"'"'s thread did not end with its module'
grep -q '\[patient_waiter\]' "$tmp/log" && fail 'patient_waiter'"'"'s thread outlived its module'
echo "atomic_sleep reported; sleep_mutex clean; off_by_one reported at line $line;" \
	"hung_waiter reported, patient_waiter not"
