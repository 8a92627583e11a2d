# The interrupts command prints what Linux's /proc/interrupts prints: the
# CPU0 header, a row per line with a handler (count, XT-PIC, N-edge and
# the names the drivers requested it with), then ERR: and MIS:.  Between
# two runs, the timer's count rises, and keys typed on the PS/2 keyboard
# raise the i8042 line's.
source "$(dirname "$0")/lib.sh"

sock=$out/interrupts.monitor
ilog=$out/$test_name.keys.log	# where boot() logs the run

# Runs beside QEMU: interrupts, two keys (Shift types nothing at the
# prompt), interrupts again once the first run's output is all there.
interrupts_twice() {
	wait_for "$ilog" 'sprout# ' || return
	printf 'interrupts\n'
	wait_for "$ilog" '^MIS:' || return
	send_keys "$sock" shift shift
	sleep 0.3
	printf 'interrupts\n'
	wait_for "$ilog" '^MIS:' 2 || return
	printf 'poweroff\n'
}

rm -f "$ilog"
boot keys 'loglevel=7' --monitor "$sock" < <(interrupts_twice)
expect_status 0 'the run ends with poweroff'
expect '^           CPU0       $' 'the header names the one CPU, in Linux'"'"'s columns'
row='^  %s: +([0-9]+)    XT-PIC +%s-edge      %s$'
# shellcheck disable=SC2059
for l in '0 0 timer' '1 1 i8042' '4 4 ttyS0' '8 8 rtc0'; do
	read -r n irq name <<< "$l"
	expect "$(printf "$row" "$n" "$irq" "$name")" "line $n is listed with its count and the name $name"
done
expect '^ERR: +[0-9]+$' 'ERR: counts interrupts nothing could handle'
expect '^MIS: +0$' 'MIS: is 0 (no I/O APIC to mis-route)'
expect_not '^  (2|3|5|6|7|9|1[0-5]):' 'lines without a handler are not listed'

# count LINE RUN: the count of LINE (e.g. "0") in the RUN-th listing.
count() {
	sed -n "s/^ *$1: *\([0-9]*\) .*/\1/p" "$log" | sed -n "${2}p"
}
t1=$(count 0 1) t2=$(count 0 2) k1=$(count 1 1) k2=$(count 1 2)
if [ -n "$t2" ] && [ "$t2" -gt "$t1" ]; then
	tap ok "the timer's count rises between the two listings ($t1, then $t2)"
else
	tap fail "the timer's count rises between the two listings (got '$t1', '$t2')"
fi
# Each key is a make and a break code: two interrupts.
if [ -n "$k2" ] && [ "$k2" -ge $((k1 + 4)) ]; then
	tap ok "two keys typed raise the i8042 count by four or more ($k1, then $k2)"
else
	tap fail "two keys typed raise the i8042 count by four or more (got '$k1', '$k2')"
fi
