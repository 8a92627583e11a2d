# What the kernel draws on the screen, from screenshots taken through QEMU's
# monitor (screendump writes a PPM).  Under UEFI (OVMF) there is no text mode
# and the framebuffer console draws the boot log with the kernel's font;
# under BIOS the VGA text console does.  Each screenshot must hold both the
# black background and many pixels of the consoles' light grey text.
source "$(dirname "$0")/lib.sh"

sock=$out/screen.monitor

# Runs beside QEMU: once the shell prompts (in log file $1), run the commands
# in $3 if given (one per line) and wait for their prompts, take the
# screenshot $2, then power off through the serial line (this output).
screenshot_then_poweroff() {
	local i prompts=1
	for i in $(seq 600); do
		grep -q 'sprout# ' "$1" 2>/dev/null && break
		sleep 0.1
	done
	if [ -n "${3:-}" ]; then
		printf '%s\n' "$3"
		prompts=$(($(printf '%s\n' "$3" | wc -l) + 1))
	fi
	for i in $(seq 300); do
		[ "$(grep -o 'sprout# ' "$1" | wc -l)" -ge "$prompts" ] && break
		sleep 0.1
	done
	sleep 0.3	# the screen is drawn as the serial line is written
	printf 'screendump %s\n' "$(realpath -m "$2")" |
		socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
	for i in $(seq 100); do
		[ -s "$2" ] && break
		sleep 0.1
	done
	sleep 0.5	# let QEMU finish writing the file
	printf 'poweroff\n'
}

# check_screenshot FILE WHAT TEXT-RGB [any]: TAP lines for a non-blank
# screen with lines of text of that colour (with "any": just some text;
# $text_pixels says how much).
check_screenshot() {
	local shot=$1 what=$2 text=$3 magic w h max header colours bg fg n
	if [ ! -s "$shot" ]; then
		tap fail "$what: QEMU wrote a screenshot"
		return
	fi
	tap ok "$what: QEMU wrote a screenshot"
	# P6: magic, width, height, maxval, then RGB bytes.
	read -r magic w h max < <(head -c 64 "$shot" | tr -s ' \n' ' ' | cut -d' ' -f1-4)
	header=$(printf 'P6\n%s %s\n%s\n' "$w" "$h" "$max" | wc -c)
	if [ "$magic" != P6 ] || [ "$((w * h * 3 + header))" != "$(stat -c %s "$shot")" ]; then
		tap fail "$what: the screenshot is a PPM of the size its header says"
		return
	fi
	colours=$(tail -c +"$((header + 1))" "$shot" | od -An -v -tx1 -w3 |
		tr -d ' ' | sort | uniq -c | sort -rn)
	bg=$(awk '$2 == "000000" { print $1 }' <<< "$colours")
	fg=$(awk -v c="$text" '$2 == c { print $1 }' <<< "$colours")
	n=$(wc -l <<< "$colours")
	echo "# $what: ${w}x$h, $n colours, ${bg:-0} background, ${fg:-0} text pixels"
	if [ "$n" -ge 2 ]; then
		tap ok "$what: the screenshot is not blank"
	else
		tap fail "$what: the screenshot is not blank (one colour only)"
	fi
	text_pixels=${fg:-0}
	[ -n "${4:-}" ] && return	# the caller judges the amount of text
	# Some lines of log: thousands of text pixels, far fewer than background.
	if [ "${fg:-0}" -gt 5000 ] && [ "${bg:-0}" -gt "$((fg * 3))" ]; then
		tap ok "$what: the screenshot shows text in the console colour"
	else
		tap fail "$what: the screenshot shows text in the console colour"
	fi
}

shot=$out/screen.uefi.ppm
rm -f "$shot" "$out/$test_name.uefi.log"
boot uefi 'loglevel=7' --firmware uefi --monitor "$sock" \
	< <(screenshot_then_poweroff "$out/$test_name.uefi.log" "$shot")
expect 'fbcon: [0-9]+x[0-9]+, 32 bpp at 0x[0-9a-f]+: [0-9]+x[0-9]+ text console' \
	'the framebuffer console starts under UEFI'
expect_not 'vga: ' 'the VGA text console stays off under UEFI'
expect_status 0 'the UEFI run ends with poweroff'
check_screenshot "$shot" 'UEFI framebuffer console' aaaaaa

shot=$out/screen.bios.ppm
rm -f "$shot" "$out/$test_name.bios.log"
boot bios 'loglevel=7' --monitor "$sock" \
	< <(screenshot_then_poweroff "$out/$test_name.bios.log" "$shot")
expect 'vga: 80x25 text console, cursor on' 'the VGA text console runs under BIOS'
expect_not 'fbcon: ' 'the framebuffer console stays off in text mode'
expect_status 0 'the BIOS run ends with poweroff'
# Light grey through the VGA's 6-bit palette (0x2a << 2).
check_screenshot "$shot" 'BIOS VGA text console' a8a8a8

# clear: the screen holds nothing but the new prompt, on both consoles.
for firmware in bios uefi; do
	shot=$out/screen.clear.$firmware.ppm
	rm -f "$shot" "$out/$test_name.clear-$firmware.log"
	boot "clear-$firmware" 'loglevel=7' --firmware "$firmware" --monitor "$sock" \
		< <(screenshot_then_poweroff "$out/$test_name.clear-$firmware.log" "$shot" clear)
	[ "$firmware" = bios ] && colour=a8a8a8 || colour=aaaaaa
	text_pixels=0
	check_screenshot "$shot" "$firmware: after clear" "$colour" any
	# "sprout# " is a few hundred pixels; one line of boot log is more.
	if [ "$text_pixels" -gt 50 ] && [ "$text_pixels" -lt 600 ]; then
		tap ok "$firmware: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	else
		tap fail "$firmware: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	fi
done

# The VGA console scrolls by moving the CRTC start address through the
# 32 KiB text window and copies the screen back to the top when the window
# is used up (every 204 lines).  After about 300 lines the prompt must still
# sit alone on the bottom row and the rows above must hold text.
shot=$out/screen.scroll.ppm
rm -f "$shot" "$out/$test_name.scroll.log"
boot scroll 'loglevel=7' --monitor "$sock" \
	< <(screenshot_then_poweroff "$out/$test_name.scroll.log" "$shot" \
		"$(printf 'dmesg\n%.0s' 1 2 3 4 5 6)")
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
