# The shell runs in its own thread, PID 1, and sleeps until console input
# wakes it: ps lists swapper/0 idle, ksoftirqd/0 and the shell, which is
# asleep (S) while it waits at the prompt.  Ctrl-C, on the serial line or the PS/2
# keyboard, drops the line being typed with ^C and a new prompt, and
# ends a command blocked in an interruptible wait.
source "$(dirname "$0")/lib.sh"

sock=$out/shell_thread.monitor
tlog=$out/$test_name.ctrlc.log	# where boot() logs the runs
plog=$out/$test_name.pause.log

# Each step waits for the one before to show, as a person types: the
# Ctrl-C of a command must come while it runs.  The log has CR LF line
# ends while QEMU runs: no pattern here ends in $.
ctrl_c_then_poweroff() {
	wait_for "$tlog" 'sprout# ' || return
	printf 'ps\n'
	wait_for "$tlog" '^ +1 R ' || return
	printf 'echo dropped'
	wait_for "$tlog" 'sprout# echo dropped' || return
	printf '\003'
	wait_for "$tlog" 'sprout# ' 3 || return
	printf 'echo serial-ok\n'
	wait_for "$tlog" '^serial-ok' || return
	send_keys "$sock" e c h o spc k ctrl-c
	wait_for "$tlog" 'sprout# ' 5 || return
	printf 'echo keyboard-ok\npoweroff\n'
}

rm -f "$tlog"
boot ctrlc 'loglevel=7' --monitor "$sock" < <(ctrl_c_then_poweroff)
expect '^ +PID S +TIME COMMAND$' 'ps prints the header of procps ps -eo pid,s,time,args'
expect '^ +0 I [0-9]{2}:[0-9]{2}:[0-9]{2} \[swapper/0\]$' 'ps lists swapper/0 idle, as a kernel thread in brackets'
expect '^ +1 R [0-9]{2}:[0-9]{2}:[0-9]{2} sh$' 'ps lists the shell as PID 1, running (it runs ps)'
expect '^ +[0-9]+ I [0-9]{2}:[0-9]{2}:[0-9]{2} \[kworker/0:0\]$' 'ps lists the first kworker, idle (I), named as Linux names it'
expect '^ +[0-9]+ S [0-9]{2}:[0-9]{2}:[0-9]{2} \[ksoftirqd/0\]$' 'ps lists ksoftirqd/0, a kernel thread asleep until softirqs need it'
expect '^sprout# echo dropped\^C$' 'Ctrl-C on the serial line prints ^C after the typed line'
expect_not '^dropped$' 'and the line does not run'
expect '^serial-ok$' 'the next line runs'
expect '^sprout# echo k\^C$' 'Ctrl-C on the keyboard does the same'
expect '^keyboard-ok$' 'and the shell goes on'
expect_status 0 'poweroff ends the run'

# The test build's pause sleeps until a signal; bg runs ps from a thread
# once the shell sleeps at the prompt again.
pause_then_poweroff() {
	wait_for "$plog" 'sprout# ' || return
	printf 'pause\n'
	wait_for "$plog" 'sprout# pause' || return
	sleep 0.5
	printf '\003'
	wait_for "$plog" 'sprout# ' 2 || return
	printf 'echo after-pause\n'
	wait_for "$plog" '^after-pause' || return
	printf 'bg ps\n'
	wait_for "$plog" ' \[bg\]' || return
	printf 'poweroff\n'
}

rm -f "$plog"
KERNEL=$TEST_KERNEL boot pause 'loglevel=7' < <(pause_then_poweroff)
grep -A1 '^sprout# pause$' "$log" | tail -n 1 | grep -q '^\^C$'
tap_status 'Ctrl-C ends a command blocked in wait_event_interruptible() with ^C'
expect '^after-pause$' 'the shell reads the next line'
expect '^ +1 S [0-9]{2}:[0-9]{2}:[0-9]{2} sh$' 'waiting for input, the shell sleeps (S): nothing polls'
expect '^ +[0-9]+ R [0-9]{2}:[0-9]{2}:[0-9]{2} \[bg\]$' 'a kernel thread running is R, in brackets'
expect_status 0 'poweroff ends the run'
