# The 32-bit entry refuses to run when not started by a Multiboot2 loader.
# QEMU's -kernel starts the image through its Multiboot (version 1) header,
# so EAX holds 0x2badb002 instead of 0x36d76289.
source "$(dirname "$0")/lib.sh"

log=$out/entry.badmagic.log
timeout 5 qemu-system-x86_64 -M pc -m 64 -display none -no-reboot \
	-kernel "$KERNEL" -serial "file:$log" < /dev/null > /dev/null 2>&1
status=$?
sed -i 's/\r$//' "$log"
expect 'Sprout: not started by a Multiboot2 boot loader: bad magic \(expected 0x36d76289, got 0x2badb002\)' 'bad magic is refused with a message'
expect_status 124 'the CPU halts instead of resetting (QEMU still running at the timeout)'
expect_not 'ready' 'the kernel does not start'

if grub-file --is-x86-multiboot2 "$KERNEL"; then
	tap ok 'grub-file accepts the Multiboot2 header'
else
	tap fail 'grub-file accepts the Multiboot2 header'
fi
