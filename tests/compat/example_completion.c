/*
 * example_completion.c - two kernel threads passing a baton back and
 * forth through completions; the module's init waits, with a timeout,
 * until the relay has run its laps.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

#define LAPS 3

static DECLARE_COMPLETION(baton_to_ping);
static DECLARE_COMPLETION(baton_to_pong);
static DECLARE_COMPLETION(relay_done);
static struct task_struct *ping_thread, *pong_thread;

/* Wait, once the work is done, until module exit stops the thread. */
static int idle_until_stopped(void)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static int ping_fn(void *unused)
{
	int lap;

	for (lap = 1; lap <= LAPS; lap++) {
		wait_for_completion(&baton_to_ping);
		pr_info("ping: lap %d\n", lap);
		complete(&baton_to_pong);
	}
	return idle_until_stopped();
}

static int pong_fn(void *unused)
{
	int lap;

	for (lap = 1; lap <= LAPS; lap++) {
		wait_for_completion(&baton_to_pong);
		pr_info("pong: lap %d\n", lap);
		if (lap < LAPS)
			complete(&baton_to_ping);
	}
	complete(&relay_done);
	return idle_until_stopped();
}

static int __init example_completion_init(void)
{
	reinit_completion(&baton_to_ping);
	reinit_completion(&baton_to_pong);
	reinit_completion(&relay_done);
	ping_thread = kthread_run(ping_fn, NULL, "relay_ping");
	if (IS_ERR(ping_thread))
		return PTR_ERR(ping_thread);
	pong_thread = kthread_run(pong_fn, NULL, "relay_pong");
	if (IS_ERR(pong_thread)) {
		kthread_stop(ping_thread);
		return PTR_ERR(pong_thread);
	}
	pr_info("example_completion: handing the baton to ping\n");
	complete(&baton_to_ping);
	if (!wait_for_completion_timeout(&relay_done, HZ)) {
		pr_err("example_completion: the relay did not finish in 1 s\n");
		kthread_stop(pong_thread);
		kthread_stop(ping_thread);
		return -ETIMEDOUT;
	}
	pr_info("example_completion: relay finished, %d laps\n", LAPS);
	return 0;
}

static void __exit example_completion_exit(void)
{
	kthread_stop(pong_thread);
	kthread_stop(ping_thread);
	pr_info("example_completion: threads stopped\n");
}

module_init(example_completion_init);
module_exit(example_completion_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kthread pair taking turns through completions");
