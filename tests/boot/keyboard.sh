# Keys typed on QEMU's PS/2 keyboard (the monitor's sendkey command) reach
# the kernel through IRQ 1 and the US layout, and the shell runs what was
# typed: shifted letters and symbols, digits and Enter.  The timer tick and
# the CMOS clock answer the uptime and date commands.  (tests/boot/uefi.sh
# types the same keys after OVMF has had the keyboard.)
source "$(dirname "$0")/lib.sh"

sock=$out/keyboard.monitor
klog=$out/$test_name.bios.log	# where boot() logs the run

# Runs beside QEMU: types the line (lib.sh's type_line), then sends
# commands and poweroff on the serial line.
type_then_poweroff() {
	type_line "$klog" "$sock" || return
	printf 'uptime\n'
	sleep 0.3
	printf 'uptime\ndate\npoweroff\n'
}

rm -f "$klog"
boot bios 'loglevel=7' --monitor "$sock" < <(type_then_poweroff)
expect_typed_line
expect_status 0 'the run ends with poweroff'

# The uptime and date answers.
expect '^up 0:00:[0-9]{2}, [0-9]+\.[0-9]{6} s \(TSC\), [0-9]+ ticks at 100 Hz$' \
	'uptime reports the TSC time and the tick count'
ticks=$(sed -n 's/^up .* \([0-9]*\) ticks at 100 Hz$/\1/p' "$log" | tr '\n' ' ')
read -r t1 t2 <<< "$ticks"
if [ -n "${t2:-}" ] && [ "$t2" -gt "$t1" ]; then
	tap ok "the timer ticks between two uptime commands ($t1, then $t2)"
else
	tap fail "the timer ticks between two uptime commands (got '$ticks')"
fi
expect '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 20[0-9]{2}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC$' \
	'date prints the CMOS clock'
