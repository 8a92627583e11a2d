#!/bin/bash
# Chapter 11's slab-debugging exercises, built out of tree with DEBUG=1
# and loaded in one boot of the debug kernel with kasan=off (make DEBUG=1
# run): tests/debug's leak_three, loaded and unloaded first, has its four
# objects listed and counted in /sys/kernel/debug/kmemleak, which shows
# this boot reports leaks; leak_three_fixed, the same module with a
# cleanup that frees, has nothing listed at its unload and leaves the
# totals as they were.  tests/debug's slub_redzone with len=60 writes
# inside its kmalloc-64 object and gets no report; loaded again with the
# default 64 it gets "Right Redzone overwritten".
source "$(dirname "$0")/../debug.sh"
debug_copy leak_three_fixed.c Kbuild tests/debug/leak_three.c \
	tests/debug/slub_redzone.c
debug_build
kmemleak='cat /sys/kernel/debug/kmemleak'
printf '%s\n' 'insmod leak_three' 'rmmod leak_three' "$kmemleak" \
	'insmod leak_three_fixed' 'rmmod leak_three_fixed' "$kmemleak" \
	'insmod slub_redzone len=60' 'rmmod slub_redzone' 'insmod slub_redzone' |
	debug_run 'loglevel=7 kasan=off'

output 'rmmod leak_three' | grep -q '^\[[ 0-9.]*\] leak_three: 4 objects (294 bytes) allocated by the module were not freed at unload:$' ||
	fail 'leak_three'"'"'s leaks were not listed: this boot would not show a leak'
output "$kmemleak" 1 > "$tmp/before"
grep -q '^leak_three  *1  *4  *294$' "$tmp/before" ||
	fail 'leak_three is not counted in /sys/kernel/debug/kmemleak'

output 'insmod leak_three_fixed' | grep -q 'leak_three_fixed: allocated three objects' ||
	fail 'leak_three_fixed did not allocate its three objects'
output 'rmmod leak_three_fixed' > "$tmp/fixed"
grep -q 'leak_three_fixed: freed three objects and the cache' "$tmp/fixed" ||
	fail 'leak_three_fixed'"'"'s cleanup did not run to its end'
grep -Eq 'not freed at unload|unreferenced object|still has objects|BUG|WARNING' "$tmp/fixed" &&
	{ cat "$tmp/fixed"; fail 'leak_three_fixed left something behind at its unload'; }
output "$kmemleak" 2 > "$tmp/after"
cmp -s "$tmp/before" "$tmp/after" ||
	{ diff "$tmp/before" "$tmp/after"; fail 'the kmemleak totals grew with leak_three_fixed'; }

output 'insmod slub_redzone len=60' > "$tmp/inside"
grep -q 'slub_redzone: wrote one byte past a 60-byte object' "$tmp/inside" ||
	fail 'slub_redzone len=60 did not write'
grep -Eq 'BUG|FIX' "$tmp/inside" && fail 'a write inside the kmalloc-64 object was reported'
output 'insmod slub_redzone' | grep -q 'BUG kmalloc-64 (Not tainted): Right Redzone overwritten' ||
	fail 'slub_redzone with len=64 got no report: this boot would not show a red zone'
echo "leak_three listed and counted; leak_three_fixed clean, totals unchanged;" \
	"slub_redzone len=60 not reported, len=64 reported"
