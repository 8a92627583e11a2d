/*
 * example_timer.c - a timer_list inside the module's own structure: the
 * callback finds it with from_timer(), counts, re-arms itself a few times
 * and wakes a waiter; wait_event_timeout() and
 * wait_for_completion_timeout() give 0 when the time runs out.
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/version.h>
#include <linux/wait.h>

#define TICKS_WANTED 3

struct ticker {
	struct timer_list timer;
	int count;
	wait_queue_head_t wq;
};

static struct ticker ticker;
static DECLARE_COMPLETION(never_done);

static void ticker_fn(struct timer_list *t)
{
	struct ticker *tk = from_timer(tk, t, timer);

	if (++tk->count < TICKS_WANTED)
		mod_timer(&tk->timer, jiffies + 1);
	else
		wake_up(&tk->wq);
}

static int __init example_timer_init(void)
{
	long left;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0)
	pr_info("example_timer: built for Linux 6.1 or later\n");
#endif
	init_waitqueue_head(&ticker.wq);
	timer_setup(&ticker.timer, ticker_fn, 0);
	mod_timer(&ticker.timer, jiffies + 1);
	left = wait_event_timeout(ticker.wq, ticker.count == TICKS_WANTED, HZ);
	pr_info("example_timer: %d runs, %s time left, pending %d\n",
		ticker.count, left > 0 ? "some" : "no",
		timer_pending(&ticker.timer));
	pr_info("example_timer: wait_event_timeout for nothing gives %ld\n",
		wait_event_timeout(ticker.wq, false, 2));
	pr_info("example_timer: wait_for_completion_timeout gives %lu\n",
		wait_for_completion_timeout(&never_done, 2));
	/* Left armed: the exit function must stop it. */
	mod_timer(&ticker.timer, jiffies + 60 * HZ);
	return 0;
}

static void __exit example_timer_exit(void)
{
	pr_info("example_timer: del_timer_sync gives %d\n",
		del_timer_sync(&ticker.timer));
}

module_init(example_timer_init);
module_exit(example_timer_exit);

MODULE_LICENSE("GPL");
