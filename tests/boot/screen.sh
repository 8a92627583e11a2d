# What the kernel draws on the screen under BIOS, from screenshots taken
# through QEMU's monitor (screendump writes a PPM): the VGA text console
# shows the boot log, scrolls, and clears.  Each screenshot must hold both
# the black background and many pixels of the console's light grey text.
# (tests/boot/uefi.sh checks the framebuffer console under UEFI.)
source "$(dirname "$0")/lib.sh"

sock=$out/screen.monitor

rm -f "$out"/screen.*.ppm "$out/$test_name.bios.log"
# Under BIOS, after the boot log: about 300 lines, then clear.  The VGA
# console scrolls by moving the CRTC start address through the 32 KiB text
# window and copies the screen back to the top when the window is used up
# (every 204 lines).  After about 300 lines the prompt must still sit alone
# on the bottom row and the rows above must hold text.
boot bios 'loglevel=7' --monitor "$sock" \
	< <(screenshots_then_poweroff "$out/$test_name.bios.log" "$sock" 1 \
		'' "$out/screen.bios.ppm" \
		"$(printf 'dmesg\n%.0s' 1 2 3 4 5 6)" "$out/screen.scroll.ppm" \
		clear "$out/screen.clear.bios.ppm")
expect 'vga: 80x25 text console, cursor on' 'the VGA text console runs under BIOS'
expect_not 'fbcon: ' 'the framebuffer console stays off in text mode'
expect_status 0 'the BIOS run ends with poweroff'
# Light grey through the VGA's 6-bit palette (0x2a << 2).
check_screenshot "$out/screen.bios.ppm" 'BIOS VGA text console' a8a8a8
clear_check "$out/screen.clear.bios.ppm" bios a8a8a8

shot=$out/screen.scroll.ppm
check_screenshot "$shot" 'BIOS VGA after 300 lines' a8a8a8
# Text pixels in the bottom row of cells (16 pixel rows) and above it.
if [ -s "$shot" ]; then
	read -r w h < <(head -c 64 "$shot" | tr -s ' \n' ' ' | cut -d' ' -f2-3)
	header=$(printf 'P6\n%s %s\n255\n' "$w" "$h" | wc -c)
	row_bytes=$((w * 3))
	bottom=$(tail -c "$((row_bytes * 16))" "$shot" | od -An -v -tx1 -w3 |
		tr -d ' ' | grep -c a8a8a8)
	if [ "$bottom" -gt 50 ] && [ "$bottom" -lt 600 ]; then
		tap ok "VGA after 300 lines: the prompt is on the bottom row ($bottom text pixels)"
	else
		tap fail "VGA after 300 lines: the prompt is on the bottom row ($bottom text pixels)"
	fi
fi
