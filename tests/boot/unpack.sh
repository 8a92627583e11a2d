# The initrd unpacked into the root: an archive of directories with their
# bits (one the unpacker could not write into but for its care), files,
# hard links, symbolic links and "x.ko/", then a second archive replacing
# names of other types, a link and the root itself, is unpacked as Linux's
# initramfs rules make of it (the initramfs ktest works it out from the
# archive, kept with retain_initrd, and compares); modules are
# loaded from it by path through the VFS; a damaged archive keeps what
# came before the damage and says where it is.
source "$(dirname "$0")/lib.sh"

tree=$out/unpack-tree
rm -rf "$tree" && mkdir -p "$tree/a" "$tree/b"
(
	cd "$tree/a"
	mkdir -p d750 ro links alias x.ko replace/dir2file
	printf 'secret\n' > d750/secret && chmod 0600 d750/secret
	chmod 0750 d750
	printf 'inner\n' > ro/inner && chmod 0444 ro/inner
	chmod 0555 ro
	printf 'shared\n' > links/one && ln links/one links/two
	mkdir hard && printf 'linked\n' > hard/x && ln hard/x hard/y
	ln -s /lib/modules/hello.ko alias/hello.ko
	ln -s links/two sym
	printf 'not an elf\n' > notelf.ko
	printf 'a file\n' > replace/file
)
(
	cd "$tree/b"
	mkdir -p replace links && chmod 0700 .
	ln -s ../d750 replace/file
	printf 'now a file\n' > replace/dir2file
	printf 'replaced\n' > links/one
)
pack() { (cd "$1" && printf '%s\n' "${@:2}" | cpio -o -H newc --quiet); }
a_names=(d750 d750/secret ro ro/inner links links/one links/two hard hard/x hard/y alias
	alias/hello.ko sym notelf.ko x.ko/ replace replace/dir2file replace/file)
b_names=(. replace replace/file replace/dir2file links links/one)
{
	cat "$BUILD/initrd.cpio"
	pack "$tree/a" "${a_names[@]}"
	pack "$tree/b" "${b_names[@]}"
} > "$out/unpack.cpio"

INITRD=$out/unpack.cpio boot ktest 'ktest=initramfs retain_initrd loglevel=7'
ktap_results
expect '# ktest: 1 suites, 0 failed cases' 'the unpacked root follows every rule'
expect_not 'skipped' 'the comparison ran on the kept archive'
expect_not 'Freeing initrd memory' 'retain_initrd keeps the archive'
expect_not 'Initramfs unpacking failed' 'a good archive unpacks without an error'

INITRD=$out/unpack.cpio boot shell 'loglevel=7' < <(printf '%s\n' \
	'insmod alias/hello.ko' 'lsmod' 'rmmod hello' 'insmod /nope.ko' \
	'insmod /x.ko' 'insmod /notelf.ko' 'insmod /ro/inner/x.ko' \
	'modprobe hello' 'echo shell-alive' poweroff)
expect '^\[ *[0-9.]+\] Unpacking initramfs\.\.\.$' 'the unpacking is announced as Linux does'
expect '^hello +[0-9]+ +0' 'insmod of a relative path through a symbolic link loads the module'
expect '^insmod: ERROR: could not load module /nope\.ko: No such file or directory$' 'insmod of a path that is not there'
expect '^insmod: ERROR: could not insert module /x\.ko: Is a directory$' 'insmod of a directory'
expect '^insmod: ERROR: could not insert module /notelf\.ko: Invalid module format$' 'insmod of a file that is not an ELF module'
expect '^insmod: ERROR: could not load module /ro/inner/x\.ko: Not a directory$' 'insmod of a path through a file'
expect_not '^modprobe: ' 'modprobe loads from /lib/modules of the unpacked root'
expect '^shell-alive$' 'the shell works after the refusals'
expect_status 0 'powers off'

# Junk where a second archive would start: the first stays, with the error.
{
	cat "$BUILD/initrd.cpio"
	pack "$tree/a" "${a_names[@]}"
	printf 'JUNK'
	pack "$tree/b" "${b_names[@]}"
} > "$out/unpack-bad.cpio"
INITRD=$out/unpack-bad.cpio boot damaged 'loglevel=7' < <(printf '%s\n' \
	'insmod /alias/hello.ko' 'lsmod' 'insmod /replace/dir2file' \
	'echo shell-alive' poweroff)
expect '^\[ *[0-9.]+\] Initramfs unpacking failed: header at offset [0-9]+: bad magic "JUNK07" \(not a newc archive, want 070701\)$' 'a damaged archive: Linux words, what and where'
expect '^hello +[0-9]+ +0' 'what came before the damage is unpacked'
expect '^insmod: ERROR: could not insert module /replace/dir2file: Is a directory$' 'nothing after the damage is unpacked'
expect '^shell-alive$' 'the shell works after a damaged archive'
expect_status 0 'powers off after a damaged archive'
