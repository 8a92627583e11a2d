# The kernel's link order, which is initcall order within a level and the
# order of every linker-section table (__setup(), shell commands,
# benchmarks): the layers of docs/architecture.md ("Layers") bottom first,
# each folder's objects together, the other folders' build.mk included at
# their layer's place.  main.o alone comes first, out of its layer (19):
# it is the boot order, the file a reader opens first, and it registers
# nothing, so its place changes no order at run time.
# tests/checks/linkorder.sh holds the build to this.
obj-y += kernel/main.o
obj-y += kernel/lib/string.o
# Called by the allocators on memory KASAN has poisoned (mm/build.mk).
KASAN_SANITIZE_kernel/lib/string.o := n
obj-y += kernel/lib/strlist.o
obj-y += kernel/lib/vsnprintf.o
obj-y += kernel/lib/sprintf.o
obj-y += kernel/lib/sscanf.o
obj-y += kernel/lib/kstrtox.o
obj-y += kernel/lib/errno.o
obj-y += kernel/lib/args.o
obj-y += kernel/lib/extable.o
include boot/build.mk
obj-y += kernel/boot/multiboot2.o
obj-y += kernel/printk/printk.o
obj-y += kernel/printk/console.o
obj-y += kernel/time/time.o
obj-y += kernel/time/tick.o
obj-y += kernel/time/timer_queue.o
obj-y += kernel/time/timer.o
obj-y += kernel/panic/panic.o
obj-y += kernel/panic/stackprotector.o
obj-y += kernel/panic/kallsyms.o
obj-y += kernel/panic/backtrace.o
# Call chains kept to print later (the scheduler's, lockdep's, the heap
# checkers').
obj-y += kernel/panic/stacktrace.o
obj-y += kernel/panic/warn.o
obj-y += kernel/panic/lock.o
obj-y += kernel/panic/refcount.o
# The undefined behaviour sanitizer's runtime (config.mk).
obj-$(CONFIG_UBSAN) += kernel/panic/ubsan.o
obj-y += kernel/cpu/hardirq.o
obj-y += kernel/cpu/softirq.o
obj-y += kernel/cpu/gdt.o
obj-y += kernel/cpu/idt.o
obj-y += kernel/cpu/entry.o
obj-y += kernel/cpu/traps.o
obj-y += kernel/cpu/extable.o
obj-y += kernel/cpu/usercopy.o
# The lock validator (config.mk), at the cpu layer: it reads the
# preempt count, and every layer from memory up takes locks.
obj-$(CONFIG_LOCKDEP) += kernel/locking/lockdep_report.o
obj-$(CONFIG_LOCKDEP) += kernel/locking/lockdep.o
obj-y += kernel/trace/tracepoint.o
include mm/build.mk
obj-y += kernel/sched/pick.o
obj-y += kernel/sched/switch.o
obj-y += kernel/sched/core.o
obj-y += kernel/sched/fair.o
obj-y += kernel/sched/wait.o
obj-y += kernel/sched/signal.o
obj-y += kernel/sched/timeout.o
obj-y += kernel/sched/completion.o
# might_sleep()'s report (config.mk).
obj-$(CONFIG_DEBUG_ATOMIC_SLEEP) += kernel/sched/might_sleep.o
obj-y += kernel/sched/mutex.o
obj-y += kernel/sched/semaphore.o
obj-y += kernel/sched/rwsem.o
obj-y += kernel/sched/kthread.o
# The running task for KASAN's reports (config.mk).
# khungtaskd (config.mk).
obj-$(CONFIG_DETECT_HUNG_TASK) += kernel/sched/hung_task.o
# The soft-lockup check of the tick (config.mk).
obj-$(CONFIG_SOFTLOCKUP_DETECTOR) += kernel/sched/watchdog.o
obj-y += kernel/sched/task_code.o
obj-y += kernel/sched/init.o
# The running task for the heap checkers' records (config.mk).
obj-$(if $(filter y,$(CONFIG_KASAN) $(CONFIG_SLUB_DEBUG) $(CONFIG_DEBUG_KMEMLEAK_MODULES)),y) += kernel/sched/mm_debug.o
obj-y += kernel/sched/ps_format.o
obj-y += kernel/sched/ps.o
obj-y += kernel/sched/stacktrace.o
obj-y += kernel/sched/uaccess.o
include kernel/irq/build.mk
obj-y += kernel/workqueue/pool.o
obj-y += kernel/workqueue/queue.o
obj-y += kernel/workqueue/flush.o
obj-y += kernel/init/cmdline.o
obj-y += kernel/init/initcall.o
include kernel/module/build.mk
include kernel/fs/build.mk
obj-y += kernel/initrd/cpio.o
obj-y += kernel/initrd/initrd.o
obj-y += kernel/initrd/unpack.o
include kernel/modprobe/build.mk
include drivers/build.mk
obj-y += kernel/shell/input.o
obj-y += kernel/shell/table.o
obj-y += kernel/shell/cmd_fields.o
obj-y += kernel/shell/shell.o
obj-y += kernel/shell/readline.o
obj-y += kernel/shell/thread.o
obj-y += kernel/shell/stdio.o
obj-y += kernel/shell/pipeline.o
obj-y += kernel/shell/text_cmds.o
obj-y += kernel/shell/hexdump.o
obj-y += kernel/shell/dir_names.o
obj-y += kernel/shell/fs_cmds.o
obj-y += kernel/shell/ls.o
