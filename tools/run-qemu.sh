#!/bin/bash
# Boot a Sprout ISO in QEMU and turn the way it ended into an exit status:
#   0  clean power-off, or in-kernel tests passed
#   1  in-kernel tests failed
#   2  kernel panic or oops
#   3  QEMU ran into the --timeout
#   4  the --until text appeared on the serial console and QEMU was stopped
#   5  the CPU reset: a triple fault, or a reboot (-no-reboot ends QEMU);
#      "QEMU: CPU reset (triple fault)" when QEMU saw one, "(triple fault?)"
#      when it cannot tell
# QEMU's isa-debug-exit device exits with (code << 1) | 1 for the code the
# kernel writes (include/kernel/panic.h), so the kernel's own ways out are
# odd statuses.  QEMU exits 0 both when it is told to stop (ACPI power-off
# without isa-debug-exit, the monitor's quit) and when the CPU resets; the
# log QEMU keeps for this script (its shutdown requests, and the reset's
# cause) tells the two apart.
#
# Usage: tools/run-qemu.sh --iso FILE [--mem MiB] [--firmware bios|uefi]
#        [--gui] [--gdb KERNEL.elf] [--serial-log FILE] [--timeout SECONDS]
#        [--monitor SOCKET] [--until TEXT] [--no-debug-exit]
#        [-- extra QEMU arguments]
# --until stops QEMU at the first serial line that contains TEXT: a kernel
# that halts on purpose, or GRUB waiting at its menu after an error, ends
# there instead of at the time limit.  --no-debug-exit leaves the
# isa-debug-exit device out (the kernel then powers off through ACPI).
set -u
iso= mem=128 firmware=bios gui=0 gdb= log= timeout= monitor= until=
debug_exit=1
while [ $# -gt 0 ]; do
	case $1 in
	--no-debug-exit) debug_exit=0; shift ;;
	--iso) iso=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--firmware) firmware=$2; shift 2 ;;
	--gui) gui=1; shift ;;
	--gdb) gdb=$2; shift 2 ;;
	--serial-log) log=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--monitor) monitor=$2; shift 2 ;;
	--until) until=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "run-qemu.sh: unknown option '$1'" >&2; exit 64 ;;
	esac
done
[ -n "$iso" ] || { echo "run-qemu.sh: --iso is required" >&2; exit 64; }
[ -f "$iso" ] || { echo "run-qemu.sh: $iso: no such file" >&2; exit 66; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/sprout-run.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# QEMU's log, for exit_status: "-d cpu_reset" writes "Triple fault" when
# one resets the CPU, the trace event qemu_system_shutdown_request a line
# for each request to stop.  A caller's own -d and -D are kept: its -d
# gets cpu_reset added, its -D file is the one read.
qlog=$dir/qemu.log
args=()
while [ $# -gt 0 ]; do
	case $1 in
	-d) args+=(-d "$2,cpu_reset"); shift 2 ;;
	-D) qlog=$2; shift 2 ;;
	*) args+=("$1"); shift ;;
	esac
done
case " ${args[*]:-} " in
*" -d "*) ;;
*) args+=(-d cpu_reset) ;;
esac
set -- ${args[@]+"${args[@]}"} -D "$qlog" -trace qemu_system_shutdown_request

# excerpt: isa-debug-exit
[ "$debug_exit" = 1 ] && set -- -device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@"
set -- -M pc -m "$mem" -cdrom "$iso" -boot d -no-reboot "$@"
# excerpt-end: isa-debug-exit

case $firmware in
bios) ;;
uefi)
	ovmf=
	for f in /usr/share/ovmf/OVMF.fd /usr/share/OVMF/OVMF_CODE.fd; do
		[ -f "$f" ] && { ovmf=$f; break; }
	done
	[ -n "$ovmf" ] || { echo "run-qemu.sh: OVMF not found (make deps)" >&2; exit 64; }
	# No network card: Sprout has no driver for one, and OVMF would start
	# the card's iPXE UEFI driver first (2 s of CPU a boot, a third of it).
	set -- -bios "$ovmf" -nic none "$@"
	;;
*) echo "run-qemu.sh: --firmware must be bios or uefi" >&2; exit 64 ;;
esac

[ "$gui" = 1 ] || set -- -display none "$@"
[ -n "$monitor" ] && set -- -monitor "unix:$monitor,server,nowait" "$@"
run=(qemu-system-x86_64)
[ -n "$timeout" ] && run=(timeout -k 5 "$timeout" qemu-system-x86_64)

# excerpt: exit-status
exit_status() {
	case $1 in
	0) stopped_or_reset ;;
	33 | 39) return 0 ;;
	35) return 1 ;;
	37) return 2 ;;
	124 | 137) return 3 ;;
	*) echo "run-qemu.sh: QEMU exited with status $1" >&2; return "$1" ;;
	esac
}

# QEMU exited 0: it was asked to stop (a request in its log), or the CPU
# reset, which -no-reboot turns into an exit -- never a success.
stopped_or_reset() {
	if grep -q '^Triple fault' "$qlog" 2> /dev/null; then
		echo "QEMU: CPU reset (triple fault)" >&2
		return 5
	fi
	grep -q '^qemu_system_shutdown_request' "$qlog" 2> /dev/null && return 0
	echo "QEMU: CPU reset (triple fault?)" >&2
	return 5
}
# excerpt-end: exit-status

if [ -n "$gdb" ]; then
	# gdb owns the terminal; the serial console goes to a file.
	serial=${log:-$(dirname "$gdb")/serial.log}
	echo "run-qemu.sh: serial console in $serial (tail -f it)" >&2
	"${run[@]}" -serial "file:$serial" -s -S "$@" &
	qpid=$!
	# tools/gdb/sprout.py gives sprout-symbols (lx-symbols): the symbols of
	# every loaded module, at its load addresses.
	gdb -q "$gdb" -ex "source $(dirname "$0")/gdb/sprout.py" \
		-ex 'target remote localhost:1234' \
		-ex 'break kernel_main' -ex 'continue'
	kill "$qpid" 2>/dev/null
	exit 0
fi

if [ -t 0 ] && [ -z "$log" ] && [ -z "$until" ]; then
	# A person at a terminal: serial on it; Ctrl-A X quits, Ctrl-A C monitor.
	"${run[@]}" -serial mon:stdio "$@"
	exit_status $?
	exit
fi

# Input from a pipe or file (or --until, which reads the console): the
# serial relay (tools/serial-relay.c) holds the input back until the
# kernel's shell prompts, or the firmware and GRUB (which also read the
# serial line) would eat it.
relay=${SERIAL_RELAY:-${BUILD:-build}/tools/serial-relay}
[ -x "$relay" ] || { echo "run-qemu.sh: $relay: not built (make tools)" >&2; exit 64; }
mkfifo "$dir/serial.in" "$dir/serial.out"
"${run[@]}" -serial "pipe:$dir/serial" "$@" &
qpid=$!
# stop_at: copy the console through; stop QEMU at the --until line.
stop_at() {
	local line
	[ -n "$until" ] || exec cat
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		*"$until"*)
			: > "$dir/until"
			kill "$qpid" 2>/dev/null
			exec cat
			;;
		esac
	done
}
# Background jobs get /dev/null as standard input unless told otherwise.
exec 3<&0
"$relay" 'sprout# ' "$dir/serial.out" "$dir/serial.in" <&3 | stop_at |
	if [ -n "$log" ]; then tee "$log"; else cat; fi &
wait "$qpid"
status=$?
# If QEMU died before opening its serial pipe, the relay still waits for a
# writer on serial.out: open and close it once so that it sees the end.
: <> "$dir/serial.out"
wait
[ -e "$dir/until" ] && exit 4
exit_status "$status"
