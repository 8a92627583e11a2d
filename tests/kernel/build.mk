# In-kernel test suites and crash points, linked only into the test build
# ($(BUILD)/test/sprout.elf, which make test boots): the crash points, the
# shell commands of the test build (pause, bg), the runner, the suites,
# then a stall for the TSC's window.  They run only when the command line
# or the shell asks (ktest, crash=, tsc_stall).  Crash points
# first: their hook runs before the suites' (boot_done_register() order is
# link order).
test-y += tests/kernel/crash.o
test-y += tests/kernel/shell_cmds.o
test-y += tests/kernel/ktest.o
test-y += tests/kernel/modfiles.o
test-y += tests/kernel/files.o
test-y += tests/kernel/core_test.o
test-y += tests/kernel/initcall_test.o
test-y += tests/kernel/drivers_test.o
test-y += tests/kernel/mm_test.o
test-y += tests/kernel/module_test.o
test-y += tests/kernel/modcmd_test.o
test-y += tests/kernel/slab_test.o
test-y += tests/kernel/harden_test.o
test-y += tests/kernel/fault_test.o
test-y += tests/kernel/unwind_test.o
test-y += tests/kernel/sched_test.o
test-y += tests/kernel/signal_test.o
test-y += tests/kernel/unload_test.o
test-y += tests/kernel/locking_test.o
test-y += tests/kernel/atomic_test.o
test-y += tests/kernel/timer_test.o
test-y += tests/kernel/irq_test.o
test-y += tests/kernel/irq_thread_test.o
test-y += tests/kernel/rtc_irq_test.o
test-y += tests/kernel/tasklet_test.o
test-y += tests/kernel/softirq_test.o
test-y += tests/kernel/sleep_test.o
test-y += tests/kernel/workqueue_test.o
test-y += tests/kernel/console_input_test.o
test-y += tests/kernel/sched_fair_test.o
test-y += tests/kernel/sched_preempt_test.o
test-y += tests/kernel/uaccess_test.o
test-y += tests/kernel/soak_test.o
test-y += tests/kernel/path_walk_test.o
test-y += tests/kernel/libfs_test.o
test-y += tests/kernel/initramfs_test.o
test-y += tests/kernel/ramfs_test.o
test-y += tests/kernel/seq_file_test.o
test-y += tests/kernel/procfs_test.o
test-y += tests/kernel/procfs_files_test.o
test-y += tests/kernel/procfs_compat_test.o
test-y += tests/kernel/char_dev_test.o
test-y += tests/kernel/devtmpfs_test.o
test-y += tests/kernel/memdev_test.o
test-y += tests/kernel/compat_chardev_test.o
test-y += tests/kernel/sysfs_test.o
test-y += tests/kernel/debugfs_test.o
test-y += tests/kernel/module_sysfs_test.o
test-y += tests/kernel/compat_sysfs_test.o
test-y += tests/kernel/tsc_stall.o
test-y += tests/kernel/pipe_test.o
test-y += tests/kernel/shell_files_test.o
