#!/bin/bash
# Chapter 11's exercises on the debug kernel, built out of tree with
# DEBUG=1 and loaded in one boot of it (make DEBUG=1 run): sleep_mutex
# sleeps 10 ms holding a mutex with no report, while tests/debug's
# atomic_sleep, loaded first in the same boot, shows that a sleep under a
# spinlock is reported there; off_by_one's read past its table gets
# UBSAN's report, naming the line of the read and the index;
# patient_waiter's thread is not reported hung when tests/debug's
# hung_waiter, loaded after it, is, and ends when its module is unloaded.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol11d.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/sleep_mutex.c" "$here/off_by_one.c" "$here/patient_waiter.c" \
	"$here/Kbuild" "$root/tests/debug/atomic_sleep.c" \
	"$root/tests/debug/hung_waiter.c" "$tmp/"
fail() { echo "FAIL: $*"; [ -f "$tmp/log" ] && tail -n 30 "$tmp/log"; exit 1; }

make -s -C "$root" DEBUG=1 M="$tmp" > "$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; fail 'the modules build with DEBUG=1'; }

# The ISO and initrd of this check only: others may be reading build/debug's.
# The unloads wait for khungtaskd's report of hung_waiter (a minute at
# most): by then it has looked at patient_waiter for as long.
{
	printf '%s\n' 'insmod atomic_sleep' 'insmod sleep_mutex' 'insmod off_by_one' \
		'insmod patient_waiter' 'insmod hung_waiter'
	timeout 60 sh -c "until grep -qs 'INFO: task hung_waiter:' '$tmp/run.log'; do sleep 1; done"
	printf '%s\n' 'rmmod patient_waiter' 'rmmod hung_waiter' ps 'echo checked' poweroff
} | make -s -C "$root" DEBUG=1 run M="$tmp" ISO="$tmp/sprout.iso" \
	CMDLINE='loglevel=7 hung_task_timeout_secs=2' INITRD="$tmp/initrd.cpio" \
	> "$tmp/run.log" 2>&1
tr -d '\r' < "$tmp/run.log" > "$tmp/log"
grep -q '^checked$' "$tmp/log" || fail 'the debug kernel did not run all the commands'

# What each insmod printed, up to the next prompt.
output() { sed -n "/^sprout# insmod $1\$/,/^sprout# /p" "$tmp/log"; }

output atomic_sleep | grep -q 'BUG: sleeping function called from invalid context' ||
	fail 'atomic_sleep got no report: this boot would not show a bad sleep'
output sleep_mutex > "$tmp/sleep_mutex.log"
grep -q 'sleep_mutex: slept 10 ms holding a mutex' "$tmp/sleep_mutex.log" ||
	fail 'sleep_mutex did not sleep under its mutex'
grep -Eq 'BUG|UBSAN|WARNING' "$tmp/sleep_mutex.log" &&
	fail 'sleep_mutex got a report'

# The report names the file, the line of the read, and the index.
line=$(grep -n 'table\[i\]' "$here/off_by_one.c" | cut -d: -f1)
output off_by_one > "$tmp/off_by_one.log"
grep -Eq "UBSAN: array-index-out-of-bounds in $tmp/off_by_one\\.c:$line:[0-9]+\$" \
	"$tmp/off_by_one.log" || fail "off_by_one got no UBSAN report at line $line"
grep -q "index 4 is out of range for type 'int \[4\]'" "$tmp/off_by_one.log" ||
	fail 'the report does not name index 4 of an int [4]'
grep -q 'off_by_one: sum ' "$tmp/off_by_one.log" ||
	fail 'the kernel did not go on after the report'

grep -q 'INFO: task hung_waiter:[0-9]* blocked for more than 2 seconds' "$tmp/log" ||
	fail 'hung_waiter was not reported: this boot would not show a hung task'
grep -q 'INFO: task patient_waiter:' "$tmp/log" && fail 'patient_waiter was reported hung'
output patient_waiter > "$tmp/patient_waiter.log"
grep -Eq 'BUG|UBSAN|WARNING' "$tmp/patient_waiter.log" && fail 'patient_waiter got a report'
# The prompt before it may have come before the report: no "sprout# " then.
sed -n '/rmmod patient_waiter$/,/^sprout# /p' "$tmp/log" |
	grep -q 'patient_waiter: told to go, going' ||
	fail 'patient_waiter'"'"'s thread did not end with its module'
grep -q '\[patient_waiter\]' "$tmp/log" && fail 'patient_waiter'"'"'s thread outlived its module'
echo "atomic_sleep reported; sleep_mutex clean; off_by_one reported at line $line;" \
	"hung_waiter reported, patient_waiter not"
