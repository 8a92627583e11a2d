#!/bin/bash
# Chapter 12's exercises, built out of tree and loaded in one boot:
# ticker's timer runs 5 times, never less than 100 ms apart, and its
# completion ends the wait; prodcons's consumer sums all 20 numbers
# through a ring of 4; and nice_ratio's nice 0 thread counts about
# 1024/335 times as many loops as its nice 5 one.  The bounds leave room
# for a busy host, which runs QEMU late now and then: a late tick makes
# a timer late (never early), and a stall is charged to whichever
# thread ran.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol12.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/nice_ratio.c" "$here/ticker.c" "$here/prodcons.c" "$here/Kbuild" "$tmp/"
fail() { echo "FAIL: $*"; [ -f "$tmp/log" ] && tail -n 20 "$tmp/log"; exit 1; }

make -s -C "$root" M="$tmp" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail 'the modules build'; }

# The ISO and initrd of this check only: others may be reading build/'s.
printf '%s\n' 'insmod ticker' 'insmod prodcons' 'insmod nice_ratio' ps \
	'rmmod ticker' 'rmmod prodcons' 'rmmod nice_ratio' lsmod poweroff |
	make -s -C "$root" run M="$tmp" ISO="$tmp/sprout.iso" INITRD="$tmp/initrd.cpio" \
		> "$tmp/run.log" 2>&1
tr -d '\r' < "$tmp/run.log" > "$tmp/log"

# ticker: five runs, each at least 10 jiffies (100 ms at HZ=100) after
# the last, and not a whole second late.
jiffies=$(sed -n 's/.*ticker: run [1-5] of 5 at jiffy \([0-9]*\)$/\1/p' "$tmp/log" | tr '\n' ' ')
set -- $jiffies
[ $# = 5 ] || fail "ticker ran $# times, want 5"
prev=$1
shift
for j in "$@"; do
	[ $((j - prev)) -ge 10 ] && [ $((j - prev)) -le 100 ] ||
		fail "ticker runs at jiffies $jiffies: not 10 to 100 apart"
	prev=$j
done
ms=$(sed -n 's/.*ticker: done after \([0-9]*\) ms$/\1/p' "$tmp/log")
[ -n "$ms" ] && [ "$ms" -ge 500 ] && [ "$ms" -le 1500 ] ||
	fail "ticker's completion came after ${ms:-no} ms, want 500 to 1500"

grep -q 'prodcons: consumer summed 210 (want 210)' "$tmp/log" ||
	fail 'the consumer did not get the 20 numbers once each'

ratio=$(sed -n 's/.*nice_ratio: .*: ratio \([0-9]*\)\.\([0-9][0-9]\) .*/\1\2/p' "$tmp/log")
[ -n "$ratio" ] || fail 'nice_ratio printed no ratio'
# 3.06 when the host runs QEMU steadily; a stall of a few hundred ms,
# charged to one thread, moves it a long way, but not to the 1.0 of a
# scheduler that ignored nice.
[ "$ratio" -ge 160 ] && [ "$ratio" -le 500 ] ||
	fail "nice 0 against nice 5 looped in the ratio $ratio/100, want 1.6 to 5.0"

# Every thread ended with its module's init: ps shows none, rmmod works.
grep -Eq '\[(nice[05]|producer|consumer)\]' "$tmp/log" && fail 'a thread outlived its module'
grep -Eq '^(ticker|prodcons|nice_ratio) ' "$tmp/log" && fail 'a module stayed loaded after rmmod'
echo "ticker: jiffies $jiffies, done in $ms ms; prodcons: sum 210; nice_ratio: $(printf "%d.%02d" $((ratio / 100)) $((ratio % 100)))"
