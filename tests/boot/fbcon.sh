# Under UEFI (OVMF) there is no text mode: the framebuffer console draws the
# boot log.  A screenshot from QEMU's monitor (screendump, a PPM) must not be
# blank: it must hold both the background and the console's text colour.
source "$(dirname "$0")/lib.sh"

sock=$out/fbcon.monitor
shot=$out/fbcon.ppm
rm -f "$shot" "$out/$test_name.uefi.log"

# Runs beside QEMU: once the shell prompts, take the screenshot, then
# power off through the serial line (this function's output).
screenshot_then_poweroff() {
	local i
	for i in $(seq 600); do
		grep -q 'sprout# ' "$out/$test_name.uefi.log" 2>/dev/null && break
		sleep 0.1
	done
	printf 'screendump %s\n' "$(realpath -m "$shot")" |
		socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
	for i in $(seq 100); do
		[ -s "$shot" ] && break
		sleep 0.1
	done
	sleep 0.5	# let QEMU finish writing the file
	printf 'poweroff\n'
}

boot uefi 'loglevel=7' --firmware uefi --monitor "$sock" < <(screenshot_then_poweroff)
expect 'fbcon: [0-9]+x[0-9]+, 32 bpp at 0x[0-9a-f]+: [0-9]+x[0-9]+ text console' \
	'the framebuffer console starts under UEFI'
expect_status 0 'the run ends with poweroff'

if [ ! -s "$shot" ]; then
	tap fail 'QEMU wrote a screenshot'
	exit 0
fi
tap ok 'QEMU wrote a screenshot'

# PPM (P6): a header of magic, width, height and maxval, then RGB bytes.
read -r magic w h max < <(head -c 64 "$shot" | tr -s ' \n' ' ' | cut -d' ' -f1-4)
header=$(printf 'P6\n%s %s\n%s\n' "$w" "$h" "$max" | wc -c)
if [ "$magic" != P6 ] || [ "$((w * h * 3 + header))" != "$(stat -c %s "$shot")" ]; then
	tap fail "screenshot is a PPM of the size its header says ($magic ${w}x$h)"
	exit 0
fi
# Count the pixels of each colour; text is light grey (aaaaaa) on black.
colours=$(tail -c +"$((header + 1))" "$shot" | od -An -v -tx1 -w3 |
	tr -d ' ' | sort | uniq -c | sort -rn)
bg=$(awk '$2 == "000000" { print $1 }' <<< "$colours")
fg=$(awk '$2 == "aaaaaa" { print $1 }' <<< "$colours")
ncolours=$(wc -l <<< "$colours")
echo "# screenshot ${w}x$h: $ncolours colours, ${bg:-0} background, ${fg:-0} text pixels"
if [ "$ncolours" -ge 2 ]; then
	tap ok 'the screenshot is not blank (more than one colour)'
else
	tap fail 'the screenshot is not blank (one colour only)'
fi
# A full screen of log: at least some thousands of text pixels, and far
# fewer than the background.
if [ "${fg:-0}" -gt 5000 ] && [ "${bg:-0}" -gt "$((fg * 3))" ]; then
	tap ok 'the screenshot shows text in the console colour'
else
	tap fail "the screenshot shows text in the console colour (${fg:-0} text, ${bg:-0} background pixels)"
fi
