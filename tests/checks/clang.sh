# The same tree -- kernel, modules and initrd -- builds warning-free with
# clang (-Werror), boots, and loads its clang-built modules.
source "$(dirname "$0")/../boot/lib.sh"

dir=$BUILD/clang
if make -s BUILD="$dir" CC=clang "$dir/sprout.elf" "$dir/test/sprout.elf" modules "$dir/initrd.cpio" \
	> "$out/clang.build.log" 2>&1; then
	tap ok 'make CC=clang builds the kernel, the modules and the initrd'
else
	log=$out/clang.build.log
	tap fail 'make CC=clang builds the kernel, the modules and the initrd'
	exit 0
fi
log=$out/clang.bench.log
if make -s BUILD="$dir" CC=clang "$dir/bench/sprout.elf" > "$log" 2>&1; then
	tap ok 'make CC=clang builds the bench build'
else
	tap fail 'make CC=clang builds the bench build'
fi
KERNEL=$dir/sprout.elf TEST_KERNEL=$dir/test/sprout.elf
# The clang-built module files as GRUB boot modules, no initrd: the default
# one's etc/modules would load modules the loader's suite loads itself.
# Every suite but the soak: its 10,000 cycles (three quarters of the boot)
# run the loader code the module suite runs, and the gcc build soaks it.
TIMEOUT=${KTEST_TIMEOUT:-240} BOOT_FILES=$(ls "$dir"/modules/*.ko) INITRD= boot clang 'ktest=-soak'
expect 'Sprout [0-9.]+ ready' 'the clang-built kernel boots'
expect '^\[ *[0-9.]+\]     ok [0-9]+ test_hundred_rounds' 'it loads and unloads its clang-built modules'
expect_status 0 'its in-kernel tests pass'
expect '^\[ *[0-9.]+\] ok [0-9]+ module$' 'ktest=-soak runs the suites it does not name'
expect_not '# Subtest: soak$' 'ktest=-soak leaves the soak suite out'
