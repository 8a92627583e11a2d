# Helpers for the QEMU boot tests (sourced by tests/boot/*.sh).
#
#   boot NAME 'CMDLINE' [run-qemu.sh options] < <(printf 'input')
#       build (or reuse) an ISO for CMDLINE, boot it headless with a timeout,
#       keep the serial log in $log and the run status in $status (not in
#       a pipeline: that would run it in a subshell)
#   expect 'REGEX' 'what it shows'       one TAP line: the log matches
#   expect_not 'REGEX' 'what it shows'   one TAP line: the log does not match
#   expect_status N 'what it shows'      one TAP line: run-qemu.sh returned N
#   ktap_results                         one TAP line per in-kernel test case
#   expect_no_reports 'what' [REGEX]     one TAP line: no checker's report
#                                        in the log (but lines matching REGEX;
#                                        $ktest_provoked: the suites' own)
#   debug_build [TARGET...]              one TAP line: the debug kernel and
#                                        tests/debug built ($dbg, $debug)
#   wait_for, send_keys, type_line, screendump, screenshots_then_poweroff,
#   check_screenshot, clear_check ...: keys and screenshots through QEMU's
#       monitor (listed at the end)
#
# Statuses (tools/run-qemu.sh): 0 power-off/tests passed, 1 tests failed,
# 2 panic, 3 timeout, 4 stopped at the --until text, 5 CPU reset.

set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BUILD=${BUILD:-build}
KERNEL=${KERNEL:-$BUILD/sprout.elf}
# The test build: the same kernel with the in-kernel tests and crash points
# (make test builds it).  A command line with a parameter only test code
# knows -- ktest, crash=, initcall_test, tsc_stall (tests/kernel/) --
# boots it.
TEST_KERNEL=${TEST_KERNEL:-$BUILD/test/sprout.elf}
INITRD=${INITRD-$BUILD/initrd.cpio}	# INITRD= boots without one
BOOT_FILES=${BOOT_FILES:-}	# more files for GRUB to load (module2), e.g. .ko
TIMEOUT=${TIMEOUT:-60}
out=${TEST_OUT:-$BUILD/tests}	# tests/run.sh
mkdir -p "$out/iso"
# Files are named by the test; a script that is not tests/*/NAME.sh (a
# tutorial solution's check.sh) is given its name in TEST_NAME.
test_name=${TEST_NAME:-$(basename "$0" .sh)}
log= status=

# An ISO per distinct kernel, initrd, GRUB configuration and command line,
# made once (grub-mkrescue: 0.2 s and 5 MB each).
iso_for() {
	local key iso kernel=$KERNEL
	case " $1" in
	*" ktest"* | *" crash="* | *" initcall_test"* | *" tsc_stall"*) kernel=$TEST_KERNEL ;;
	esac
	key=$( { cat "$kernel" ${INITRD:+"$INITRD"} $BOOT_FILES iso/grub.cfg; printf '%s' "$1"; } |
		md5sum | cut -c1-16)
	iso=$out/iso/$key.iso
	# A run of every test removes the ISOs it did not use (tests/run.sh).
	if [ -f "$iso" ]; then
		touch "$iso"
	else
		# Tests run in parallel: another may be making the same ISO.
		tools/mkiso.sh "$kernel" "$iso.$$.tmp" "$1" "$INITRD" $BOOT_FILES >&2 &&
			mv "$iso.$$.tmp" "$iso" || return 1
	fi
	echo "$iso"
}

boot() {
	local name=$1 cmdline=$2 iso
	shift 2
	log=$out/$test_name.$name.log
	iso=$(iso_for "$cmdline") || { status=99; : > "$log"; return; }
	if [ -t 0 ]; then
		tools/run-qemu.sh --iso "$iso" --timeout "$TIMEOUT" "$@" \
			< /dev/null > "$log" 2>&1
	else
		tools/run-qemu.sh --iso "$iso" --timeout "$TIMEOUT" "$@" \
			> "$log" 2>&1
	fi
	status=$?
	# Serial output has CR LF line ends.
	sed -i 's/\r$//' "$log"
}

tap() {
	if [ "$1" = ok ]; then
		echo "ok - $test_name: $2"
	else
		echo "not ok - $test_name: $2"
		echo "# log: $log"
		[ -n "$log" ] || return 0
		ktap_failures "$log" | head -n 20 | sed 's/^/#   /'
		tail -n 15 "$log" | sed 's/^/#   /'
	fi
}

# ktap_failures LOG: the in-kernel test cases that failed, each with the
# diagnostics printed before it -- a log's tail shows where the run ended,
# not which case failed.
ktap_failures() {
	awk '/^(\[[ 0-9.]*\] )? +# / { diag = diag $0 "\n"; next }
		/^(\[[ 0-9.]*\] )? +not ok / { printf "%s%s\n", diag, $0 }
		{ diag = "" }' "$1" 2> /dev/null
}

# tap_status DESC: ok when the command just before succeeded, as in
# "grep -q x "$log"; tap_status 'x is logged'".
tap_status() {
	if [ $? -eq 0 ]; then tap ok "$1"; else tap fail "$1"; fi
}

# excerpt: expect
expect() {
	if grep -Eq -- "$1" "$log"; then tap ok "$2"; else tap fail "$2 (no match for /$1/)"; fi
}
# excerpt-end: expect

expect_not() {
	if grep -Eq -- "$1" "$log"; then tap fail "$2 (unexpected /$1/)"; else tap ok "$2"; fi
}

# expect_lines 'what' REGEX...: the log has lines matching each REGEX
# (after the time stamp), in this order.
expect_lines() {
	local what=$1 from=0 n
	shift
	for re in "$@"; do
		n=$(sed 's/^\[[ 0-9.]*\] //' "$log" | tail -n +$((from + 1)) |
			grep -nE -m1 -- "$re" | cut -d: -f1)
		if [ -z "$n" ]; then
			tap fail "$what (no line /$re/ after line $from)"
			return
		fi
		from=$((from + n))
	done
	tap ok "$what"
}

# The first line of every report of the kernel's checkers, Linux's words:
# UBSAN, BUG (might_sleep, scheduling while atomic, soft lockup, KASAN),
# slab debugging's "BUG <cache> (...)", WARNING (WARN_ON, every lockdep
# report), the hung-task detector and a module's leaked objects.  One list,
# for every test that wants a run with none.  (Not the checkers' bare
# names: "lockdep" and "kasan" are in every debug module's version magic.)
report_lines='UBSAN: |BUG: |BUG [^ ]+ \(|WARNING: |INFO: task |watchdog: BUG|unreferenced object|not freed at unload'

# debug_build [TARGET...]: the debug kernel, its modules, any TARGETs (such
# as the debug test kernel) and the buggy modules of tests/debug built out
# of tree (in $BUILD/debug, where make test's test-debug has built them),
# one TAP line, the test ended if not; sets
# dbg and debug to the two folders and leaves log at the debug kernel's
# symbol table.
debug_build() {
	dbg=$BUILD/debug
	debug=tests/debug
	log=$out/$test_name.build.log
	if make -s DEBUG=1 BUILD="$dbg" "$dbg/sprout.elf" "$@" modules > "$log" 2>&1 &&
		make -s DEBUG=1 BUILD="$dbg" M=$debug modules >> "$log" 2>&1; then
		tap ok 'make DEBUG=1 builds the debug kernel and tests/debug out of tree'
	else
		tap fail 'make DEBUG=1 builds the debug kernel and tests/debug out of tree'
		exit 0
	fi
	nm "$dbg/sprout.elf" > "$out/$test_name.debug.syms"
	log=$out/$test_name.debug.syms
}

# expect_no_reports 'what' [REGEX]: one TAP line: no line of the log is a
# checker's report, but those matching REGEX (reports the run provokes on
# purpose); a failure shows the first few.
expect_no_reports() {
	local found
	found=$(grep -E -- "$report_lines" "$log" |
		{ if [ -n "${2:-}" ]; then grep -Ev -- "$2"; else cat; fi; } | head -n 5)
	if [ -z "$found" ]; then
		tap ok "$1"
	else
		tap fail "$1 (a checker reported: $(head -n 1 <<< "$found"))"
		sed 's/^/#   /' <<< "$found"
	fi
}

# ktest_provoked: for expect_no_reports, the reports the in-kernel suites
# provoke on purpose, each suite checking its own: misuse a Linux kernel
# warns of (sched: binding to a CPU there is none of; locking: a mutex
# unlocked by a task not holding it; refcount: the saturation warnings;
# irq: unbalanced enable_irq()/disable_irq(), a free_irq() of a handler
# not there; procfs: a name added twice, one removed that is not there)
# and sched_preempt's sleep with preemption off in its thread t_atomic;
# the double frees the mm and slab suites make to test the allocators'
# own checks, which slab debugging reports and refuses.  Any other is a
# finding.
ktest_provoked='WARNING: kthread_bind\(t_bound, 1\): no CPU 1|WARNING: mutex test_mutex unlocked at mutex_unlock_by_another_task_is_ignored\+|WARNING: at kernel/panic/refcount\.c:[0-9]+ refcount_saturates_with_linux_warnings\+|WARNING: at kernel/irq/manage\.c:[0-9]+ (enable_irq|disable_irq|free_irq)\+|WARNING: at kernel/fs/proc/generic\.c:[0-9]+ (proc_add|remove_proc_entry)\+|BUG: scheduling while atomic: t_atomic/|BUG (kmalloc-128|t_a) \([^)]*\): Object already free$|FIX (kmalloc-128|t_a): Object at 0x[0-9a-f]+ not freed$'

expect_status() {
	if [ "$status" = "$1" ]; then tap ok "$2"; else tap fail "$2 (status $status, wanted $1)"; fi
}

# Re-emit the in-kernel KTAP results as TAP lines, one per test case; a
# missing plan or a run that ended early counts as a failure.
ktap_results() {
	local suite= planned=0 seen=0
	while IFS= read -r line; do
		line=${line#*\] }	# drop the printk time stamp
		case $line in
		"    # Subtest: "*) suite=${line#    # Subtest: } ;;
		"    ok "*) echo "ok - ktest: $suite: ${line#    ok [0-9]* }"; seen=$((seen + 1)) ;;
		"    not ok "*) echo "not ok - ktest: $suite: ${line#    not ok [0-9]* }"; seen=$((seen + 1)) ;;
		"        # "*) echo "#  ${line#        }" ;;
		"1.."*) planned=${line#1..} ;;
		esac
	done < "$log"
	if [ "$planned" = 0 ] || [ "$seen" = 0 ]; then
		tap fail "in-kernel tests ran (no KTAP output)"
	fi
}

# initrd_modules: the .ko files the build in $BUILD (the kernel booted:
# a debug kernel refuses the normal build's modules) packs into the initrd.
# use_bare_initrd: boot from here on with an initrd of the modules the build packs (obj-m,
# not the test-only test-m ones) and an empty etc/modules, so that a test
# starts with no module loaded.
initrd_modules() {
	make -s -f /dev/stdin BUILD="$BUILD" <<<'include Makefile
print-initrd-modules: ; @echo $(INITRD_MODULES)' print-initrd-modules
}

use_bare_initrd() {
	local kos
	kos=$(initrd_modules)
	# Per test: tests run in parallel.
	mkdir -p "$out/$test_name.bare.tree/etc"
	: > "$out/$test_name.bare.tree/etc/modules"
	tools/mkinitrd.sh -o "$out/$test_name.bare.cpio" -d "$BUILD/tools/depmod" \
		-t "$out/$test_name.bare.tree" $kos
	export INITRD=$out/$test_name.bare.cpio
}

# Through QEMU's monitor (tools/run-qemu.sh --monitor SOCKET), for the
# keyboard, screen and UEFI tests.  The waits run beside QEMU, in the
# function that feeds the boot its input.
#   wait_for FILE REGEX [N]    until FILE (a log being written) holds N
#                              matches of REGEX (default 1), 60 s at most
#   send_keys SOCKET KEY...    type on the PS/2 keyboard (sendkey's names)
#   type_line LOG SOCKET       at the prompt, type "echo Kbd-42!" and Enter,
#                              then the up arrow and Enter; until both ran
#   expect_typed_line          TAP lines: type_line's keys reached the shell
#   screendump SOCKET FILE     a screenshot (PPM), once QEMU wrote all of it
#   screenshots_then_poweroff LOG SOCKET PROMPTS [COMMANDS SHOT]...
#                              with PROMPTS prompts in LOG, for each pair:
#                              run COMMANDS (lines; may be empty), wait for
#                              their prompts, take SHOT; then poweroff
#   check_screenshot FILE WHAT TEXT-RGB [any]    TAP lines: not blank, and
#                              (without "any") lines of text of that colour
#   clear_check FILE WHAT TEXT-RGB    TAP lines: after clear, only a prompt
wait_for() {
	local i
	for i in $(seq 600); do
		[ "$(grep -Eo -- "$2" "$1" 2> /dev/null | wc -l)" -ge "${3:-1}" ] &&
			return 0
		sleep 0.1
	done
	return 1
}

send_keys() {
	local sock=$1 k
	shift
	for k in "$@"; do
		printf 'sendkey %s\n' "$k"
		sleep 0.05
	done | socat - "UNIX-CONNECT:$sock" > /dev/null 2>&1
}

type_line() {
	wait_for "$1" 'sprout# ' || return
	send_keys "$2" e c h o spc shift-k b d minus 4 2 shift-1 ret
	wait_for "$1" '^Kbd-42!'
	# The up arrow recalls the line from history: it runs a second time.
	send_keys "$2" up ret
	# Its output before anything the serial line sends next, which a busy
	# host could otherwise let in between the keys.
	wait_for "$1" '^Kbd-42!' 2
}

expect_typed_line() {
	expect 'keyboard: PS/2 on IRQ 1, US layout' 'the keyboard driver starts'
	expect 'sprout# echo Kbd-42!$' 'the typed keys are echoed at the prompt'
	expect '^Kbd-42!$' 'the shell ran the typed command (shift, digits, symbols, Enter)'
	[ "$(grep -c '^Kbd-42!$' "$log")" = 2 ]
	tap_status 'the up arrow key recalls the line'
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

screendump() {
	local i
	# The screen is drawn as the serial line is written: let it catch up.
	sleep 0.3
	printf 'screendump %s\n' "$(realpath -m "$2")" |
		socat - "UNIX-CONNECT:$1" > /dev/null 2>&1
	for i in $(seq 200); do
		ppm_complete "$2" && return 0
		sleep 0.05
	done
	return 1
}

screenshots_then_poweroff() {
	local log=$1 sock=$2 prompts=$3
	shift 3
	wait_for "$log" 'sprout# ' "$prompts"
	while [ $# -ge 2 ]; do
		if [ -n "$1" ]; then
			printf '%s\n' "$1"
			prompts=$((prompts + $(printf '%s\n' "$1" | wc -l)))
		fi
		wait_for "$log" 'sprout# ' "$prompts"
		screendump "$sock" "$2"
		shift 2
	done
	printf 'poweroff\n'
}

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

clear_check() {
	text_pixels=0
	check_screenshot "$1" "$2: after clear" "$3" any
	# "sprout# " is a few hundred pixels; one line of boot log is more.
	if [ "$text_pixels" -gt 50 ] && [ "$text_pixels" -lt 600 ]; then
		tap ok "$2: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	else
		tap fail "$2: clear leaves only the prompt on the screen ($text_pixels text pixels)"
	fi
}
