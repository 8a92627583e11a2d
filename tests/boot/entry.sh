# The 32-bit entry refuses to run when not started by a Multiboot2 loader.
# QEMU's -kernel starts the image through its Multiboot (version 1) header,
# so EAX holds 0x2badb002 instead of 0x36d76289.
source "$(dirname "$0")/lib.sh"

# The CPU must halt after the message: with -no-reboot a reset (or any
# other way out) ends QEMU.  So wait for the message, give a reset time to
# happen (it would come microseconds of guest time after the message), and
# see QEMU still running.
log=$out/entry.badmagic.log
: > "$log"
qemu-system-x86_64 -M pc -m 64 -display none -no-reboot \
	-kernel "$KERNEL" -serial "file:$log" < /dev/null > /dev/null 2>&1 &
qpid=$!
wait_for "$log" 'bad magic'
sleep 0.3
if kill "$qpid" 2> /dev/null; then status=halted; else status=ended; fi
wait "$qpid"
sed -i 's/\r$//' "$log"
expect 'Sprout: not started by a Multiboot2 boot loader: bad magic \(expected 0x36d76289, got 0x2badb002\)' 'bad magic is refused with a message'
expect_status halted 'the CPU halts instead of resetting (QEMU still running after the message)'
expect_not 'ready' 'the kernel does not start'

if grub-file --is-x86-multiboot2 "$KERNEL"; then
	tap ok 'grub-file accepts the Multiboot2 header'
else
	tap fail 'grub-file accepts the Multiboot2 header'
fi
