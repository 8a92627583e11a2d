/*
 * Chapter 12, exercise 2: a timer that re-arms itself from its own
 * callback 5 times, 100 ms apart, and a completion that init waits on
 * until the fifth has run.  The callback runs in the tick interrupt, so
 * it may not sleep; complete() is allowed there, wait_for_completion()
 * is not.
 */
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/timer.h>

#define TICKER_RUNS 5

static struct timer_list ticker;
static DECLARE_COMPLETION(ticker_done);
static int runs;

static void ticker_fn(struct timer_list *t)
{
	runs++;
	pr_info("ticker: run %d of %d at jiffy %lu\n", runs, TICKER_RUNS,
		jiffies);
	if (runs < TICKER_RUNS)
		mod_timer(t, jiffies + msecs_to_jiffies(100));
	else
		complete(&ticker_done);
}

static int __init ticker_init(void)
{
	unsigned long start = jiffies;

	timer_setup(&ticker, ticker_fn, 0);
	mod_timer(&ticker, jiffies + msecs_to_jiffies(100));
	wait_for_completion(&ticker_done);
	pr_info("ticker: done after %u ms\n",
		jiffies_to_msecs(jiffies - start));
	return 0;
}

static void __exit ticker_exit(void)
{
	/* Not pending any more, but the rule is: who armed it deletes it. */
	del_timer_sync(&ticker);
}

module_init(ticker_init);
module_exit(ticker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a timer re-arming itself, and a completion");
