# The same tree builds warning-free with clang (-Werror) and boots.
source "$(dirname "$0")/../boot/lib.sh"

dir=$BUILD/clang
if make -s BUILD="$dir" CC=clang "$dir/sprout.elf" > "$out/clang.build.log" 2>&1; then
	tap ok 'make CC=clang builds the kernel'
else
	log=$out/clang.build.log
	tap fail 'make CC=clang builds the kernel'
	exit 0
fi
KERNEL=$dir/sprout.elf
# The module files as GRUB boot modules, no initrd: the default one's
# etc/modules would load modules the loader's suite loads itself.
BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= boot clang 'ktest'
expect 'Sprout [0-9.]+ ready' 'the clang-built kernel boots'
expect_status 0 'its in-kernel tests pass'
