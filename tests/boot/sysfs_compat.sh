# Linux-style modules using sysfs and debugfs, built out of tree as Kbuild
# does (make -C . M=tests/compat/sysfs modules): hello_sysfs (a kobject
# "mymodule" in /sys/kernel with the attribute "myvariable") and
# example_debugfs (a u32 and a file of its own in /sys/kernel/debug).
# The compat_sysfs suite loads each, reads and writes its files through
# the VFS, and unloads it, twice; the modules' own messages are checked.
source "$(dirname "$0")/lib.sh"

dir=tests/compat/sysfs
tree=$out/sysfs_compat.tree
make -C . BUILD="$BUILD" M=$dir modules > "$out/sysfs_compat.build.log" 2>&1
built=$?
rm -rf "$tree" && mkdir -p "$tree"
cp $dir/hello_sysfs.ko $dir/example_debugfs.ko "$tree/" 2> /dev/null
make -C . BUILD="$BUILD" M=$dir clean > /dev/null 2>&1
if [ $built = 0 ] && [ -f "$tree/hello_sysfs.ko" ] && [ -f "$tree/example_debugfs.ko" ]; then
	tap ok "make -C . M=$dir modules builds hello_sysfs and example_debugfs"
else
	tap fail "make -C . M=$dir modules failed ($built; $out/sysfs_compat.build.log)"
fi

INITRD= BOOT_FILES="$tree/hello_sysfs.ko $tree/example_debugfs.ko" \
	boot ktest 'ktest=compat_sysfs loglevel=7'
ktap_results
expect_status 0 'the compat_sysfs suite passes'
expect_not 'skipped' 'the suite found both module files'
expect_lines() {
	local what=$1 from=0 n
	shift
	for re in "$@"; do
		n=$(sed 's/^\[[ 0-9.]*\] //' "$log" | tail -n +$((from + 1)) |
			grep -nE -m1 -- "$re" | cut -d: -f1)
		if [ -z "$n" ]; then
			tap fail "$what (no line /$re/ after line $from)"
			return
		fi
		from=$((from + n))
	done
	tap ok "$what"
}
expect_lines 'hello_sysfs loads and unloads twice' \
	'^mymodule: initialised$' '^mymodule: Exit success$' \
	'^mymodule: initialised$' '^mymodule: Exit success$'
expect_lines 'example_debugfs sees the values written, twice' \
	'^example_debugfs: counter is 42$' \
	'^example_debugfs: counter was 9, hello read 2 times$' \
	'^example_debugfs: counter is 42$' \
	'^example_debugfs: counter was 9, hello read 2 times$'
