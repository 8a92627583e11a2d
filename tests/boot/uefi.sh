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

# Runs beside QEMU, counting prompts: the first, after the typed line,
# after the line recalled by the up arrow, after ls, after clear.
keys_screens_poweroff() {
	wait_for "$ulog" 'sprout# ' || return
	send_keys "$sock" e c h o spc shift-k b d minus 4 2 shift-1 ret
	wait_for "$ulog" '^Kbd-42!'
	send_keys "$sock" up ret
	wait_for "$ulog" '^Kbd-42!' 2
	printf 'ls /lib\n'
	wait_for "$ulog" 'sprout# ' 4
	screendump "$sock" "$screen"
	printf 'clear\n'
	wait_for "$ulog" 'sprout# ' 5
	screendump "$sock" "$cleared"
	printf 'poweroff\n'
}

rm -f "$ulog" "$screen" "$cleared"
boot uefi 'loglevel=7' --firmware uefi --monitor "$sock" < <(keys_screens_poweroff)
expect 'Sprout [0-9.]+ ready' 'the OVMF boot reaches the ready line'
expect '^\[ *[0-9.]+\] initrd: [0-9]+ entries' "GRUB's UEFI build loads the initrd"
expect '^modules/$' 'ls reads the initrd'
expect 'fbcon: [0-9]+x[0-9]+, 32 bpp at 0x[0-9a-f]+: [0-9]+x[0-9]+ text console' \
	'the framebuffer console starts'
expect_not 'vga: ' 'the VGA text console stays off'
expect 'keyboard: PS/2 on IRQ 1, US layout' 'the keyboard driver starts'
expect 'sprout# echo Kbd-42!$' 'the typed keys are echoed at the prompt'
expect '^Kbd-42!$' 'the shell ran the typed command (shift, digits, symbols, Enter)'
[ "$(grep -c '^Kbd-42!$' "$log")" = 2 ]
tap_status 'the up arrow key recalls the line'
expect_status 0 'poweroff ends QEMU with status 0'
check_screenshot "$screen" 'framebuffer console' aaaaaa
clear_check "$cleared" 'framebuffer console' aaaaaa
