# What the kernel draws on the screen, from screenshots taken through QEMU's
# monitor (screendump writes a PPM).  Under UEFI (OVMF) there is no text mode
# and the framebuffer console draws the boot log with the kernel's font;
# under BIOS the VGA text console does.  Each screenshot must hold both the
# black background and many pixels of the consoles' light grey text.  One
# boot per firmware takes all of its screenshots in turn: the boot log,
# after `clear`, and (BIOS) after 300 lines of scrolling.
source "$(dirname "$0")/lib.sh"

sock=$out/screen.monitor

# Runs beside QEMU: once the shell prompts (in log file $1), for each pair
# COMMANDS SHOT that follows: run the commands (one per line; may be
# empty) and wait for their prompts, take the screenshot SHOT; then power
# off through the serial line (this output).
screenshots_then_poweroff() {
	local log=$1 i prompts=1 shot
	shift
	for i in $(seq 600); do
		grep -q 'sprout# ' "$log" 2>/dev/null && break
		sleep 0.1
	done
	while [ $# -ge 2 ]; do
		shot=$2
		if [ -n "$1" ]; then
			printf '%s\n' "$1"
			prompts=$((prompts + $(printf '%s\n' "$1" | wc -l)))
		fi
		shift 2
		for i in $(seq 300); do
			[ "$(grep -o 'sprout# ' "$log" | wc -l)" -ge "$prompts" ] && break
			sleep 0.1
		done
		sleep 0.3	# the screen is drawn as the serial line is written
		printf 'screendump %s\n' "$(realpath -m "$shot")" |
			socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
		# Until QEMU has written the whole file: the size its header says.
		for i in $(seq 200); do
			ppm_complete "$shot" && break
			sleep 0.05
		done
	done
	printf 'poweroff\n'
}

# ppm_complete FILE: FILE is a P6 PPM as long as its header says.
ppm_complete() {
	local magic w h max header
	[ -s "$1" ] || return 1
	read -r magic w h max < <(head -c 64 "$1" | tr -s ' \n' ' ' | cut -d' ' -f1-4)
	[ "$magic" = P6 ] && [ -n "$max" ] || return 1
	header=$(printf 'P6\n%s %s\n%s\n' "$w" "$h" "$max" | wc -c)
	[ "$((w * h * 3 + header))" = "$(stat -c %s "$1")" ]
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
		tr -d ' ' | awk '{ n[$1]++ } END { for (c in n) print n[c], c }')
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

# clear_check FIRMWARE COLOUR: the screenshot after clear holds nothing
# but the new prompt.
clear_check() {
	local shot=$out/screen.clear.$1.ppm
	text_pixels=0
	check_screenshot "$shot" "$1: after clear" "$2" any
	# "sprout# " is a few hundred pixels; one line of boot log is more.
	if [ "$text_pixels" -gt 50 ] && [ "$text_pixels" -lt 600 ]; then
		tap ok "$1: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	else
		tap fail "$1: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	fi
}

rm -f "$out"/screen.*.ppm "$out/$test_name.uefi.log" "$out/$test_name.bios.log"
boot uefi 'loglevel=7' --firmware uefi --monitor "$sock" \
	< <(screenshots_then_poweroff "$out/$test_name.uefi.log" \
		'' "$out/screen.uefi.ppm" clear "$out/screen.clear.uefi.ppm")
expect 'fbcon: [0-9]+x[0-9]+, 32 bpp at 0x[0-9a-f]+: [0-9]+x[0-9]+ text console' \
	'the framebuffer console starts under UEFI'
expect_not 'vga: ' 'the VGA text console stays off under UEFI'
expect_status 0 'the UEFI run ends with poweroff'
check_screenshot "$out/screen.uefi.ppm" 'UEFI framebuffer console' aaaaaa
clear_check uefi aaaaaa

# Under BIOS, after the boot log: about 300 lines, then clear.  The VGA
# console scrolls by moving the CRTC start address through the 32 KiB text
# window and copies the screen back to the top when the window is used up
# (every 204 lines).  After about 300 lines the prompt must still sit alone
# on the bottom row and the rows above must hold text.
boot bios 'loglevel=7' --monitor "$sock" \
	< <(screenshots_then_poweroff "$out/$test_name.bios.log" \
		'' "$out/screen.bios.ppm" \
		"$(printf 'dmesg\n%.0s' 1 2 3 4 5 6)" "$out/screen.scroll.ppm" \
		clear "$out/screen.clear.bios.ppm")
expect 'vga: 80x25 text console, cursor on' 'the VGA text console runs under BIOS'
expect_not 'fbcon: ' 'the framebuffer console stays off in text mode'
expect_status 0 'the BIOS run ends with poweroff'
# Light grey through the VGA's 6-bit palette (0x2a << 2).
check_screenshot "$out/screen.bios.ppm" 'BIOS VGA text console' a8a8a8
clear_check bios a8a8a8

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
