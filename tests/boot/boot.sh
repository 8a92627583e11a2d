# Boots under BIOS (SeaBIOS) and UEFI (OVMF) reach the ready line; the
# shell takes piped input; power-off ends QEMU cleanly.
source "$(dirname "$0")/lib.sh"

boot bios 'loglevel=7 hello=world' < <(printf 'cmdline\npoweroff\n')
expect '^\[ *[0-9]+\.[0-9]{6}\] Sprout [0-9.]+ ready$' 'BIOS boot reaches the ready line'
expect '^loglevel=7 hello=world$' 'the command line from GRUB reaches the kernel'
expect 'Unknown kernel command line parameter "hello"' 'an unknown parameter is reported by name'
expect_status 0 'poweroff ends QEMU with status 0'

boot uefi 'loglevel=7' --firmware uefi < <(printf 'poweroff\n')
expect 'Sprout [0-9.]+ ready' 'UEFI (OVMF) boot reaches the ready line'
expect_status 0 'poweroff under UEFI ends QEMU with status 0'
