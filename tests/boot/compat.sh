# Modules written for Linux, built and loaded unchanged: tests/compat is
# built out of tree as Kbuild does (make -C . M=tests/compat modules) and
# packed into the initrd by "make M=tests/compat" (lib/modules, with
# modules.dep); then they load with parameters from the kernel command
# line (modules=, name.param=) and from insmod, and each one's output is
# checked line by line.  Names follow Linux: hello-1.ko is hello_1, either
# spelling is accepted, and a renamed copy is the same module.
source "$(dirname "$0")/lib.sh"

# tests/boot/debugcompat.sh runs this under the debug kernel: BUILD its
# folder, DEBUG=1, COMPAT_DIR a copy of tests/compat (an out-of-tree build
# writes next to the sources, and the normal build uses those).
compat=${COMPAT_DIR:-tests/compat}
cpio=$out/$test_name.cpio
extra=$out/$test_name.extra

# Build the modules, then an initrd with them through the make variable.
blog=$out/$test_name.build.log
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$compat modules > "$blog" 2>&1
built=$?
log=$blog
kos=$(sed -n 's/^obj-m += \(.*\)\.o$/\1.ko/p' $compat/Makefile)
missing=
for ko in $kos; do [ -f "$compat/$ko" ] || missing="$missing $ko"; done
if [ $built = 0 ] && [ -z "$missing" ]; then
	tap ok "make -C . M=$compat modules builds all $(echo $kos | wc -w) modules"
else
	tap fail "make -C . M=$compat modules failed ($built) or did not build:$missing"
fi

# Renamed copies and a module outside lib/modules, for insmod by path.
rm -rf "$extra" && mkdir -p "$extra/extra"
cp $compat/hello-1.ko "$extra/extra/copy-of-hello.ko"
cp $compat/hello-2.ko "$extra/extra/renamed.ko"
cp $compat/hello-3.ko "$extra/hello-3.ko"
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$compat INITRD="$cpio" INITRD_EXTRA="$extra" "$cpio" \
	>> "$blog" 2>&1
cpio -it < "$cpio" > "$out/$test_name.list" 2>/dev/null
cpio -i --to-stdout lib/modules/modules.dep < "$cpio" > "$out/$test_name.dep" 2>/dev/null
log=$out/$test_name.list
expect '^lib/modules/hello-5\.ko$' 'make M=<dir> puts the built modules in the initrd'"'"'s lib/modules'
expect '^extra/copy-of-hello\.ko$' 'INITRD_EXTRA files land under /'
log=$out/$test_name.dep
expect '^lib/modules/startstop\.ko:' 'modules.dep lists the out-of-tree modules'


INITRD=$cpio boot load 'loglevel=7 modules=hello-5,hello_1 hello-5.myint=77 hello_5.mystring=fromcmdline hello-5.myintarray=3,4 hello_5.mybool=y' \
	< <(printf '%s\n' 'lsmod' 'rmmod hello_5' \
	'insmod hello-5 myint=5 mystring="two words" myintarray=1,2 myshort=-3 myushort=65535 myuint=4000000000 mylong=-9000000000 myulong=18000000000000000000 mynegated=1 level=9 mybuffer=1234567' \
	'insmod hello_5' 'rmmod hello-5' \
	'insmod hello-5 mybuffer=12345678' 'insmod hello-5 myintarray=1,2,3' \
	'rmmod hello-1' 'insmod /lib/modules/hello-1.ko' 'insmod /extra/copy-of-hello.ko' \
	'insmod /hello-3.ko' 'insmod hello-2' 'insmod hello-4' 'modinfo hello-4' \
	'insmod startstop' 'insmod example_spinlock' 'insmod example_mutex' \
	'insmod example-kmem-cache' 'insmod example_list' 'insmod example_sleep' \
	'insmod example_timer' 'insmod example_helpers' 'insmod example_library' 'insmod example_debug' \
	'lsmod' 'rmmod example_library' 'dmesg -l debug' 'rmmod example_debug' 'rmmod hello_1' 'rmmod hello-2' 'rmmod hello_3' 'rmmod hello-4' 'rmmod startstop' \
	'rmmod example_spinlock' 'rmmod example_mutex' 'rmmod example_kmem_cache' \
	'rmmod example_list' 'rmmod example_sleep' 'rmmod example_timer' 'rmmod example_helpers' 'lsmod' 'poweroff')

expect_lines 'hello-5 takes its parameters from the kernel command line, either spelling' \
	'^Hello, world 5$' '^=============$' '^myshort is a short integer: 1$' \
	'^myint is an integer: 77$' '^mystring is a string: fromcmdline$' \
	'^mybool is true, mynegated is true$' '^myintarray\[0\] = 3$' \
	'^myintarray\[1\] = 4$' '^got 2 arguments for myintarray\.$'
expect '^hello_5 +[0-9]+ +0$' 'lsmod calls hello-5.ko hello_5'
expect_lines 'modules= loads hello_1 from hello-1.ko' '^Hello world 1\.$'
expect_lines 'insmod sets every parameter type, a quoted string and an array with its count' \
	'^Goodbye, world 5$' '^Hello, world 5$' '^myshort is a short integer: -3$' \
	'^myushort is an unsigned short: 65535$' '^myint is an integer: 5$' \
	'^myuint is an unsigned integer: 4000000000$' '^mylong is a long integer: -9000000000$' \
	'^myulong is an unsigned long: 18000000000000000000$' \
	'^mystring is a string: two words$' '^mybool is false, mynegated is false$' \
	'^level is 9, mybuffer is 1234567$' '^myintarray\[0\] = 1$' '^myintarray\[1\] = 2$' \
	'^got 2 arguments for myintarray\.$'
expect '^insmod: ERROR: could not insert module hello_5\.ko: File exists$' 'insmod hello_5 finds hello-5 loaded'
expect_lines 'module_param_string refuses a value longer than its buffer' \
	"^mybuffer: string doesn't fit in 7 chars\.$" \
	'^insmod: ERROR: could not insert module hello-5\.ko: No space left on device$'
expect_lines 'an array parameter refuses more values than it holds' \
	'^myintarray: can only take 2 arguments$' \
	'^insmod: ERROR: could not insert module hello-5\.ko: Invalid parameters$'
expect_not '^usage: insmod' 'a refused insmod says why, with no usage line after it (-EINVAL)'
expect_lines 'rmmod hello-1 removes hello_1; insmod takes a path in the initrd' \
	'^Goodbye world 1\.$' '^Hello world 1\.$'
expect_lines 'a renamed copy of a loaded module is the same module (-EEXIST)' \
	'^hello_1: a module of that name is already loaded$' \
	'^insmod: ERROR: could not insert module /extra/copy-of-hello\.ko: File exists$'
expect_lines 'hello-3: __initdata and __initconst read by __init code (insmod /hello-3.ko)' \
	'^Hello, world 3$'
expect_lines 'hello-2: module_init/module_exit and a level-less printk' \
	'^Hello, world 2$' '^hello-2: a printk with no level$'
expect_lines 'hello-4: its own pr_fmt, every level, pr_cont, KERN_CONT, %pS and %ps' \
	'^hello_4: Hello, world 4$' '^hello_4: notice level$' '^hello_4: warning level$' \
	'^hello_4: error level$' '^hello_4: counting: 1 2 3$' '^one line from two printks$' \
	'^hello_4: my init is hello_4_init\+0x0/0x[0-9a-f]+ \[hello_4\], my exit hello_4_exit \[hello_4\]$'
expect_lines 'modinfo shows what hello-4 declares' \
	'^softdep: +pre: hello-1$' '^course: +kernel modules 101$' '^alias: +hello-four$' \
	'^version: +1\.4$' '^author: +A\. Student <student@example\.org>$' '^name: +hello_4$'
expect_lines 'startstop: init_module and cleanup_module from two source files' \
	'^Hello, world - this is the kernel speaking$'
expect_lines 'spinlocks: irqsave turns interrupts off and irqrestore back' \
	'^example spinlock started$' \
	'^Locked static spinlock \(interrupts off inside, on before\)$' \
	'^Unlocked static spinlock \(interrupts as before again\)$' \
	'^Locked dynamic spinlock: held 1, trylock refused$' \
	'^Unlocked dynamic spinlock: held 0, counter 2$'
expect_lines 'mutexes: trylock, trylock while held, lock and unlock' \
	'^example_mutex init$' '^mutex is locked$' '^trylock while held returns 0$' \
	'^mutex is unlocked$' '^mutex_lock took it: locked=1$'
# Neighbours are a cache line's 64 bytes apart; in the debug kernel red
# zones and tracks widen the stride, still by whole lines (checked below).
if [ "${DEBUG:-0}" = 1 ]; then stride='-?[0-9]+'; else stride='-?64'; fi
expect_lines 'kmem_cache: cache-aligned, constructed objects, reused and zeroed' \
	'^allocated 40 records of 28 bytes: 0 misaligned, 0 unconstructed, 40 constructed$' \
	"^records 0 and 1 are $stride bytes apart\$" \
	'^a freed record comes back constructed: magic 0x5eed$' \
	'^kmem_cache_zalloc: id 0 magic 0$'
apart=$(sed -nE 's/.*records 0 and 1 are -?([0-9]+) bytes apart$/\1/p' "$log" | head -n 1)
if [ -n "$apart" ] && [ $((apart % 64)) = 0 ]; then
	tap ok "kmem_cache: SLAB_HWCACHE_ALIGN records are whole cache lines apart ($apart bytes)"
else
	tap fail "kmem_cache: SLAB_HWCACHE_ALIGN records are whole cache lines apart (${apart:-no line})"
fi
expect_lines 'lists: list_add_tail, list_for_each_entry; kcalloc and krealloc' \
	'^list: spider has 8 legs$' '^list: cat has 4 legs$' '^list: bird has 2 legs$' \
	'^list: 14 legs in all, list empty: 0$' '^krealloc kept the array: 0 1 4 9$'
expect_lines 'msleep waits at least its time in ns and in jiffies; mdelay and udelay too' \
	'^msleep\(100\) took at least 100 ms, at least 10 jiffies \(HZ=100\)$' \
	'^mdelay\(2\) \+ udelay\(500\) took at least 2500 us$'
expect_lines 'timers: from_timer, re-arming from the callback, timed waits, del_timer_sync of a pending timer' \
	'^example_timer: built for Linux 6\.1 or later$' \
	'^example_timer: 3 runs, some time left, pending 0$' \
	'^example_timer: wait_event_timeout for nothing gives 0$' \
	'^example_timer: wait_for_completion_timeout gives 0$' \
	'^example_timer: del_timer_sync gives 1$'
expect_lines 'helpers: min/max/clamp, container_of, kstrtoint, strscpy, WARN_ON_ONCE once, THIS_MODULE' \
	'^helpers: 4 values, min -3 max 12 clamp\(42, 0, 10\) 10$' \
	'^helpers: container_of finds x=3$' \
	'^helpers: kstrtoint gave -123, "12x" gives -22$' \
	'^helpers: strscpy into 8 bytes returns -7: "a longe"$' \
	'^helpers: snprintf truncates to "1-copie", strcmp 0$' \
	'^------------\[ cut here \]------------$' \
	'^WARNING: at ([^ ]*/)?tests/compat/example_helpers\.c:[0-9]+ warn_twice\+0x[0-9a-f]+/0x[0-9a-f]+ \[example_helpers\]$' \
	'^---\[ end trace \]---$' \
	'^helpers: WARN_ON_ONCE was true 2 times, reported once$' \
	'^helpers: I am example_helpers$'
n=$(grep -c 'cut here' "$log")
[ "$n" = 1 ] && tap ok 'WARN_ON_ONCE reports once' || tap fail "WARN_ON_ONCE reported $n times"
# A library module (exports, no init, no exit) loads, and with no init to
# undo it can be removed: listed by the first lsmod, gone by the last.
expect_not 'ERROR: could not (insert|remove) module example_library' \
	'example_library, with neither module_init nor module_exit, loads and is removed'
n=$(grep -c '^example_library ' "$log")
[ "$n" = 1 ] && tap ok 'lsmod lists example_library once, before its rmmod' ||
	tap fail "example_library listed $n times by lsmod"
# pr_debug as in Linux: logged from a file built with DEBUG (dmesg -l debug
# shows it), compiled out of hello-4, which is not.
expect '\] example_debug: built with DEBUG, so this line is logged$' \
	'pr_debug logs from a module built with -DDEBUG (CFLAGS_file.o)'
expect_not 'debug level$' 'pr_debug is compiled out of hello-4, built without DEBUG'
expect_lines 'example_debug loads and unloads' '^example_debug: loaded$' '^example_debug: unloaded$'
expect_lines 'every module unloads, running its exit function' \
	'^Goodbye world 1\.$' '^Goodbye, world 2$' '^Goodbye, world 3$' \
	'^hello_4: Goodbye, world 4$' '^Short is the life of a kernel module$' \
	'^example spinlock exit$' '^example_mutex exit$' '^record cache destroyed$' \
	'^list: freed 3 entries, list empty: 1$' '^example_sleep exit$' '^helpers: bye$'
expect_not 'kmem_cache_destroy|kmem_cache_free\(' 'the record cache is destroyed with nothing left in it'
expect_status 0 'the session ends in a clean poweroff'

INITRD=$cpio boot blacklist 'loglevel=7 module_blacklist=hello-2,example_sleep' \
	< <(printf '%s\n' 'insmod hello_2' 'insmod /extra/renamed.ko' \
	'modprobe example-sleep' 'insmod hello-3' 'poweroff')
expect_lines 'module_blacklist=hello-2 refuses hello_2, and a renamed copy of it' \
	'^hello_2: module is blacklisted' \
	'^insmod: ERROR: could not insert module hello_2\.ko: Operation not permitted$' \
	'^hello_2: module is blacklisted' \
	'^insmod: ERROR: could not insert module /extra/renamed\.ko: Operation not permitted$'
expect_lines 'module_blacklist=example_sleep refuses modprobe example-sleep' \
	'^example_sleep: module is blacklisted'
expect_not 'Hello, world 2|msleep\(100\)' 'no blacklisted init runs'
expect_lines 'other modules still load' '^Hello, world 3$'
expect_status 0 'the session ends in a clean poweroff'

# Threads, as the classic tutorials use them: each module loaded,
# exercised and unloaded twice, its output checked line by line.
INITRD=$cpio boot threads 'loglevel=7' < <(printf '%s\n' \
	'insmod example_completion' 'rmmod example_completion' \
	'insmod example_completion' 'rmmod example_completion' \
	'insmod example_waitqueue' 'rmmod example_waitqueue' \
	'insmod example_waitqueue' 'rmmod example_waitqueue' \
	'insmod example_contention' 'rmmod example_contention' \
	'insmod example_contention' 'rmmod example_contention' \
	'insmod example_rwlock' 'rmmod example_rwlock' \
	'insmod example_rwlock' 'rmmod example_rwlock' 'lsmod' 'ps' 'poweroff')
relay=('^example_completion: handing the baton to ping$' \
	'^ping: lap 1$' '^pong: lap 1$' '^ping: lap 2$' '^pong: lap 2$' \
	'^ping: lap 3$' '^pong: lap 3$' '^example_completion: relay finished, 3 laps$' \
	'^example_completion: threads stopped$')
expect_lines 'completions: two kthreads pass a baton in turn, twice over' "${relay[@]}" "${relay[@]}"
alarm=('^sleeper: woken by the alarm, at least 50 ms after it was set$' \
	'^example_waitqueue: timer idle, sleeper stopped$')
expect_lines 'a wait queue: the sleeper wakes when the timer fires, not before, twice over' \
	"${alarm[@]}" "${alarm[@]}"
n=$(grep -c 'sleeper: waiting for the alarm$' "$log")
[ "$n" = 2 ] && tap ok 'the sleeper waits on the queue at each load' ||
	tap fail "the sleeper waited $n times, not 2"
n=$(grep -c 'example_waitqueue: alarm set, timer pending$' "$log")
[ "$n" = 2 ] && tap ok 'the timer is pending once armed, at each load' ||
	tap fail "the timer was seen pending $n times, not 2"
contend=('^mutex: counter 60, expected 60$' '^mutex: a worker found it held: yes$' \
	'^semaphore: at most 2 holders at once \(limit 2\)$' \
	'^example_contention: workers stopped$')
expect_lines 'a mutex and a semaphore under contention: no lost count, at most 2 holders, twice over' \
	"${contend[@]}" "${contend[@]}"
rw=('^atomic: add_return\(3\) = 8$' '^atomic: cmpxchg\(8 -> 10\) saw 8, now 10$' \
	'^atomic: cmpxchg\(8 -> 12\) saw 10, now 10$' '^atomic: dec_and_test at 1: true$' \
	'^atomic64: inc_return = 1099511627777$' '^rwlock: 20000 reads, 2000 writes, 0 torn$' \
	'^example_rwlock: threads stopped$')
expect_lines 'atomic_t arithmetic, and an rwlock_t a reader never sees half written, twice over' \
	"${rw[@]}" "${rw[@]}"
expect_not 'ERROR|BUG|Oops|WARNING' 'no module refused, no kernel report'
expect_not '(relay_p|alarm_sl|contender/|pair_(reader|writer))' 'no thread of theirs is left once they are unloaded (ps)'
expect_status 0 'the session ends in a clean poweroff'

# A workqueue of the module's own, loaded, exercised and unloaded twice.
INITRD=$cpio boot workqueue 'loglevel=7' < <(printf '%s\n' \
	'insmod example_workqueue' 'rmmod example_workqueue' \
	'insmod example_workqueue' 'rmmod example_workqueue' 'lsmod' 'poweroff')
wq=('^example_workqueue: job 1 done by a kworker: yes$' \
	'^example_workqueue: job 2 done by a kworker: yes$' \
	'^example_workqueue: job 3 done by a kworker: yes$' \
	'^example_workqueue: 3 jobs flushed$' '^example_workqueue: tick 1$' \
	'^example_workqueue: tick 2$' '^example_workqueue: tick 3$' \
	'^example_workqueue: ticked 3 times$' \
	'^example_workqueue: cancel_delayed_work_sync gives 1$' \
	'^example_workqueue: queue destroyed$')
expect_lines 'a workqueue: jobs in order in a kworker, a delayed work ticking, all torn down, twice over' \
	"${wq[@]}" "${wq[@]}"
expect_not 'ERROR|BUG|Oops|WARNING|example_workqueue +[0-9]' 'no module refused, no kernel report, nothing left loaded'
expect_status 0 'the session ends in a clean poweroff'

# Interrupts, as the classic tutorials take them: a second handler on the
# keyboard's shared line that leaves the printing to a work item, and a
# threaded handler whose thread sleeps; each loaded, fed a key through
# QEMU's monitor and unloaded, twice.  Shift types nothing at the prompt.
isock=$out/$test_name.irq.monitor
ilog=$out/$test_name.irq.log	# where boot() logs the run
irq_session() {
	local i
	wait_for "$ilog" 'sprout# ' || return
	for i in 1 2; do
		printf 'insmod example_kbd_irq\n'
		wait_for "$ilog" 'example_kbd_irq: sharing IRQ 1' $i || return
		send_keys "$isock" shift
		wait_for "$ilog" 'example_kbd_irq: scancode 0xaa' $i || return
		printf 'interrupts\nrmmod example_kbd_irq\n'
		wait_for "$ilog" 'example_kbd_irq: IRQ 1 freed' $i || return
		printf 'insmod example_threaded_irq\n'
		wait_for "$ilog" 'example_threaded_irq: threaded handler' $i || return
		send_keys "$isock" shift
		wait_for "$ilog" 'example_threaded_irq: .* scancode 0xaa' $i || return
		printf 'rmmod example_threaded_irq\n'
		wait_for "$ilog" 'example_threaded_irq: IRQ 1 freed' $i || return
	done
	printf 'interrupts\nlsmod\nps\npoweroff\n'
}
rm -f "$ilog"
INITRD=$cpio boot irq 'loglevel=7' --monitor "$isock" < <(irq_session)
# A module's line may follow the prompt: no ^ before them.
irq=('^example_kbd_irq: sharing IRQ 1 with the keyboard$' \
	'example_kbd_irq: scancode 0x2a, key pressed$' \
	'^example_kbd_irq: scancode 0xaa, key released$' \
	'^  1: +[0-9]+    XT-PIC   1-edge      i8042, example_kbd_irq$' \
	'^example_kbd_irq: IRQ 1 freed$' \
	'^example_threaded_irq: threaded handler on IRQ 1$' \
	'example_threaded_irq: irq/1-example_t after a 10 ms nap: scancode 0x2a$' \
	'example_threaded_irq: irq/1-example_t after a 10 ms nap: scancode 0xaa$' \
	'^example_threaded_irq: IRQ 1 freed after 2 quick halves$')
expect_lines 'a shared keyboard handler deferring to a work item, then a threaded one, twice over' \
	"${irq[@]}" "${irq[@]}" '^  1: +[0-9]+    XT-PIC   1-edge      i8042$'
expect_not 'ERROR|BUG|Oops|WARNING|nobody cared|example_(kbd|threaded)_irq +[0-9]' \
	'no module refused, no kernel report, nothing left loaded'
expect_not '\[irq/1-example_t\]$' 'the handler thread is gone with its module (ps)'

# Tasklets, as the classic tutorials use them: loaded, run and killed,
# twice over.
INITRD=$cpio boot tasklets 'loglevel=7' < <(printf '%s\n' \
	'insmod example_tasklet' 'rmmod example_tasklet' \
	'insmod example_tasklet' 'rmmod example_tasklet' 'lsmod' 'poweroff')
tl=('^example_tasklet: scheduled, bottom halves off$' \
	'^example_tasklet: old-style tasklet got data 42$' \
	'^example_tasklet: greeter runs, in softirq: yes, in a task: no$' \
	'^example_tasklet: bottom halves on again$' \
	'^example_tasklet: the disabled one runs, once enabled$' \
	'^example_tasklet: killed, the greeter ran 1 time$')
expect_lines 'tasklets held by local_bh_disable() run at local_bh_enable(), once each, hi first, in softirq context; the disabled one at enable; exit kills them; twice over' \
	"${tl[@]}" "${tl[@]}"
n=$(grep -c 'example_tasklet: greeter runs' "$log")
[ "$n" = 2 ] && tap ok 'scheduled twice before it ran, the greeter ran once per load' ||
	tap fail "the greeter ran $n times in two loads, not 2"
expect_not '^example_tasklet ' 'example_tasklet is gone after its second rmmod (lsmod)'
expect_not 'ERROR|BUG|Oops|WARNING' 'no module refused, no kernel report'
expect_status 0 'the session ends in a clean poweroff'

# /proc, as the classic tutorials' procfs and sleep examples use it: the
# in-kernel suite procfs_compat loads each module from this initrd, uses
# its file through the VFS (a proc_ops read, a seq_file of 200 records, a
# write read back, a reader asleep until a writer or a signal), removes
# it and does it again.
INITRD=$cpio boot proc 'ktest=procfs_compat'
ktap_results
expect_not 'no compat modules in the initrd: skipped' 'the suite found the compat modules'
expect_not 'BUG|Oops|WARNING' 'no kernel report'
expect_status 0 'QEMU exit status reports success'

# The same modules from the shell: cat, echo > and head on their files,
# each loaded and removed twice.
procsh=('insmod example_proc_read' 'cat /proc/example_read' 'rmmod example_proc_read' \
	'cat /proc/example_read' 'insmod example_proc_write' \
	'echo hello procfs > /proc/example_buffer' 'cat /proc/example_buffer' \
	'rmmod example_proc_write' 'insmod example_proc_seq' \
	'head -c 69 /proc/example_seq/records' 'rmmod example_proc_seq')
INITRD=$cpio boot procsh 'loglevel=7' < <(printf '%s\n' "${procsh[@]}" "${procsh[@]}" 'lsmod' 'poweroff')
psh=('^/proc/example_read created$' '^Hello from /proc!$' '^/proc/example_read removed$' \
	'^cat: /proc/example_read: No such file or directory$' \
	'^/proc/example_buffer created$' '^hello procfs$' '^/proc/example_buffer removed$' \
	'^/proc/example_seq/records: 200 records$' '^record  square    cube$' \
	'^     1       1       1$' '^     2       4       8$' '^/proc/example_seq removed$')
expect_lines 'the /proc modules from the shell: a greeting read, a write read back, seq_file records, twice over' \
	"${psh[@]}" "${psh[@]}"
expect_not '^example_proc_' 'nothing of them left loaded (lsmod)'
expect_not 'BUG|Oops|WARNING' 'no kernel report'

# The /proc file that blocks its reader, from the shell: cat gets the
# message a write left, then sleeps in its next read until Ctrl-C; the
# module is removed and loaded again, twice over.  Each line waits for the
# prompt before it (CR LF while QEMU runs: no pattern ends in $).
slog=$out/$test_name.procsleep.log
sleep_from_shell() {
	local prompts=0 i line
	for i in 1 2; do
		for line in 'insmod example_proc_sleep' \
			'echo wake up > /proc/example_sleep' \
			'cat /proc/example_sleep'; do
			wait_for "$slog" 'sprout# ' $((++prompts)) || return
			printf '%s\n' "$line"
		done
		wait_for "$slog" '^wake up' "$i" || return
		sleep 0.5
		printf '\003'
		wait_for "$slog" 'sprout# ' $((++prompts)) || return
		printf 'rmmod example_proc_sleep\n'
	done
	wait_for "$slog" 'sprout# ' $((++prompts)) || return
	printf 'lsmod\npoweroff\n'
}
rm -f "$slog"
INITRD=$cpio boot procsleep 'loglevel=7' < <(sleep_from_shell)
sl=('^/proc/example_sleep created$' '^wake up$' \
	'^example_sleep: reader woken by a signal$' '^\^C$' '^sprout# rmmod example_proc_sleep' \
	'^/proc/example_sleep removed$')
expect_lines 'cat of the blocking /proc file: the message, then a sleep Ctrl-C ends, twice over' \
	"${sl[@]}" "${sl[@]}"
expect_not '^example_proc_sleep ' 'nothing of it left loaded (lsmod)'
expect_status 0 'powers off after the blocking reads'

# Deadlocks Linux would hang on: reported, and the machine stops.
dl=$compat/deadlock
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$dl modules > "$out/$test_name.deadlock.build.log" 2>&1
dltree=$out/$test_name.deadlock.tree
rm -rf "$dltree" && mkdir -p "$dltree"
cp $dl/spin-twice.ko $dl/mutex-twice.ko "$dltree/"
make -C . BUILD="$BUILD" DEBUG="${DEBUG:-0}" M=$dl clean > /dev/null 2>&1
INITRD=$cpio BOOT_FILES="$dltree/spin-twice.ko $dltree/mutex-twice.ko" boot spin \
	'loglevel=7' < <(printf '%s\n' 'insmod spin-twice' 'poweroff')
expect_lines 'a spinlock taken twice is reported as recursion, naming the code' \
	'^spin-twice: taking the lock again$' \
	'^Kernel panic - not syncing: BUG: spinlock recursion on CPU#0, lock 0x[0-9a-f]+, at spin_twice_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[spin_twice\]$'
expect_status 2 'and the machine stops'
INITRD=$cpio BOOT_FILES="$dltree/spin-twice.ko $dltree/mutex-twice.ko" boot mutex \
	'loglevel=7' < <(printf '%s\n' 'insmod mutex-twice' 'poweroff')
expect_lines 'unlocking a free mutex is reported; locking one twice is a deadlock' \
	'^WARNING: mutex twice_mutex unlocked at mutex_twice_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[mutex_twice\] but not locked; ignored$' \
	'^mutex-twice: locking it again$' \
	'^Kernel panic - not syncing: BUG: mutex twice_mutex locked again at mutex_twice_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[mutex_twice\]: deadlock'
expect_status 2 'and the machine stops'
