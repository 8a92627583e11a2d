# The debug kernel's sleep checks and stuck-thread detectors (make DEBUG=1:
# CONFIG_DEBUG_ATOMIC_SLEEP, CONFIG_DETECT_HUNG_TASK,
# CONFIG_SOFTLOCKUP_DETECTOR): the normal kernel has none of them; buggy
# modules (tests/debug) each get Linux's report, line by line, once, and
# the kernel goes on and powers off cleanly.  The debug build is
# tests/boot/ubsan.sh's, which make test builds (tests/build.mk,
# test-debug) and which boots the in-kernel suites under it.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/debugcheck.normal.syms"
log=$out/debugcheck.normal.syms
expect_not ' __might_sleep$' 'the normal kernel has no might_sleep() checks'

dbg=$BUILD/debug
debug=tests/debug
log=$out/debugcheck.build.log
if make -s DEBUG=1 BUILD="$dbg" "$dbg/sprout.elf" modules > "$log" 2>&1 &&
	make -s DEBUG=1 BUILD="$dbg" M=$debug modules >> "$log" 2>&1; then
	tap ok 'make DEBUG=1 builds the debug kernel and tests/debug out of tree'
else
	tap fail 'make DEBUG=1 builds the debug kernel and tests/debug out of tree'
	exit 0
fi
nm "$dbg/sprout.elf" > "$out/debugcheck.debug.syms"
log=$out/debugcheck.debug.syms
expect ' T __might_sleep$' 'the debug kernel has the might_sleep() checks'

cpio=$out/debugcheck.cpio
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" "$cpio" \
	>> "$out/debugcheck.build.log" 2>&1

KERNEL=$dbg/sprout.elf INITRD=$cpio boot reports 'loglevel=7' \
	< <(printf '%s\n' 'insmod atomic_sleep' 'rmmod atomic_sleep' \
		'insmod atomic_sleep' 'echo still running' 'poweroff')
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
n_sleep='sleeping function called from invalid context'
expect_lines 'msleep() under a spinlock: might_sleep()'"'"'s report, then schedule()'"'"'s, the kernel goes on' \
	"^BUG: $n_sleep at kernel/sched/timeout\.c:[0-9]+$" \
	'^in_atomic\(\): 1, irqs_disabled\(\): 0, non_block: 0, pid: [0-9]+, name: sh$' \
	'^preempt_count: 1, expected: 0$' '^CPU: 0 ' '^Call Trace:$' \
	' msleep\+0x[0-9a-f]+/0x[0-9a-f]+$' \
	' atomic_sleep_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[atomic_sleep\]$' \
	'^BUG: scheduling while atomic: sh/[0-9]+/0x00000001$' '^Call Trace:$' \
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
expect_lines 'the kernel goes on after the reports' \
	'^atomic_sleep: slept 10 ms holding a spinlock$' '^still running$'
expect_status 0 'the kernel powers off cleanly after the reports'
