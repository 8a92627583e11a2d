#!/bin/bash
# Chapter 1, exercise 1: the kernel in mb2info.asm builds, grub-file takes
# its header (and refuses the same header with a wrong checksum), GRUB boots
# it from an ISO made like Sprout's, and it prints the command line and the
# boot loader's name it found in the Multiboot2 information, then leaves
# QEMU with the success code.  Its first instruction gives it a stack.
set -u
here=$(dirname "$0")
cd "$here/../../../.."
here=docs/tutorial/solutions/01-boot
out=${BUILD:-build}/tests/solution-01-boot
mkdir -p "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

nasm -f elf32 "$here/mb2info.asm" -o "$out/mb2info.o" || fail "nasm"
ld -m elf_i386 -T tools/floor/floor.ld -o "$out/mb2info.elf" "$out/mb2info.o" || fail "ld"
grub-file --is-x86-multiboot2 "$out/mb2info.elf" || fail "grub-file refuses mb2info.elf"
nasm -f elf32 -DBAD_CHECKSUM "$here/mb2info.asm" -o "$out/bad.o" &&
	ld -m elf_i386 -T tools/floor/floor.ld -o "$out/bad.elf" "$out/bad.o" || fail "build of the bad header"
grub-file --is-x86-multiboot2 "$out/bad.elf" && fail "grub-file takes a header with a wrong checksum"
# GRUB leaves ESP undefined: the entry's first instruction sets it, to the
# top of a stack that lies inside the image.
first=$(objdump -d --no-show-raw-insn -M intel "$out/mb2info.elf" |
	awk '/<_start>:/ { getline; print; exit }')
top=$(nm "$out/mb2info.elf" | awk '$3 == "stack_top" { print $1 }')
[ -n "$top" ] && echo "$first" | grep -Eq "mov +esp,0x0*${top#"${top%%[!0]*}"}\b" ||
	fail "_start does not begin by setting ESP to stack_top: $first"

# The command line is the ISO's: a fresh word each run, so an old log
# cannot pass.
word=check$$
tools/mkiso.sh "$out/mb2info.elf" "$out/mb2info.iso" "tutorial $word" || fail "mkiso"
tools/run-qemu.sh --iso "$out/mb2info.iso" --timeout 60 < /dev/null > "$out/serial.log" 2>&1
status=$?
sed -i 's/\r$//' "$out/serial.log"
[ $status = 0 ] || fail "QEMU status $status (0: the success code), log $out/serial.log"
grep -q "mb2info: command line: tutorial $word$" "$out/serial.log" ||
	fail "no command line line in $out/serial.log"
grep -q '^mb2info: boot loader: GRUB ' "$out/serial.log" ||
	fail "no boot loader line in $out/serial.log"
echo "mb2info: boots, reads the command line and the boot loader name"
