/*
 * CONFIG_SOFTLOCKUP_DETECTOR: the timer tick notices a thread that keeps
 * the CPU with preemption disabled -- a spinlock held in a loop, a busy
 * wait under preempt_disable() -- for more than twice watchdog_thresh
 * seconds, and prints Linux's "watchdog: BUG: soft lockup" report with
 * its stack, once per lockup (kernel/watchdog.c in Linux).
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "internal.h"

/* Linux's default: a lockup is reported after 2 * 10 s; 0 turns it off. */
static unsigned int watchdog_thresh = 10;

static int __init watchdog_thresh_setup(const char *val)
{
	if (!val || kstrtouint(val, 10, &watchdog_thresh))
		return -EINVAL;
	return 0;
}
__setup("watchdog_thresh", watchdog_thresh_setup);

/*
 * The ticks in a row that found the same task with preemption off, and
 * the jiffy of the last one.  Ticks are counted, not clock time: when the
 * emulator stalls, jiffies (read from the TSC) jump, and a thread that
 * happened to be inside a short preempt_disable() section then would
 * look stuck for the whole stall.
 */
static struct task_struct *stuck_task;
static unsigned long stuck_ticks;
static uint64_t last_jiffy;
static bool reported;

/* excerpt: softlockup-tick */
void softlockup_tick(void)
{
	uint64_t now = jiffies_get();
	/* The tick's own interrupt is not the interrupted code's doing. */
	bool atomic = preempt_count() & (PREEMPT_MASK | SOFTIRQ_MASK);

	/* More than one interrupt a jiffy: timers between the ticks. */
	if (now == last_jiffy)
		return;
	last_jiffy = now;
	/*
	 * swapper/0 halts inside schedule(), preemption off, whenever
	 * nothing runs: the idle loop is not a lockup.
	 */
	if (!atomic || current != stuck_task || current == &init_task) {
		stuck_task = current;
		stuck_ticks = 0;
		reported = false;
		return;
	}
	if (++stuck_ticks <= 2ul * watchdog_thresh * HZ || reported ||
	    !watchdog_thresh)
		return;
	reported = true;
	pr_emerg("watchdog: BUG: soft lockup - CPU#0 stuck for %lus! [%s:%d]\n",
		 stuck_ticks / HZ, current->comm, current->pid);
	dump_stack_print_info(KERN_EMERG);
	dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
}
/* excerpt-end: softlockup-tick */
