# Helpers for the exercises' check.sh scripts (sourced; run from anywhere).
#
#   solution_copy FILE...        copy the solution's files into $work, a
#                                fresh directory under build/tutorial/
#   solution_modules             build the modules in $work out of tree
#                                (make M=$work, as chapter 10 does)
#   solution_boot 'CMDLINE' 'INPUT' [KO...]
#                                boot Sprout (the test build if CMDLINE asks
#                                for crash=) with the .ko files as GRUB boot
#                                modules, typing INPUT at the shell; the log
#                                is in $log, the run-qemu.sh status in $status
#                                (MEM=<MiB> sets the machine's RAM)
#   must 'REGEX' 'what'          the log must match
#   must_not 'REGEX' 'what'      the log must not match
#   must_status N 'what'         the boot must have ended with status N
#   solution_done                exit 0 if every check held, else 1
set -u
solution_dir=$(cd "$(dirname "$0")" && pwd)
cd "$solution_dir/../../../.."
BUILD=${BUILD:-build}
work=$PWD/$BUILD/tutorial/solutions/$(basename "$solution_dir")
log= status= failed=0
rm -rf "$work"
mkdir -p "$work"

solution_copy() {
	for f in "$@"; do
		cp "$solution_dir/$f" "$work/" || exit 1
	done
}

solution_modules() {
	if ! make -s M="$work" > "$work/build.log" 2>&1; then
		echo "check: the solution does not build:"
		sed 's/^/  /' "$work/build.log"
		exit 1
	fi
}

solution_boot() {
	local cmdline=$1 input=$2 kernel=$BUILD/sprout.elf
	shift 2
	case " $cmdline" in
	*" crash="*) kernel=$BUILD/test/sprout.elf ;;
	esac
	log=$work/serial.log
	tools/mkiso.sh "$kernel" "$work/sprout.iso" "$cmdline" \
		"$BUILD/initrd.cpio" "$@" > "$work/iso.log" 2>&1 ||
		{ echo "check: no ISO:"; cat "$work/iso.log"; exit 1; }
	printf '%b' "$input" | tools/run-qemu.sh --iso "$work/sprout.iso" \
		--mem "${MEM:-128}" --timeout 60 > "$log" 2>&1
	status=$?
	sed -i 's/\r$//' "$log"
}

must() {
	if grep -Eq -- "$1" "$log"; then
		echo "ok - $2"
	else
		echo "not ok - $2 (no line matches /$1/ in $log)"
		failed=1
	fi
}

must_not() {
	if grep -Eq -- "$1" "$log"; then
		echo "not ok - $2 (a line matches /$1/ in $log)"
		failed=1
	else
		echo "ok - $2"
	fi
}

must_status() {
	if [ "$status" = "$1" ]; then
		echo "ok - $2"
	else
		echo "not ok - $2 (status $status, wanted $1)"
		failed=1
	fi
}

solution_done() {
	[ "$failed" = 0 ] || tail -n 30 "$log" | sed 's/^/#   /'
	exit "$failed"
}
