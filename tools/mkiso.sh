#!/bin/sh
# Make a hybrid BIOS + UEFI ISO with GRUB, the kernel and (if given) the
# initrd, booting with the given kernel command line.
# Usage: tools/mkiso.sh KERNEL OUT.iso 'CMDLINE' [INITRD]
set -eu
kernel=$1 out=$2 cmdline=$3 initrd=${4:-}
here=$(dirname "$0")/..
stage=$(mktemp -d "${TMPDIR:-/tmp}/sprout-iso.XXXXXX")
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/boot/grub"
cp "$kernel" "$stage/boot/sprout.elf"
# '|' cannot appear in a GRUB command line we generate; escape sed's '&' and '\'.
esc=$(printf '%s' "$cmdline" | sed 's/[\\&|]/\\&/g')
sed "s|@CMDLINE@|$esc|" "$here/iso/grub.cfg" > "$stage/boot/grub/grub.cfg"
if [ -n "$initrd" ]; then
	cp "$initrd" "$stage/boot/initrd.cpio"
	sed -i 's|^\tboot$|\tmodule2 /boot/initrd.cpio initrd\n\tboot|' \
		"$stage/boot/grub/grub.cfg"
fi
# The log goes outside the staging tree: xorriso must not archive a file
# that grows while it reads it.
log=$(mktemp "${TMPDIR:-/tmp}/sprout-iso-log.XXXXXX")
trap 'rm -rf "$stage" "$log"' EXIT
grub-mkrescue -o "$out" "$stage" >"$log" 2>&1 || {
	cat "$log" >&2
	exit 1
}
