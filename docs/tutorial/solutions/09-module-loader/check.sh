#!/bin/bash
# Chapter 9's exercises: gotcall.ko, built with -fno-plt, has GOTPCRELX
# relocations against kernel functions and loads and runs in Sprout;
# oldmagic.ko, with a foreign vermagic, is refused with the version magic
# message and nothing of it runs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol09.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$here/gotcall.c" "$here/oldmagic.c" "$here/Kbuild" "$tmp/"
fail() { echo "FAIL: $*"; [ -f "$tmp/run.log" ] && tail -n 20 "$tmp/run.log"; exit 1; }

make -s -C "$root" M="$tmp" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail 'the modules build'; }
got=$(readelf -rW "$tmp/gotcall.ko" | grep -cE 'R_X86_64_(REX_)?GOTPCRELX? .* (strlen|printk) - 4')
[ "$got" -ge 2 ] || fail "gotcall.ko has $got GOT relocations against strlen/printk, want 2"

# The ISO and initrd of this check only: others may be reading build/'s.
printf 'insmod gotcall\ninsmod oldmagic\nlsmod\npoweroff\n' |
	make -s -C "$root" run M="$tmp" ISO="$tmp/sprout.iso" INITRD="$tmp/initrd.cpio" \
	> "$tmp/run.log" 2>&1
tr -d '\r' < "$tmp/run.log" > "$tmp/log"
grep -q 'gotcall: strlen("sprout") = 6, called through the GOT' "$tmp/log" ||
	fail 'gotcall did not print its line'
grep -q "oldmagic: version magic '6.1.0 SMP preempt mod_unload' should be '" "$tmp/log" ||
	fail 'oldmagic was not refused for its version magic'
grep -q 'oldmagic: loaded' "$tmp/log" && fail 'oldmagic ran'
grep -q '^gotcall ' "$tmp/log" || fail 'gotcall is not in lsmod'
echo "gotcall.ko: $got GOT relocations, loaded and ran; oldmagic.ko refused for its vermagic"
