# The debug kernel's sleep checks and stuck-thread detectors (make DEBUG=1:
# CONFIG_DEBUG_ATOMIC_SLEEP, CONFIG_DETECT_HUNG_TASK,
# CONFIG_SOFTLOCKUP_DETECTOR): the normal kernel has none of them; buggy
# modules (tests/debug) each get Linux's report, line by line, once, and
# the kernel goes on and powers off cleanly.  The debug build is
# tests/boot/ubsan.sh's, which make test builds (tests/build.mk,
# test-debug); tests/boot/debugktest.sh boots the in-kernel suites under it.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/debugcheck.normal.syms"
log=$out/debugcheck.normal.syms
expect_not ' __might_sleep$' 'the normal kernel has no might_sleep() checks'
expect_not ' [tT] (hung_task_init|softlockup_tick)$' \
	'the normal kernel has no hung-task or soft-lockup detector'

debug_build
expect ' T __might_sleep$' 'the debug kernel has the might_sleep() checks'
expect ' t hung_task_init$' 'the debug kernel has khungtaskd'
expect ' T softlockup_tick$' 'the debug kernel has the soft-lockup check'

cpio=$out/debugcheck.cpio
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" "$cpio" \
	>> "$out/debugcheck.build.log" 2>&1

# await REGEX: hold the shell's next input until the boot's log has a line
# matching REGEX (at most 60 s): a detector reports in its own time.
await() {
	local i
	for ((i = 0; i < 600; i++)); do
		grep -qE -- "$1" "$out/debugcheck.reports.log" 2>/dev/null && return
		sleep 0.1
	done
}

# Short thresholds, so that the stuck threads are found in seconds: a
# task blocked for 2 s, the CPU held for 2 * 1 s.
rm -f "$out/debugcheck.reports.log"
KERNEL=$dbg/sprout.elf INITRD=$cpio boot reports \
	'loglevel=7 hung_task_timeout_secs=2 watchdog_thresh=1' \
	< <(printf '%s\n' 'insmod atomic_sleep' 'rmmod atomic_sleep' \
		'insmod atomic_sleep' 'insmod hung_waiter'
	await 'INFO: task hung_waiter:'
	printf '%s\n' 'echo still running' 'insmod preempt_spin' \
		'rmmod preempt_spin' 'rmmod hung_waiter' 'echo done' 'poweroff')
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
n_sleep='sleeping function called from invalid context'
# Linux's header line: the task (the shell's insmod), taint, version.
cpu='^CPU: 0 PID: [0-9]+ Comm: sh (Not tainted|Tainted: [A-Z]+) Sprout [0-9.]+$'
expect_lines 'msleep() under a spinlock: might_sleep()'"'"'s report, then schedule()'"'"'s, the kernel goes on' \
	"^BUG: $n_sleep at kernel/sched/timeout\.c:[0-9]+$" \
	'^in_atomic\(\): 1, irqs_disabled\(\): 0, non_block: 0, pid: [0-9]+, name: sh$' \
	'^preempt_count: 1, expected: 0$' \
	"$cpu" '^Call Trace:$' \
	' msleep\+0x[0-9a-f]+/0x[0-9a-f]+$' \
	' atomic_sleep_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[atomic_sleep\]$' \
	'^BUG: scheduling while atomic: sh/[0-9]+/0x00000001$' \
	"$cpu" '^Call Trace:$' \
	' atomic_sleep_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[atomic_sleep\]$' \
	'^atomic_sleep: slept 10 ms holding a spinlock$'
# Loaded, unloaded, loaded again: one report per load (its code is new).
n=$(grep -c "BUG: $n_sleep" "$log")
if [ "$n" = 2 ]; then
	tap ok 'might_sleep() reports a call site once, and again in a module loaded anew'
else
	tap fail "might_sleep() reports a call site once, and again in a module loaded anew ($n reports, wanted 2)"
fi
n=$(grep -c 'BUG: scheduling while atomic' "$log")
if [ "$n" = 2 ]; then
	tap ok 'schedule() reports each sleep in atomic context'
else
	tap fail "schedule() reports each sleep in atomic context ($n reports, wanted 2)"
fi
# khungtaskd reports while the shell waits at its prompt: the report's
# first line may follow "sprout# ".
expect_lines 'a thread blocked for good: khungtaskd'"'"'s report, the blocked stack, the kernel goes on' \
	'INFO: task hung_waiter:[0-9]+ blocked for more than 2 seconds\.$' \
	'^ +(Not tainted|Tainted: [A-Z]+) Sprout [0-9.]+$' \
	'^task:hung_waiter +state:D ' '^Call Trace:$' \
	' hung_waiter_fn\+0x[0-9a-f]+/0x[0-9a-f]+ \[hung_waiter\]$' \
	'^still running$'
n=$(grep -c 'INFO: task hung_waiter:' "$log")
if [ "$n" = 1 ]; then
	tap ok 'a hung task is reported once'
else
	tap fail "a hung task is reported once ($n reports)"
fi
! grep 'INFO: task ' "$log" | grep -qv 'INFO: task hung_waiter:'
tap_status 'no other task is reported hung'
expect_lines 'a thread spinning with preemption off: the soft-lockup report from the tick, the kernel goes on' \
	'^watchdog: BUG: soft lockup - CPU#0 stuck for [0-9]+s! \[sh:[0-9]+\]$' \
	"$cpu" \
	'^Call Trace:$' ' scheduler_tick\+' \
	' preempt_spin_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[preempt_spin\]$' \
	'^preempt_spin: spun 4 s with preemption off$' '^done$'
n=$(grep -c 'soft lockup' "$log")
if [ "$n" = 1 ]; then
	tap ok 'a soft lockup is reported once'
else
	tap fail "a soft lockup is reported once ($n reports)"
fi
expect_status 0 'the kernel powers off cleanly after the reports'
