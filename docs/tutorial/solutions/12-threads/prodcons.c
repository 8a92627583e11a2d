/*
 * Chapter 12, exercise 3: a producer thread puts 20 numbers into a ring of
 * 4 slots and a consumer takes them out, each sleeping on a wait queue
 * while the ring is full or empty.  The consumer adds them up and returns
 * the sum, which init collects with kthread_stop().
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#define RING_SLOTS 4
#define ITEMS 20

static int ring[RING_SLOTS];
static unsigned int head, tail; /* head - tail items are in the ring */
static DEFINE_SPINLOCK(ring_lock);
static DECLARE_WAIT_QUEUE_HEAD(not_full);
static DECLARE_WAIT_QUEUE_HEAD(not_empty);
static int full_waits;

static bool ring_full(void)
{
	return head - tail == RING_SLOTS;
}

static bool ring_empty(void)
{
	return head == tail;
}

static int producer_fn(void *data)
{
	int i;

	for (i = 1; i <= ITEMS; i++) {
		if (ring_full())
			full_waits++;
		wait_event(not_full, !ring_full());
		spin_lock(&ring_lock);
		ring[head++ % RING_SLOTS] = i;
		spin_unlock(&ring_lock);
		wake_up(&not_empty);
	}
	return 0;
}

static int consumer_fn(void *data)
{
	int i, sum = 0;

	for (i = 0; i < ITEMS; i++) {
		wait_event(not_empty, !ring_empty());
		spin_lock(&ring_lock);
		sum += ring[tail++ % RING_SLOTS];
		spin_unlock(&ring_lock);
		wake_up(&not_full);
	}
	return sum;
}

/* A thread that may end before kthread_stop() is pinned until then. */
static struct task_struct *prodcons_start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, "%s", name);

	if (!IS_ERR(t))
		get_task_struct(t);
	return t;
}

static int prodcons_stop(struct task_struct *t)
{
	int ret = kthread_stop(t);

	put_task_struct(t);
	return ret;
}

static int __init prodcons_init(void)
{
	struct task_struct *prod, *cons;
	int sum;

	cons = prodcons_start(consumer_fn, "consumer");
	if (IS_ERR(cons))
		return PTR_ERR(cons);
	prod = prodcons_start(producer_fn, "producer");
	if (IS_ERR(prod)) {
		prodcons_stop(cons);
		return PTR_ERR(prod);
	}
	wake_up_process(cons);
	wake_up_process(prod);
	/* Both end by themselves: these wait for that and reap them. */
	sum = prodcons_stop(cons);
	prodcons_stop(prod);
	pr_info("prodcons: consumer summed %d (want %d), producer found the ring full %d times\n",
		sum, ITEMS * (ITEMS + 1) / 2, full_waits);
	return 0;
}

static void __exit prodcons_exit(void)
{
}

module_init(prodcons_init);
module_exit(prodcons_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("producer and consumer on two wait queues");
