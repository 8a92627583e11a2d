#!/bin/bash
# Chapter 11's exercise 6 on the debug kernel: lock_order, lockdep_abba
# with one lock order, built out of tree with DEBUG=1 and loaded in one
# boot of it (make DEBUG=1 run), gets no lockdep report, and lockdep is
# still on after it; tests/debug's lockdep_abba, loaded next in the same
# boot, is reported, which shows the boot would have reported the bug.
# lockdep turns itself off after its first report: the original comes
# last.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol11l.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/lock_order.c" "$here/Kbuild" "$root/tests/debug/lockdep_abba.c" "$tmp/"
fail() { echo "FAIL: $*"; [ -f "$tmp/log" ] && tail -n 30 "$tmp/log"; exit 1; }

make -s -C "$root" DEBUG=1 M="$tmp" > "$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; fail 'the modules build with DEBUG=1'; }

# The ISO and initrd of this check only: others may be reading build/debug's.
printf '%s\n' 'insmod lock_order' 'cat /proc/lockdep_stats' 'insmod lockdep_abba' \
	'cat /proc/lockdep_stats' 'echo checked' poweroff |
	make -s -C "$root" DEBUG=1 run M="$tmp" ISO="$tmp/sprout.iso" \
		CMDLINE='loglevel=7' INITRD="$tmp/initrd.cpio" > "$tmp/run.log" 2>&1
tr -d '\r' < "$tmp/run.log" > "$tmp/log"
grep -q '^checked$' "$tmp/log" || fail 'the debug kernel did not run all the commands'

# What each insmod printed, up to the next prompt.
output() { sed -n "/^sprout# insmod $1\$/,/^sprout# /p" "$tmp/log"; }

output lock_order > "$tmp/lock_order.log"
grep -q 'lock_order: both threads took lock_a, then lock_b' "$tmp/lock_order.log" ||
	fail 'lock_order did not run both threads'
grep -Eq 'WARNING|BUG|INFO' "$tmp/lock_order.log" && fail 'lock_order got a report'
# /proc/lockdep_stats, read after each module: on, then off.
states=$(sed -n 's/^ debug_locks: *\([0-9]\)$/\1/p' "$tmp/log" | tr -d '\n')
[ "${states:0:1}" = 1 ] || fail 'lockdep was off after lock_order'
output lockdep_abba | grep -q 'WARNING: possible circular locking dependency detected' ||
	fail 'lockdep_abba got no report: this boot would not show an AB-BA order'
[ "$states" = 10 ] || fail "debug_locks read $states, not 1 then 0"
echo "lock_order clean, lockdep still on; lockdep_abba reported, lockdep then off"
