/*
 * ksoftirqd/0, Linux's thread that runs softirqs outside interrupt exits:
 * those a thread raised, and those that kept coming back after
 * __do_softirq()'s restart limit.  As an ordinary thread it gets the CPU
 * only in its fair turn, so a stream of softirqs cannot starve the rest.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/softirq.h>
#include <kernel/x86.h>

static struct task_struct *ksoftirqd;

/* Called by the cpu layer with interrupts off. */
static void ksoftirqd_wakeup(void)
{
	wake_up_process(ksoftirqd);
}

static int ksoftirqd_fn(void *unused)
{
	for (;;) {
		/* Set before the test: a raise in between wakes us again. */
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending()) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		cli();
		if (local_softirq_pending())
			__do_softirq();
		sti();
		cond_resched();
	}
	return 0;
}

/* As Linux's spawn_ksoftirqd(), before any driver could raise one. */
static int __init ksoftirqd_spawn(void)
{
	ksoftirqd = kthread_create_task(ksoftirqd_fn, NULL, "ksoftirqd/%u", 0);
	if (!ksoftirqd) {
		pr_err("softirq: cannot create ksoftirqd/0: softirqs raised by threads wait for an interrupt\n");
		return -ENOMEM;
	}
	softirq_ksoftirqd_register(ksoftirqd_wakeup);
	wake_up_process(ksoftirqd);
	return 0;
}
core_initcall(ksoftirqd_spawn);
