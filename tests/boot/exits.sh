# How a run ends is its exit status (tools/run-qemu.sh), and a CPU reset is
# never taken for success: QEMU exits 0 both for a reset (-no-reboot) and
# for a stop it was asked for, so the harness reads QEMU's own log.
source "$(dirname "$0")/lib.sh"

boot poweroff 'loglevel=7' < <(printf 'poweroff\n')
expect 'Power down' 'poweroff announces itself'
expect_status 0 'poweroff through isa-debug-exit is a clean end (status 0)'
expect_not 'QEMU: CPU reset' 'a power-off is not reported as a reset'

# Without the debug-exit device the kernel powers off through ACPI, and
# QEMU exits 0 because the guest asked it to.
boot acpi 'loglevel=7' --no-debug-exit < <(printf 'poweroff\n')
expect 'Power down' 'ACPI: poweroff announces itself'
expect_status 0 'ACPI: a power-off through ACPI is a clean end (status 0)'

# An empty IDT, then an exception: a triple fault.  Nothing after the
# crash point's line is printed by the kernel.
boot triplefault 'crash=triplefault' < /dev/null
expect "crash: triggering 'triplefault' on purpose" 'the triple fault is triggered after boot'
expect_status 5 'a triple fault ends the run with status 5, not 0'
expect '^QEMU: CPU reset \(triple fault\)$' 'the harness names the triple fault'
expect_not 'did not crash' 'the CPU never returns from the triple fault'

# A reset the kernel asks for is a reset too: the harness cannot tell it
# from a triple fault QEMU did not log, and says so.
boot reboot 'loglevel=7' < <(printf 'reboot\n')
expect 'Restarting system' 'reboot announces itself'
expect_not 'Power down' 'reboot does not fall back to power-off'
expect_status 5 'reboot ends the run as a CPU reset (status 5)'
expect '^QEMU: CPU reset \(triple fault\?\)$' 'a reset without a logged triple fault is reported as such'
