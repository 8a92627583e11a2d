/*
 * A module whose exit flushes the workqueue its init allocated but
 * forgets to destroy it: the queue would outlive the module that owns
 * it, so rmmod must refuse until someone destroys it.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

static struct workqueue_struct *hello_wq;

static void hello_wq_fn(struct work_struct *work)
{
	pr_info("hello_wq: work ran\n");
}

static DECLARE_WORK(hello_wq_work, hello_wq_fn);

static int __init hello_wq_init(void)
{
	hello_wq = alloc_workqueue("hello_wq", 0, 0);
	if (!hello_wq)
		return -ENOMEM;
	queue_work(hello_wq, &hello_wq_work);
	return 0;
}

/* The bug: flushed, but no destroy_workqueue(). */
static void __exit hello_wq_exit(void)
{
	flush_workqueue(hello_wq);
	pr_info("hello_wq: exit, workqueue left allocated\n");
}

module_init(hello_wq_init);
module_exit(hello_wq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets destroy_workqueue(): the unload rule's test");
