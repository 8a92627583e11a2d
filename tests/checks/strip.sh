# What GRUB loads carries no debug information (it would need more RAM and
# time to read), while the build keeps full copies for gdb: the initrd's
# modules are stripped as Linux's INSTALL_MOD_STRIP=1 strips them, and the
# ISO's kernel has neither debug information nor a symbol table.
source "$(dirname "$0")/../boot/lib.sh"

tmp=$out/strip.tmp
rm -rf "$tmp" && mkdir -p "$tmp"
initrd=$(realpath "$BUILD/initrd.cpio")
( cd "$tmp" && cpio -id --quiet < "$initrd" ) 2> "$out/strip.cpio.log"
n=0 debug=
for ko in "$tmp"/lib/modules/*.ko; do
	n=$((n + 1))
	readelf -SW "$ko" | grep -q '\.debug_' && debug="$debug $(basename "$ko")"
done
if [ "$n" -gt 0 ] && [ -z "$debug" ]; then
	tap ok "the initrd's $n modules have no debug sections"
else
	tap fail "the initrd's modules have no debug sections ($n modules; with:$debug)"
fi
if readelf -SW "$BUILD/modules/hello.ko" | grep -q '\.debug_info'; then
	tap ok 'build/modules keeps the full hello.ko, with debug information, for gdb'
else
	tap fail 'build/modules keeps the full hello.ko, with debug information, for gdb'
fi

xorriso -osirrox on -indev "$BUILD/sprout.iso" -extract /boot/sprout.elf "$tmp/sprout.elf" \
	> "$out/strip.xorriso.log" 2>&1
if [ -s "$tmp/sprout.elf" ] && ! readelf -SW "$tmp/sprout.elf" | grep -q '\.debug_\|\.symtab' &&
	readelf -SW "$KERNEL" | grep -q '\.debug_info' && readelf -SW "$KERNEL" | grep -q '\.symtab'; then
	tap ok "the ISO's kernel has no debug sections or symbol table; build/sprout.elf keeps both"
else
	tap fail "the ISO's kernel has no debug sections or symbol table; build/sprout.elf keeps both"
fi
if readelf -SW "$tmp/sprout.elf" | grep -q '\.kallsyms'; then
	tap ok "the ISO's kernel keeps .kallsyms, its own table of function names"
else
	tap fail "the ISO's kernel keeps .kallsyms, its own table of function names"
fi
