#!/bin/bash
# Chapter 11's exercise 6 on the debug kernel: lock_order, lockdep_abba
# with one lock order, built out of tree with DEBUG=1 and loaded in one
# boot of it (make DEBUG=1 run), gets no lockdep report, and lockdep is
# still on after it; tests/debug's lockdep_abba, loaded next in the same
# boot, is reported, which shows the boot would have reported the bug.
# lockdep turns itself off after its first report: the original comes
# last.
source "$(dirname "$0")/../debug.sh"
debug_copy lock_order.c Kbuild tests/debug/lockdep_abba.c
debug_build
printf '%s\n' 'insmod lock_order' 'cat /proc/lockdep_stats' 'insmod lockdep_abba' \
	'cat /proc/lockdep_stats' | debug_run 'loglevel=7'

output 'insmod lock_order' > "$tmp/lock_order.log"
grep -q 'lock_order: both threads took lock_a, then lock_b' "$tmp/lock_order.log" ||
	fail 'lock_order did not run both threads'
grep -Eq 'WARNING|BUG|INFO' "$tmp/lock_order.log" && fail 'lock_order got a report'
# /proc/lockdep_stats, read after each module: on, then off.
states=$(sed -n 's/^ debug_locks: *\([0-9]\)$/\1/p' "$tmp/log" | tr -d '\n')
[ "${states:0:1}" = 1 ] || fail 'lockdep was off after lock_order'
output 'insmod lockdep_abba' | grep -q 'WARNING: possible circular locking dependency detected' ||
	fail 'lockdep_abba got no report: this boot would not show an AB-BA order'
[ "$states" = 10 ] || fail "debug_locks read $states, not 1 then 0"
echo "lock_order clean, lockdep still on; lockdep_abba reported, lockdep then off"
