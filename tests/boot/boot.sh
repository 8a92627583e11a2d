# A BIOS (SeaBIOS) boot reaches the ready line; the shell takes piped
# input; power-off ends QEMU cleanly; 4 MiB of RAM is enough.  The UEFI
# boot is tests/boot/uefi.sh's.
source "$(dirname "$0")/lib.sh"

# excerpt: boot-test-bios
boot bios 'loglevel=7 hello=world' < <(printf 'cmdline\npoweroff\n')
expect '^\[ *[0-9]+\.[0-9]{6}\] Sprout [0-9.]+ ready$' 'BIOS boot reaches the ready line'
expect '^loglevel=7 hello=world$' 'the command line from GRUB reaches the kernel'
expect 'Unknown kernel command line parameter "hello"' 'an unknown parameter is reported by name'
expect_status 0 'poweroff ends QEMU with status 0'
# excerpt-end: boot-test-bios

# The TSC rate: from CPUID where the CPU states it, else a PIT window of at
# least 0.1 ms between two changes of the count whose error bound is within
# 2000 ppm (or that reached its 10 ms cap, on a host too busy for that).
# tsc_line LOG: "STAMP_US MHZ WINDOW_US PPM" of its tsc line, "cpuid" when
# the rate came from CPUID, nothing when there is no such line.
tsc_line() {
	grep -q '^\[ *[0-9.]*\] tsc: [0-9.]* MHz (from CPUID)$' "$1" && { echo cpuid; return; }
	sed -n 's/^\[ *\([0-9.]*\)\] tsc: \([0-9.]*\) MHz (PIT, \([0-9]*\) us window, within \([0-9]*\) ppm)$/\1 \2 \3 \4/p' "$1" |
		awk '{ printf "%d %s %s %s\n", $1 * 1000000, $2, $3, $4 }'
}
tsc=$(tsc_line "$out/boot.bios.log")
read -r stamp mhz window ppm <<< "${tsc:-0 0 0 999999}"
if [ "$tsc" = cpuid ] || { [ "$window" -ge 99 ] &&
	{ [ "$ppm" -le 2000 ] || [ "$window" -ge 9900 ]; }; }; then
	tap ok "the TSC rate comes from CPUID or a PIT window within its bound ($window us, $ppm ppm)"
else
	tap fail "the TSC rate comes from CPUID or a PIT window within its bound (got '$tsc')"
fi
# The window opens at the kernel's entry and closes at the tsc line: the
# boot's first steps fill it, instead of a busy wait after them.  Timed on
# QEMU's instruction count (-icount), where the guest's clocks do not see
# the host's load: a host that stalls QEMU outside the window would
# otherwise make it look short.
boot icount 'loglevel=7' -- -icount shift=5,sleep=off < <(printf 'poweroff\n')
counted=$(tsc_line "$log")
read -r cstamp _ cwindow _ <<< "${counted:-0 0 0 0}"
if [ "$counted" = cpuid ] || { [ "$cwindow" -gt 0 ] && [ $((cwindow * 2)) -ge "$cstamp" ]; }; then
	tap ok "the TSC window spans the boot's first steps ($cwindow us of the $cstamp us before the tsc line)"
else
	tap fail "the TSC window spans the boot's first steps (got '$counted')"
fi

# Boot steps that outlast the PIT count (54.9 ms) before the window closes:
# the window is measured again, not taken with its count wrapped.
boot tsc_stall 'loglevel=7 tsc_stall' < <(printf 'poweroff\n')
stalled=$(tsc_line "$log")
read -r _ smhz _ _ <<< "${stalled:-0 0 0 0}"
if [ "$tsc" = cpuid ] || awk -v a="$mhz" -v b="$smhz" 'BEGIN { d = (a - b) / a; exit !(b > 0 && d < 0.01 && d > -0.01) }'; then
	tap ok "a TSC window that outlasts the PIT count is measured again ($smhz MHz after the stall, $mhz MHz without)"
else
	tap fail "a TSC window that outlasts the PIT count is measured again (after the stall: '$stalled'; without: $mhz MHz)"
fi

# A machine without a PIT (and no TSC rate from CPUID): the window cannot
# open, and the kernel says why it stops once it has a console, instead
# of waiting for the count for ever.
boot nopit 'loglevel=7' -- -machine pit=off < <(printf 'poweroff\n')
expect 'Kernel panic - not syncing: tsc: PIT channel 2 does not count, and CPUID states no TSC rate' \
	'without a PIT the kernel stops and says the TSC has nothing to be measured against'
expect_status 2 'without a PIT the boot ends in a panic, not a hang'

# 4 MiB of RAM is enough: GRUB loads the kernel and the initrd (stripped
# modules), and every module etc/modules lists is loaded.
boot tiny 'loglevel=7' --mem 4 < <(printf 'lsmod\npoweroff\n')
expect 'Sprout [0-9.]+ ready' 'with 4 MiB of RAM the kernel reaches the prompt'
expect_not 'out of memory' 'with 4 MiB GRUB has memory for the kernel and the initrd'
missing=
for m in $(sed 's/#.*//' "$BUILD/initrd-config/etc/modules" | awk 'NF { print $1 }'); do
	grep -q "^$m " "$log" || missing="$missing $m"
done
if [ -z "$missing" ]; then
	tap ok 'with 4 MiB every boot module is loaded'
else
	tap fail "with 4 MiB every boot module is loaded (missing:$missing)"
fi
expect_status 0 'the 4 MiB boot powers off cleanly'
