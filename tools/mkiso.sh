#!/bin/sh
# Make a hybrid BIOS + UEFI ISO with GRUB, the kernel and (if given) the
# initrd, booting with the given kernel command line.  Each further FILE is
# loaded by GRUB as one more Multiboot2 module named by its file name (the
# boot tests pass module .ko files this way).
# Usage: tools/mkiso.sh KERNEL OUT.iso 'CMDLINE' [INITRD [FILE...]]
set -eu
kernel=$1 out=$2 cmdline=$3 initrd=${4:-}
shift $(($# < 4 ? $# : 4))
here=$(dirname "$0")/..
stage=$(mktemp -d "${TMPDIR:-/tmp}/sprout-iso.XXXXXX")
# The log stays outside the tree being packed: xorriso fails ("MISHAP") on
# a file that grows while it is added.
mklog=$(mktemp "${TMPDIR:-/tmp}/sprout-iso-log.XXXXXX")
trap 'rm -rf "$stage" "$mklog"' EXIT

mkdir -p "$stage/boot/grub"
# GRUB reads the whole file, and copies every section that is not loaded
# into memory too (for the Multiboot2 ELF sections tag).  The debug
# information (three quarters of the file) and the symbol table stay in the
# build for gdb; the kernel names its own functions from .kallsyms.  Linux's
# boot image is stripped the same way.
objcopy --strip-all "$kernel" "$stage/boot/sprout.elf"
# The command line as GRUB words that give the kernel exactly its bytes.
# GRUB's shell-like lexer would take quotes, '$' and '\\' for its own, and
# it passes its words to the kernel joined by one blank, each word with a
# blank in it wrapped in double quotes and '\\', '"' and "'" escaped by a
# backslash (which the kernel undoes, kernel/boot/multiboot2.c).  So split
# at each blank (an empty word keeps a run of blanks) and single-quote
# every word: no word then holds a blank, and GRUB takes none of it.
grub_words() {
	printf '%s' "$1" | awk 'BEGIN { RS = "\001"; q = "\047" }
	{
		n = split($0, w, / /)
		for (i = 1; i <= n; i++) {
			gsub(q, q "\\" q q, w[i])
			printf "%s%s%s%s", (i > 1 ? " " : ""), q, w[i], q
		}
	}'
}
words=$(grub_words "$cmdline")
WORDS=$words awk 'i = index($0, "@CMDLINE@") {
		$0 = substr($0, 1, i - 1) ENVIRON["WORDS"] substr($0, i + 9)
	} 1' \
	"$here/iso/grub.cfg" > "$stage/boot/grub/grub.cfg"
# excerpt: mkiso-initrd
if [ -n "$initrd" ]; then
	cp "$initrd" "$stage/boot/initrd.cpio"
	sed -i 's|^\tboot$|\tmodule2 /boot/initrd.cpio initrd\n\tboot|' \
		"$stage/boot/grub/grub.cfg"
fi
# excerpt-end: mkiso-initrd
if [ $# -gt 0 ]; then
	mkdir -p "$stage/boot/files"
	for f in "$@"; do
		b=$(basename "$f")
		cp "$f" "$stage/boot/files/$b"
		sed -i "s|^\tboot\$|\tmodule2 /boot/files/$b $b\n\tboot|" \
			"$stage/boot/grub/grub.cfg"
	done
fi
# Only the GRUB modules grub.cfg uses (and what they need), with the
# commands a person at GRUB's prompt looks around with: every module of
# both platforms, with fonts, themes and translations, would make a 20 MB
# ISO and take twice as long to pack.  The partition map modules are there
# because GRUB's UEFI build loads each one it has listed when it probes the
# disks.  all_video holds efi_gop, which exists only in the UEFI build.
modules="normal multiboot2 serial terminal test all_video
	ls cat echo help halt reboot configfile search
	part_acorn part_amiga part_apple part_bsd part_dfly part_dvh part_gpt
	part_msdos part_plan part_sun part_sunpc"
grub-mkrescue --install-modules="$(echo $modules)" --fonts= --themes= \
	--locales= -o "$out" "$stage" >"$mklog" 2>&1 || {
	cat "$mklog" >&2
	exit 1
}
