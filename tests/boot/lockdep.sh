# lockdep, the debug kernel's lock validator (make DEBUG=1: CONFIG_LOCKDEP):
# the normal kernel has none of it; each buggy module of tests/debug gets
# Linux's report, line by line, and the kernel goes on and powers off
# cleanly.  lockdep turns itself off after its first report, so each bug
# has a boot of its own, all booted at once; one more boots to the shell
# and uses it with no report at all.  The debug build is
# tests/boot/ubsan.sh's (tests/build.mk, test-debug), which also checks the
# in-kernel suites bring no lockdep report.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/lockdep.normal.syms"
log=$out/lockdep.normal.syms
expect_not ' (lock_acquire|lock_release|debug_check_no_locks_freed|lockdep_[a-z_]+)$' \
	'the normal kernel has no lockdep symbols'

debug_build
expect ' T lock_acquire$' 'the debug kernel has lockdep'
strings "$debug/lockdep_abba.ko" > "$out/lockdep.vermagic"
log=$out/lockdep.vermagic
expect '^vermagic=.* lockdep( |$)' 'a debug module names lockdep in its version magic'

cpio=$out/lockdep.cpio
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" "$cpio" \
	>> "$out/lockdep.build.log" 2>&1

# boot_bg NAME LINE...: boot the debug kernel in the background, the shell
# given LINE..., then "echo still running" and poweroff; its status goes
# to a file (the boot runs in a subshell).
boot_bg() {
	local name=$1
	shift
	(
		KERNEL=$dbg/sprout.elf INITRD=$cpio TIMEOUT=120 boot "$name" \
			'loglevel=7' < <(printf '%s\n' "$@" 'echo still running' \
				'poweroff')
		echo "$status" > "$out/lockdep.$name.status"
	) &
}
# use NAME: check that boot's log and status from here on.
use() {
	log=$out/lockdep.$1.log
	status=$(cat "$out/lockdep.$1.status" 2> /dev/null)
}

rm -f "$out"/lockdep.*.status
# The boots share one ISO: made here, not by all of them at once.
KERNEL=$dbg/sprout.elf INITRD=$cpio iso_for 'loglevel=7' > /dev/null
# The AB-BA threads, then what lockdep no longer reports once it is off.
boot_bg abba 'insmod lockdep_abba' 'insmod lockdep_recursive' \
	'echo d > /proc/sysrq-trigger' 'cat /proc/lockdep_stats'
boot_bg recursive 'echo d > /proc/sysrq-trigger' 'insmod lockdep_recursive'
boot_bg irq 'insmod lockdep_irq'
boot_bg unlock 'insmod lockdep_misuse bug=unlock'
boot_bg freed 'insmod lockdep_misuse bug=freed'
boot_bg exit 'insmod lockdep_misuse bug=exit'
boot_bg unload 'insmod lockdep_misuse bug=unload' 'rmmod lockdep_misuse'
boot_bg clean 'lsmod' 'rmmod chain_top' 'cat /proc/modules' 'ls /dev' 'ps' \
	'cat /proc/lockdep_stats'
wait

hex='[0-9a-f]{16}'
off='\+0x[0-9a-f]+/0x[0-9a-f]+'
ident='^Sprout [0-9.]+ (Not tainted|Tainted: [A-Z ]+)$'
reports='possible circular locking|possible recursive locking|inconsistent lock state|bad unlock balance|held lock freed|still has locks held|turning off the locking correctness validator'

use abba
expect_lines 'AB-BA between two threads: "possible circular locking dependency detected", both chains, the kernel goes on' \
	'^={54}$' '^WARNING: possible circular locking dependency detected$' \
	"$ident" '^-{54}$' '^abba_b/[0-9]+ is trying to acquire lock:$' \
	"^$hex \(lock_a\)\{\+\.\+\.\}-\{3:3\}, at: abba_b_fn$off \[lockdep_abba\]$" \
	'^but task is already holding lock:$' \
	"^$hex \(lock_b\)\{\+\.\+\.\}-\{3:3\}, at: abba_b_fn$off \[lockdep_abba\]$" \
	'^which lock already depends on the new lock\.$' \
	'^the existing dependency chain \(in reverse order\) is:$' \
	'^-> #1 \(lock_b\)\{\+\.\+\.\}-\{3:3\}:$' '^       mutex_lock_at\+' \
	"^       abba_a_fn$off \[lockdep_abba\]$" \
	'^-> #0 \(lock_a\)\{\+\.\+\.\}-\{3:3\}:$' '^       mutex_lock_at\+' \
	"^       abba_b_fn$off \[lockdep_abba\]$" \
	'^other info that might help us debug this:$' \
	'^ Possible unsafe locking scenario:$' \
	'^       CPU0                    CPU1$' '^       ----                    ----$' \
	'^  lock\(lock_b\);$' '^                               lock\(lock_a\);$' \
	'^                               lock\(lock_b\);$' '^  lock\(lock_a\);$' \
	'^ \*\*\* DEADLOCK \*\*\*$' '^1 lock held by abba_b/[0-9]+:$' \
	"^ #0: $hex \(lock_b\)\{\+\.\+\.\}-\{3:3\}, at: abba_b_fn$off \[lockdep_abba\]$" \
	'^stack backtrace:$' '^Call Trace:$' " abba_b_fn$off \[lockdep_abba\]$" \
	'^lockdep_abba: both threads took both locks, no deadlock this time$'
expect_lines 'after its first report lockdep is off: no second report, and SysRq-d says so' \
	'^lockdep_recursive: held two locks of one class, the kernel goes on$' \
	'^INFO: lockdep is turned off\.$' '^ debug_locks: +0$' '^still running$'
n=$(grep -cE "$reports" "$log")
if [ "$n" = 1 ]; then
	tap ok 'lockdep reports once, then is off'
else
	tap fail "lockdep reports once, then is off ($n report lines)"
fi
expect_status 0 'the kernel powers off cleanly after the circular-dependency report'

use recursive
expect_lines 'SysRq-d while lockdep is on lists the locks held' \
	'^Showing all locks held in the system:$' '^={45}$'
expect_lines 'two locks of one class nested: "possible recursive locking detected", the kernel goes on' \
	'^={44}$' '^WARNING: possible recursive locking detected$' "$ident" '^-{44}$' \
	'^sh/[0-9]+ is trying to acquire lock:$' \
	"^$hex \(&items\[i\]\.lock\)\{\+\.\+\.\}-\{2:2\}, at: lockdep_recursive_init$off \[lockdep_recursive\]$" \
	'^but task is already holding lock:$' \
	"^$hex \(&items\[i\]\.lock\)\{\+\.\+\.\}-\{2:2\}, at: lockdep_recursive_init$off \[lockdep_recursive\]$" \
	'^other info that might help us debug this:$' \
	'^ Possible unsafe locking scenario:$' '^       CPU0$' '^       ----$' \
	'^  lock\(&items\[i\]\.lock\);$' '^  lock\(&items\[i\]\.lock\);$' \
	'^ \*\*\* DEADLOCK \*\*\*$' '^ May be due to missing lock nesting notation$' \
	'^1 lock held by sh/[0-9]+:$' "^ #0: $hex \(&items\[i\]\.lock\)" \
	'^stack backtrace:$' '^Call Trace:$' \
	" lockdep_recursive_init$off \[lockdep_recursive\]$" \
	'^lockdep_recursive: held two locks of one class, the kernel goes on$' \
	'^still running$'
expect_status 0 'the kernel powers off cleanly after the recursive-locking report'

use irq
expect_lines 'a lock taken in a timer interrupt and with interrupts on: "inconsistent lock state", the kernel goes on' \
	'^={32}$' '^WARNING: inconsistent lock state$' "$ident" '^-{32}$' \
	'^inconsistent \{HARDIRQ-ON-W\} -> \{IN-HARDIRQ-W\} usage\.$' \
	'^[^ ]+/[0-9]+ \[HC1\[1\]:SC0\[0\]:HE0:SE1\] takes:$' \
	"^$hex \(irq_lock\)\{\+\.\+\.\}-\{2:2\}, at: lockdep_irq_timer$off \[lockdep_irq\]$" \
	'^\{HARDIRQ-ON-W\} state was registered at:$' \
	"^  lockdep_irq_init$off \[lockdep_irq\]$" \
	'^other info that might help us debug this:$' \
	'^ Possible unsafe locking scenario:$' '^       CPU0$' '^       ----$' \
	'^  lock\(irq_lock\);$' '^  <Interrupt>$' '^    lock\(irq_lock\);$' \
	'^ \*\*\* DEADLOCK \*\*\*$' '^stack backtrace:$' '^Call Trace:$' \
	" lockdep_irq_timer$off \[lockdep_irq\]$" \
	'^lockdep_irq: count 2 after the timer, the kernel goes on$' \
	'^still running$'
expect_status 0 'the kernel powers off cleanly after the inconsistent-state report'

use unlock
expect_lines 'a mutex unlocked but never locked: "bad unlock balance detected!", the kernel goes on' \
	'^={37}$' '^WARNING: bad unlock balance detected!$' "$ident" '^-{37}$' \
	'^sh/[0-9]+ is trying to release lock \(misuse_mutex\) at:$' \
	"^\[<$hex>\] lockdep_misuse_init$off \[lockdep_misuse\]$" \
	'^but there are no more locks to release!$' \
	'^other info that might help us debug this:$' '^no locks held by sh/[0-9]+\.$' \
	'^stack backtrace:$' '^Call Trace:$' \
	'^lockdep_misuse: bug=unlock done, the kernel goes on$' '^still running$'
expect_status 0 'the kernel powers off cleanly after the bad-unlock report'

use freed
expect_lines 'kfree() of an object whose mutex is held: "held lock freed!", the kernel goes on' \
	'^={25}$' '^WARNING: held lock freed!$' "$ident" '^-{25}$' \
	"^sh/[0-9]+ is freeing memory $hex-$hex, with a lock still held there!$" \
	"^$hex \(&obj->lock\)\{\+\.\+\.\}-\{3:3\}, at: lockdep_misuse_init$off \[lockdep_misuse\]$" \
	'^1 lock held by sh/[0-9]+:$' '^stack backtrace:$' '^Call Trace:$' \
	" kfree$off$" '^lockdep_misuse: bug=freed done, the kernel goes on$' \
	'^still running$'
expect_status 0 'the kernel powers off cleanly after the held-lock-freed report'

use exit
expect_lines 'a thread that ends holding a mutex: "still has locks held!", the kernel goes on' \
	'^={44}$' '^WARNING: misuse_exit/[0-9]+ still has locks held!$' "$ident" \
	'^-{44}$' '^1 lock held by misuse_exit/[0-9]+:$' \
	"^ #0: $hex \(misuse_mutex\)\{\+\.\+\.\}-\{3:3\}, at: misuse_exit_fn$off \[lockdep_misuse\]$" \
	'^stack backtrace:$' '^Call Trace:$' ' kthread_main\+' \
	'^lockdep_misuse: bug=exit done, the kernel goes on$' '^still running$'
expect_status 0 'the kernel powers off cleanly after the locks-held-at-exit report'

use unload
# The module's symbols are gone by then: its code is named or not.
expect_lines 'a module unloaded with its own mutex held: "held lock freed!" for its memory, the kernel goes on' \
	'^lockdep_misuse: unloading with misuse_mutex held$' \
	'^WARNING: held lock freed!$' \
	"^sh/[0-9]+ is freeing memory $hex-$hex, with a lock still held there!$" \
	"^$hex \(misuse_mutex\)\{\+\.\+\.\}-\{3:3\}, at: (lockdep_misuse_exit$off \[lockdep_misuse\]|0x[0-9a-f]+)$" \
	'^stack backtrace:$' '^Call Trace:$' ' free_regions\+' '^still running$'
expect_status 0 'the kernel powers off cleanly after the unload report'

use clean
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
expect '^still running$' 'the shell runs its commands under lockdep'
expect_not "$reports" 'booting and using the shell bring no lockdep report'
expect_lines '/proc/lockdep_stats: the classes and dependencies seen, lockdep still on' \
	'^ lock-classes: +[1-9][0-9]* \[max: [0-9]+\]$' \
	'^ direct dependencies: +[1-9][0-9]* \[max: [0-9]+\]$' \
	'^ stack-trace entries: +[1-9][0-9]* \[max: [0-9]+\]$' \
	'^ hardirq-safe locks: +[0-9]+$' '^ max locking depth: +[1-9][0-9]*$' \
	'^ debug_locks: +1$'
expect_status 0 'the kernel powers off cleanly after a boot with no report'
