#!/bin/bash
# Chapter 13's exercises, built out of tree and loaded in one boot: once's
# tasklet, scheduled three times by a timer and twice by itself, runs
# three times, serving softirqs; context finds the timer in a hard
# interrupt, the tasklet serving softirqs, init and the work item in
# task context, the work item in a kworker; sleepers' three 100 ms items
# sleep together on system_wq (under 250 ms in all) and one after the
# other on an ordered queue (at least 300 ms).  The upper bounds leave
# room for a busy host.  Every module unloads: nothing it started stays.
source "$(dirname "$0")/../lib.sh"

solution_copy once.c context.c sleepers.c Kbuild
solution_modules
solution_boot 'loglevel=7' \
	'insmod once\ninsmod context\ninsmod sleepers\nrmmod once\nrmmod context\nrmmod sleepers\nlsmod\n' \
	"$work/once.ko" "$work/context.ko" "$work/sleepers.ko"

must '\] once: run 1, serving softirqs: yes$' 'the tasklet runs as a softirq'
must '\] once: 3 schedules from the timer and 2 from the callback: 3 runs$' \
	'three schedules before it runs run it once; each from its callback once more'
must '\] context: init +interrupt 0 softirq 0 task 1 in sh$' 'init runs in the shell'"'"'s thread'
must '\] context: timer +interrupt 1 softirq 0 task 0 in ' 'a timer runs in a hard interrupt'
must '\] context: tasklet +interrupt 1 softirq 1 task 0 in ' 'a tasklet runs serving softirqs'
must '\] context: work item +interrupt 0 softirq 0 task 1 in kworker/' 'a work item runs in a kworker'
ms() { sed -n "s/.*sleepers: $1: 3 items of 100 ms in \([0-9]*\) ms.*/\1/p" "$log"; }
sys=$(ms system_wq) ord=$(ms ordered)
if [ -n "$sys" ] && [ "$sys" -ge 100 ] && [ "$sys" -lt 250 ]; then
	echo "ok - three sleeping items on system_wq sleep together ($sys ms)"
else
	echo "not ok - three sleeping items on system_wq sleep together (${sys:-no} ms, want 100 to 249)"
	failed=1
fi
if [ -n "$ord" ] && [ "$ord" -ge 300 ] && [ "$ord" -lt 1000 ]; then
	echo "ok - an ordered queue runs them one at a time ($ord ms)"
else
	echo "not ok - an ordered queue runs them one at a time (${ord:-no} ms, want 300 to 999)"
	failed=1
fi
must_not '^(once|context|sleepers) ' 'each module unloads: its exit stopped what it started'
must_not 'BUG|WARNING' 'no report of a rule broken'
solution_done
