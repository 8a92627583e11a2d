/*
 * example_workqueue.c - a module with a workqueue of its own: three jobs
 * queued on it run one after the other in a kworker, where they may
 * sleep; a delayed work re-queues itself until it has ticked three
 * times; the exit cancels, flushes and destroys what init set up.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#define NR_JOBS 3
#define TICKS_WANTED 3

struct job {
	struct work_struct work;
	int id;
};

static struct workqueue_struct *queue;
static struct job jobs[NR_JOBS];
static struct delayed_work ticker;
static int ticks;
static DECLARE_COMPLETION(ticked_enough);

static void job_fn(struct work_struct *work)
{
	struct job *job = container_of(work, struct job, work);

	msleep(5); /* a work item may sleep: it runs in a thread */
	pr_info("example_workqueue: job %d done by a kworker: %s\n", job->id,
		strncmp(current->comm, "kworker/", 8) ? "no" : "yes");
}

static void ticker_fn(struct work_struct *work)
{
	struct delayed_work *dwork = to_delayed_work(work);

	pr_info("example_workqueue: tick %d\n", ++ticks);
	if (ticks < TICKS_WANTED)
		queue_delayed_work(queue, dwork, msecs_to_jiffies(10));
	else
		complete(&ticked_enough);
}

static int __init example_workqueue_init(void)
{
	int i;

	queue = create_singlethread_workqueue("example_wq");
	if (!queue)
		return -ENOMEM;
	for (i = 0; i < NR_JOBS; i++) {
		jobs[i].id = i + 1;
		INIT_WORK(&jobs[i].work, job_fn);
		queue_work(queue, &jobs[i].work);
	}
	flush_workqueue(queue);
	pr_info("example_workqueue: %d jobs flushed\n", NR_JOBS);

	ticks = 0;
	reinit_completion(&ticked_enough);
	INIT_DELAYED_WORK(&ticker, ticker_fn);
	queue_delayed_work(queue, &ticker, msecs_to_jiffies(10));
	wait_for_completion(&ticked_enough);
	pr_info("example_workqueue: ticked %d times\n", ticks);
	/* Armed again, for the exit to cancel. */
	queue_delayed_work(queue, &ticker, 60 * HZ);
	return 0;
}

static void __exit example_workqueue_exit(void)
{
	pr_info("example_workqueue: cancel_delayed_work_sync gives %d\n",
		cancel_delayed_work_sync(&ticker));
	destroy_workqueue(queue);
	pr_info("example_workqueue: queue destroyed\n");
}

module_init(example_workqueue_init);
module_exit(example_workqueue_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a module's own workqueue, a job list and a delayed work");
