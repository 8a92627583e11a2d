#!/bin/bash
# Chapter 2, exercise 1: long.asm reaches 64-bit mode and prints 1 << 40
# from there, then leaves QEMU with the success code; built without CR4.PAE
# (-DNO_IDENTITY) it triple-faults instead, which QEMU's -d int,cpu_reset log
# shows, and prints nothing.
set -u
cd "$(dirname "$0")/../../../.."
here=docs/tutorial/solutions/02-long-mode
out=${BUILD:-build}/tests/solution-02-long-mode
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

# build NAME [NASM FLAGS]: $out/NAME.elf and its ISO
build() {
	local name=$1
	shift
	nasm -f elf64 "$@" "$here/long.asm" -o "$out/$name.o" &&
		ld -z max-page-size=0x1000 -T "$here/long.ld" -o "$out/$name.elf" "$out/$name.o" &&
		grub-file --is-x86-multiboot2 "$out/$name.elf" &&
		tools/mkiso.sh "$out/$name.elf" "$out/$name.iso" '' || fail "build of $name"
}
build long
build unmapped -DNO_IDENTITY

tools/run-qemu.sh --iso "$out/long.iso" --timeout 30 < /dev/null > "$out/long.log" 2>&1
status=$?
[ $status = 0 ] || fail "long: QEMU status $status, log $out/long.log"
grep -q 'long: in 64-bit mode, 1 << 40 = 0x0000010000000000' "$out/long.log" ||
	fail "long: no 64-bit line in $out/long.log"

rm -f "$out/unmapped.qemu.log"
tools/run-qemu.sh --iso "$out/unmapped.iso" --timeout 20 -- -d int,cpu_reset -D "$out/unmapped.qemu.log" \
	< /dev/null > "$out/unmapped.log" 2>&1
grep -q 'long: in 64-bit mode' "$out/unmapped.log" && fail "unmapped reached 64-bit mode"
grep -q 'v=0e ' "$out/unmapped.qemu.log" || fail "unmapped: no page fault in $out/unmapped.qemu.log"
grep -q 'Triple fault' "$out/unmapped.qemu.log" || fail "unmapped: no triple fault in $out/unmapped.qemu.log"
echo "long: reaches 64-bit mode; without the identity map it triple-faults"
