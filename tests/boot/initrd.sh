# The initrd: the one the build packs is found and checked at boot, and
# its memory freed after unpacking (kept with retain_initrd: meminfo's free
# frames differ by its pages); its modules.dep drives modprobe; ls and
# cat read what was unpacked: the modules, INITRD_EXTRA files under /, and
# concatenated archives with a GNU cpio hard link and a later replacement
# (each file as Linux's initramfs leaves it); damaged archives (truncated, bad
# magic) and a missing one are reported and leave a working shell.  (That
# UEFI's GRUB loads it too is checked on tests/boot/boot.sh's UEFI boot.)
# The shell's ls and cat read the VFS, into which the initrd is unpacked:
# how entries, links and archives unpack is unpack.sh's and
# test_cpio_initramfs's.
source "$(dirname "$0")/lib.sh"

boot packed 'loglevel=7' < <(printf '%s\n' 'ls /lib/modules' 'cat /etc/modules' \
	'cat /nope' 'cat /etc' 'ls /etc/modules /nope' meminfo 'insmod initrd' poweroff)
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries, [0-9]+ bytes at 0x' 'the initrd is found and checked at boot'
# GRUB puts a module on a page boundary: its pages are its size rounded up.
size=$(stat -c %s "$BUILD/initrd.cpio")
kib=$(( (size + 4095) / 4096 * 4 ))
expect "^\[ *[0-9.]+\] Freeing initrd memory: ${kib}K$" "the initrd's $kib KiB are freed after unpacking, in Linux's words"
expect '^insmod: ERROR: could not load module initrd: No such file or directory$' 'the freed initrd is no boot module any more'
free_frames() { sed -n 's/^Frames: *[0-9]* total *\([0-9]*\) free.*/\1/p' "$log"; }
expect '^hello\.ko$' 'ls /lib/modules lists the unpacked modules'
expect '^modules\.dep$' 'and the modules.dep depmod wrote'
expect '^# Modules the kernel loads at boot, one per line, in order, each after what$' 'cat prints the unpacked /etc/modules'
expect '^/etc/modules$' 'ls of a file prints its name'
expect '^cat: /nope: No such file or directory$' 'cat of a missing file: Linux words'
expect '^cat: /etc: Is a directory$' 'cat of a directory: Linux words'
expect "^ls: cannot access '/nope': No such file or directory$" 'ls of a missing path: Linux words'
expect_status 0 'powers off'
freed=$(free_frames)
boot retained 'loglevel=7 retain_initrd' < <(printf '%s\n' meminfo poweroff)
expect_not 'Freeing initrd memory' 'retain_initrd keeps the initrd'
kept=$(free_frames)
[ -n "$freed" ] && [ -n "$kept" ] && [ $((freed - kept)) -eq $((kib / 4)) ]
tap_status "meminfo: $((kib / 4)) more free frames than with retain_initrd (${freed:-?} vs ${kept:-?})"

# Under UEFI: tests/boot/boot.sh, on its UEFI boot.

# make INITRD_EXTRA=<dir>: every file under <dir> lands under /.
extra=$out/initrd-extra
rm -rf "$extra" && mkdir -p "$extra/sub/dir"
printf 'hello from INITRD_EXTRA\n' > "$extra/hello.txt"
printf 'a nested note\n' > "$extra/sub/dir/note"
if make -s INITRD="$out/extra.cpio" INITRD_EXTRA="$extra" "$out/extra.cpio" >&2; then
	tap ok 'make INITRD_EXTRA=<dir> packs an initrd'
else
	tap fail 'make INITRD_EXTRA=<dir> packs an initrd'
fi
[ "$(cpio -i --quiet --to-stdout hello.txt < "$out/extra.cpio")" = 'hello from INITRD_EXTRA' ]
tap_status 'an INITRD_EXTRA file is packed under /'
[ "$(cpio -i --quiet --to-stdout sub/dir/note < "$out/extra.cpio")" = 'a nested note' ]
tap_status 'a nested INITRD_EXTRA file keeps its directories'
cpio -t --quiet < "$out/extra.cpio" | grep -qx 'etc/modules'
tap_status 'the built-in files are still there'
INITRD=$out/extra.cpio boot extra 'loglevel=7' < <(printf '%s\n' 'cat /hello.txt' \
	'ls /sub/dir' 'cat /sub/dir/note' poweroff)
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries' 'the kernel accepts the initrd with INITRD_EXTRA files'
expect '^hello from INITRD_EXTRA$' 'cat reads an INITRD_EXTRA file in the root'
expect '^note$' 'ls lists a nested INITRD_EXTRA file'
expect '^a nested note$' 'cat reads a nested INITRD_EXTRA file'

# Modules packed by tools/mkinitrd.sh land in lib/modules with the
# modules.dep depmod writes for them (objects built here, until the
# kernel's own modules exist; the kernel only reads them as files).
mods=$out/initrd-mods
rm -rf "$mods" && mkdir -p "$mods"
printf '%s\n' 'int base_fn(void) { return 1; }' \
	'static const void *ks __attribute__((used, section("___ksymtab+base_fn"))) = &base_fn;' |
	gcc -c -x c - -o "$mods/base.ko"
printf '%s\n' 'int base_fn(void);' 'int init_module(void) { return base_fn(); }' |
	gcc -c -x c - -o "$mods/user.ko"
tools/mkinitrd.sh -o "$out/mods.cpio" -d "$BUILD/tools/depmod" -t iso/initrd \
	"$mods/user.ko" "$mods/base.ko"
grep -qx 'lib/modules/user\.ko: lib/modules/base\.ko' <(cpio -i --quiet --to-stdout lib/modules/modules.dep < "$out/mods.cpio")
tap_status 'modules.dep says user.ko needs base.ko'
grep -qx 'lib/modules/base\.ko:' <(cpio -i --quiet --to-stdout lib/modules/modules.dep < "$out/mods.cpio")
tap_status 'modules.dep lists base.ko with no dependencies'
INITRD=$out/mods.cpio boot modules 'loglevel=7' < <(printf '%s\n' poweroff)
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries' 'the kernel accepts the initrd with the packed modules'

# Archives one after another, as Linux reads an initramfs: the built one,
# then one GNU cpio packs with a hard link (its data only with the last
# link), then one replacing a link's name; zero padding between them.
cat_dir=$out/initrd-concat
rm -rf "$cat_dir" && mkdir -p "$cat_dir/a/linked" "$cat_dir/b/linked"
printf 'shared data\n' > "$cat_dir/a/linked/one"
ln "$cat_dir/a/linked/one" "$cat_dir/a/linked/two"
printf 'replaced\n' > "$cat_dir/b/linked/one"
{
	cat "$BUILD/initrd.cpio"
	(cd "$cat_dir/a" && printf '%s\n' linked linked/one linked/two |
		cpio -o -H newc --quiet)
	(cd "$cat_dir/b" && echo linked/one | cpio -o -H newc --quiet)
} > "$out/concat.cpio"
INITRD=$out/concat.cpio boot concat 'loglevel=7' < <(printf '%s\n' 'cat /linked/two' \
	'cat /linked/one' 'ls /linked' 'ls /lib/modules' poweroff)
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries' 'concatenated archives are accepted'
expect '^shared data$' "a hard link GNU cpio wrote without data has its file's data"
expect '^replaced$' "a later archive's file replaces an earlier one of that name"
expect '^two$' 'ls lists the hard link'
expect '^hello\.ko$' 'the first archive of several is unpacked too'
expect_status 0 'powers off after concatenated archives'

# Damaged archives: rejected with the reason, boot goes on without them.
head -c 300 "$BUILD/initrd.cpio" > "$out/truncated.cpio"
INITRD=$out/truncated.cpio boot truncated 'loglevel=7' < <(printf '%s\n' 'echo shell-alive' poweroff)
expect '^\[ *[0-9.]+\] initrd: rejected: .*runs past the end of the archive.*; booting without it$' 'a truncated initrd is rejected with the reason'
expect '^shell-alive$' 'the shell works after a truncated initrd'
expect_status 0 'powers off after a truncated initrd'

{ printf 'X'; tail -c +2 "$BUILD/initrd.cpio"; } > "$out/badmagic.cpio"
INITRD=$out/badmagic.cpio boot badmagic 'loglevel=7' < <(printf '%s\n' 'echo shell-alive' poweroff)
expect '^\[ *[0-9.]+\] initrd: rejected: header at offset 0: bad magic "X70701".*; booting without it$' 'an initrd with a bad magic is rejected'
expect '^shell-alive$' 'the shell works after a bad magic'

INITRD= boot none 'loglevel=7' < <(printf '%s\n' 'insmod hello' 'echo shell-alive' poweroff)
expect 'initrd: no boot module named "initrd"; booting without one' 'a missing initrd is reported'
expect '^insmod: ERROR: could not load module hello: No such file or directory$' 'without an initrd no module file is found'
expect '^shell-alive$' 'the shell works without an initrd'
