# Linux-style modules using sysfs and debugfs, built out of tree as Kbuild
# does (make -C . M=tests/compat/sysfs modules): hello_sysfs (a kobject
# "mymodule" in /sys/kernel with the attribute "myvariable") and
# example_debugfs (a u32 and a file of its own in /sys/kernel/debug).
# The compat_sysfs suite loads each, reads and writes its files through
# the VFS, and unloads it, twice; the modules' own messages are checked.
source "$(dirname "$0")/lib.sh"

# tests/boot/debugcompat.sh runs this under the debug kernel: BUILD its
# folder, DEBUG=1, COMPAT_DIR a copy of tests/compat (an out-of-tree build
# writes next to the sources, and the normal build uses those).
dir=${COMPAT_DIR:-tests/compat}/sysfs
tree=$out/$test_name.tree
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$dir modules > "$out/$test_name.build.log" 2>&1
built=$?
rm -rf "$tree" && mkdir -p "$tree"
cp $dir/hello_sysfs.ko $dir/example_debugfs.ko "$tree/" 2> /dev/null
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$dir clean > /dev/null 2>&1
if [ $built = 0 ] && [ -f "$tree/hello_sysfs.ko" ] && [ -f "$tree/example_debugfs.ko" ]; then
	tap ok "make -C . M=$dir modules builds hello_sysfs and example_debugfs"
else
	tap fail "make -C . M=$dir modules failed ($built; $out/$test_name.build.log)"
fi

INITRD= BOOT_FILES="$tree/hello_sysfs.ko $tree/example_debugfs.ko" \
	boot ktest 'ktest=compat_sysfs loglevel=7'
ktap_results
expect_status 0 'the compat_sysfs suite passes'
expect_not 'skipped' 'the suite found both module files'
expect_lines 'hello_sysfs loads and unloads twice' \
	'^mymodule: initialised$' '^mymodule: Exit success$' \
	'^mymodule: initialised$' '^mymodule: Exit success$'
expect_lines 'example_debugfs sees the values written, twice' \
	'^example_debugfs: counter is 42$' \
	'^example_debugfs: counter was 9, hello read 2 times$' \
	'^example_debugfs: counter is 42$' \
	'^example_debugfs: counter was 9, hello read 2 times$'

# The same from the shell, as a user of Linux would: cat and echo > on
# /sys/module/params/parameters, the compat modules' files, twice.  The
# bare initrd: no module loaded at boot.
use_bare_initrd
P=/sys/module/params/parameters
M=/sys/kernel/mymodule/myvariable
D=/sys/kernel/debug/example
BOOT_FILES="$tree/hello_sysfs.ko $tree/example_debugfs.ko" \
	boot shell 'loglevel=4' < <(printf '%s\n' \
	'insmod params' "cat $P/count" "echo 7 > $P/count" "cat $P/count" \
	"echo abc > $P/count" "cat $P/count" "cat $P/name" 'cat /sys/module/params/initstate' \
	'rmmod params' "cat $P/count" \
	'insmod hello_sysfs' "cat $M" "echo 32 > $M" "cat $M" 'rmmod hello_sysfs' \
	'insmod hello_sysfs' "cat $M" "echo 5 > $M" "cat $M" 'rmmod hello_sysfs' "cat $M" \
	'insmod example_debugfs' "cat $D/counter" "echo 9 > $D/counter" "cat $D/counter" \
	"cat $D/hello" 'rmmod example_debugfs' \
	'insmod example_debugfs' "cat $D/counter" 'rmmod example_debugfs' "ls $D" poweroff)
expect_lines 'cat and echo > on a parameter go through its parser' \
	"^sprout# cat $P/count\$" '^10$' "^sprout# cat $P/count\$" '^7$' \
	"^sprout# cat $P/count\$" '^7$' '^default$' '^live$'
expect_lines 'a bad value is refused with the parser'"'"'s error, and only it' \
	"^sprout# echo 7 > $P/count\$" "^sprout# cat $P/count\$" \
	"^sprout# echo abc > $P/count\$" '^echo: write error: Invalid argument$' \
	"^sprout# cat $P/count\$"
n=$(grep -c '^echo: write error' "$log")
[ "$n" = 1 ] && tap ok 'every other echo > writes its whole line at once' ||
	tap fail "every other echo > writes its whole line at once ($n write errors)"
expect_lines 'the parameters are gone with the module' \
	'^sprout# rmmod params$' "^cat: $P/count: No such file or directory\$"
expect_lines 'hello_sysfs: myvariable read and written from the shell, twice' \
	"^sprout# cat $M\$" '^0$' "^sprout# cat $M\$" '^32$' \
	"^sprout# cat $M\$" '^0$' "^sprout# cat $M\$" '^5$' \
	"^cat: $M: No such file or directory\$"
expect_lines 'example_debugfs: its u32 and its own file from the shell, twice' \
	"^sprout# cat $D/counter\$" '^42$' "^sprout# cat $D/counter\$" '^9$' \
	'^hello, read 1 times$' "^sprout# cat $D/counter\$" '^42$' \
	"^ls: cannot access '$D': No such file or directory\$"
expect_status 0 'the shell session ends in a clean poweroff'
