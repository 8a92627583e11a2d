#!/bin/bash
# Chapter 11's exercise 5 on the debug kernel: free_last, tests/debug's
# kasan_uaf with the read moved before the kfree, built out of tree with
# DEBUG=1 and loaded in one boot of the debug kernel (make DEBUG=1 run)
# after the original.  The original's read must get KASAN's report -- a
# use-after-free, a read of 4 bytes, in kasan_uaf_init, freed by kfree
# from there -- so that the boot shows the bug is seen; free_last must get
# none, and print the value it read.
source "$(dirname "$0")/../debug.sh"
debug_copy free_last.c Kbuild tests/debug/kasan_uaf.c
debug_build
printf '%s\n' 'insmod kasan_uaf' 'insmod free_last' | debug_run 'loglevel=7'

output 'insmod kasan_uaf' > "$tmp/kasan_uaf.log"
grep -Eq '^\[ *[0-9.]+\] BUG: KASAN: use-after-free in kasan_uaf_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[kasan_uaf\]$' \
	"$tmp/kasan_uaf.log" ||
	fail 'kasan_uaf got no use-after-free report naming kasan_uaf_init: this boot would not show the bug'
grep -Eq 'Read of size 4 at addr [0-9a-f]+ by task sh/' "$tmp/kasan_uaf.log" ||
	fail 'the report is not of a 4-byte read'
sed -n '/Freed by task/,/^\[ *[0-9.]*\] The buggy/p' "$tmp/kasan_uaf.log" |
	grep -q ' kasan_uaf_init+0x' || fail 'the report has no free stack from kasan_uaf_init'

output 'insmod free_last' > "$tmp/free_last.log"
grep -q 'free_last: read the object before freeing it: 42$' "$tmp/free_last.log" ||
	fail 'free_last did not read 42'
grep -Eq 'BUG|UBSAN|WARNING' "$tmp/free_last.log" && fail 'free_last got a report'
n=$(grep -c 'BUG: KASAN' "$tmp/log")
[ "$n" = 1 ] || fail "$n KASAN reports in the boot, wanted kasan_uaf's alone"
echo "kasan_uaf reported (use-after-free, read of size 4); free_last clean"
