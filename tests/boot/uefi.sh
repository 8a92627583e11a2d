# What differs under UEFI (OVMF), in one boot, since an OVMF start costs
# about 5 s of CPU: GRUB's UEFI build loads the kernel and the initrd; the
# framebuffer console draws the log with the kernel's font and clears;
# keys typed on the PS/2 keyboard reach the shell after OVMF's own keyboard
# driver has had the controller; power-off ends QEMU.
source "$(dirname "$0")/lib.sh"

sock=$out/uefi.monitor
ulog=$out/$test_name.uefi.log	# where boot() logs the run
screen=$out/uefi.screen.ppm
cleared=$out/uefi.clear.ppm

# Runs beside QEMU: types the line (three prompts then: the first, after
# the typed line, after the recalled one), then the screenshots.
keys_screens_poweroff() {
	type_line "$ulog" "$sock" || return
	screenshots_then_poweroff "$ulog" "$sock" 3 'ls /nope' "$screen" \
		clear "$cleared"
}

rm -f "$ulog" "$screen" "$cleared"
boot uefi 'loglevel=7' --firmware uefi --monitor "$sock" < <(keys_screens_poweroff)
expect 'Sprout [0-9.]+ ready' 'the OVMF boot reaches the ready line'
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries' "GRUB's UEFI build loads the initrd"
expect "^ls: cannot access '/nope': No such file or directory$" 'a command runs and prints on the UEFI boot'
expect 'fbcon: [0-9]+x[0-9]+, 32 bpp at 0x[0-9a-f]+: [0-9]+x[0-9]+ text console' \
	'the framebuffer console starts'
expect_not 'vga: ' 'the VGA text console stays off'
expect_typed_line
expect_status 0 'poweroff ends QEMU with status 0'
check_screenshot "$screen" 'framebuffer console' aaaaaa
clear_check "$cleared" 'framebuffer console' aaaaaa
