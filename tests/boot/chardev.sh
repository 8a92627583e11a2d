# Character device modules written for Linux (tests/compat/chardev), built
# out of tree and packed into an initrd: chardev (register_chrdev(0),
# class_create, device_create, counting its opens) and ioctl_dev
# (alloc_chrdev_region, a cdev of its own, ioctl commands).  The in-kernel
# suite compat_chardev opens their nodes, reads, drives the ioctls and
# tries rmmod with a file open; a shell session loads and removes both
# twice, and dmesg shows what they logged, each line checked in order.
source "$(dirname "$0")/lib.sh"

# tests/boot/debugcompat.sh runs this under the debug kernel: BUILD its
# folder, DEBUG=1, COMPAT_DIR a copy of tests/compat (an out-of-tree build
# writes next to the sources, and the normal build uses those).
src=${COMPAT_DIR:-tests/compat}/chardev
tree=$out/$test_name.kos
cpio=$out/$test_name.cpio

# Build, keep the modules, leave the source folder as it was.
blog=$out/$test_name.build.log
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$src modules > "$blog" 2>&1
built=$?
rm -rf "$tree" && mkdir -p "$tree"
cp $src/chardev.ko $src/ioctl_dev.ko "$tree/" 2>> "$blog"
copied=$?
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$src clean > /dev/null 2>&1
log=$blog
if [ $built = 0 ] && [ $copied = 0 ]; then
	tap ok "make -C . M=$src modules builds chardev.ko and ioctl_dev.ko"
else
	tap fail "make -C . M=$src modules failed ($built) or built no .ko"
fi
mkdir -p "$out/$test_name.tree/etc" && : > "$out/$test_name.tree/etc/modules"
tools/mkinitrd.sh -o "$cpio" -d "$BUILD/tools/depmod" -t "$out/$test_name.tree" \
	$(initrd_modules) "$tree/chardev.ko" "$tree/ioctl_dev.ko" >> "$blog" 2>&1

# The in-kernel suite, with the modules there to load.
INITRD=$cpio boot ktest 'ktest=compat_chardev'
ktap_results
expect_not 'skipped: .*\.ko is not in the initrd' 'both modules were found and loaded'
expect '^rmmod: ERROR: Module chardev is in use$' \
	'rmmod of chardev while its device is open says it is in use (and it stays)'
expect '^rmmod: ERROR: Module ioctl_dev is in use$' \
	'rmmod of ioctl_dev while a descriptor holds it says it is in use'
expect_status 0 'the suite passes'


# From the shell: load, list, remove, twice over; then the log.
INITRD=$cpio boot shell 'loglevel=7' < <(printf '%s\n' \
	'insmod chardev' 'insmod ioctl_dev' 'lsmod' 'rmmod chardev' 'rmmod ioctl_dev' \
	'insmod chardev' 'insmod ioctl_dev' 'rmmod ioctl_dev' 'rmmod chardev' \
	'lsmod' 'dmesg -l info' 'poweroff')
load=('^chardev: I was assigned major number 254$' \
	'^chardev: device created on /dev/chardev$' \
	'^ioctl_dev: /dev/ioctl_dev is 253:0$')
expect_lines 'chardev takes dynamic major 254 and makes /dev/chardev; ioctl_dev gets 253:0' \
	"${load[@]}"
expect '^chardev +[0-9]+ +0$' 'lsmod lists chardev, unused'
expect_lines 'both are removed and load again with the same numbers' \
	"${load[@]}" '^chardev: gone$' '^ioctl_dev: removed$' \
	"${load[@]}" '^ioctl_dev: removed$' '^chardev: gone$'
n=$(grep -c '^\[[ 0-9.]*\] chardev: I was assigned major number 254$' "$log")
[ "$n" = 4 ] && tap ok 'dmesg -l info shows the same two loads the console did' ||
	tap fail "'chardev: I was assigned' appears $n times, not 2 on the console and 2 in dmesg"
expect_not 'ERROR|BUG|Oops|WARNING' 'no refusal, no kernel report'
expect_status 0 'the session ends in a clean poweroff'
