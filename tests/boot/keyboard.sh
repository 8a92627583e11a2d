# Keys typed on QEMU's PS/2 keyboard (the monitor's sendkey command) reach
# the kernel through IRQ 1 and the US layout, under BIOS and UEFI firmware,
# and the shell runs what was typed: shifted letters and symbols, digits
# and Enter.  The timer tick and
# the CMOS clock answer the uptime and date commands.
source "$(dirname "$0")/lib.sh"

sock=$out/keyboard.monitor

# "echo Kbd-42!" key by key, then Enter.
keys='e c h o spc shift-k b d minus 4 2 shift-1 ret'

# wait_for REGEX: until the log of the current run ($klog) matches.
wait_for() {
	local i
	for i in $(seq 600); do
		grep -Eq -- "$1" "$klog" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# Runs beside QEMU: types at the prompt through the monitor, waits for the
# command's output, then sends commands and poweroff on the serial line.
type_then_poweroff() {
	local k
	wait_for 'sprout# ' || return
	for k in $keys; do
		printf 'sendkey %s\n' "$k"
		sleep 0.05
	done | socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
	wait_for '^Kbd-42!'
	# The up arrow recalls the line from history: it runs a second time.
	for k in up ret; do
		printf 'sendkey %s\n' "$k"
		sleep 0.05
	done | socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
	# Its output before the serial line's input, which a busy host could
	# otherwise let in between the keys.
	for k in $(seq 600); do
		[ "$(grep -c '^Kbd-42!' "$klog")" -ge 2 ] && break
		sleep 0.1
	done
	printf 'uptime\n'
	sleep 0.3
	printf 'uptime\ndate\npoweroff\n'
}

for firmware in bios uefi; do
	klog=$out/$test_name.$firmware.log	# where boot() logs this run
	rm -f "$klog"
	boot "$firmware" 'loglevel=7' --firmware "$firmware" --monitor "$sock" \
		< <(type_then_poweroff)
	expect 'keyboard: PS/2 on IRQ 1, US layout' "$firmware: the keyboard driver starts"
	expect 'sprout# echo Kbd-42!$' "$firmware: the typed keys are echoed at the prompt"
	expect '^Kbd-42!$' "$firmware: the shell ran the typed command (shift, digits, symbols, Enter)"
	[ "$(grep -c '^Kbd-42!$' "$log")" = 2 ] &&
		tap ok "$firmware: the up arrow key recalls the line" ||
		tap fail "$firmware: the up arrow key recalls the line"
	expect_status 0 "$firmware: the run ends with poweroff"
done

# The last run's uptime and date answers.
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
