# Keys typed on QEMU's PS/2 keyboard (the monitor's sendkey command) reach
# the kernel through IRQ 1 and the US layout, and the shell runs what was
# typed: shifted letters and symbols, digits and Enter.  The timer tick and
# the CMOS clock answer the uptime and date commands.  (tests/boot/uefi.sh
# types the same keys after OVMF has had the keyboard.)
source "$(dirname "$0")/lib.sh"

sock=$out/keyboard.monitor
klog=$out/$test_name.bios.log	# where boot() logs the run

# Runs beside QEMU: types "echo Kbd-42!" and Enter at the prompt through the
# monitor, then the up arrow and Enter (the line again, from history), waits
# for both outputs, then sends commands and poweroff on the serial line.
type_then_poweroff() {
	wait_for "$klog" 'sprout# ' || return
	send_keys "$sock" e c h o spc shift-k b d minus 4 2 shift-1 ret
	wait_for "$klog" '^Kbd-42!'
	send_keys "$sock" up ret
	# Its output before the serial line's input, which a busy host could
	# otherwise let in between the keys.
	wait_for "$klog" '^Kbd-42!' 2
	printf 'uptime\n'
	sleep 0.3
	printf 'uptime\ndate\npoweroff\n'
}

rm -f "$klog"
boot bios 'loglevel=7' --monitor "$sock" < <(type_then_poweroff)
expect 'keyboard: PS/2 on IRQ 1, US layout' 'the keyboard driver starts'
expect 'sprout# echo Kbd-42!$' 'the typed keys are echoed at the prompt'
expect '^Kbd-42!$' 'the shell ran the typed command (shift, digits, symbols, Enter)'
[ "$(grep -c '^Kbd-42!$' "$log")" = 2 ]
tap_status 'the up arrow key recalls the line'
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
