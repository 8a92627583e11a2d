/*
 * example_threaded_irq.c - a bottom half in a thread of its own with
 * request_threaded_irq(): the quick half, in the interrupt, reads the
 * keyboard's scan code, keeps it and returns IRQ_WAKE_THREAD; the thread
 * function runs in the thread irq/1-<name>, may sleep, and prints every
 * code kept since its last run (interrupts that come while it runs wake
 * it once more, not once each).  The line is shared with
 * the i8042 driver, which does not ask for IRQF_ONESHOT, so this handler
 * cannot either (sharers must agree): its quick half has taken the byte,
 * so the line may fire again while the thread sleeps.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define KBD_IRQ 1
#define KBD_DATA_PORT 0x60
#define THREAD_NAP_MS 10
#define RING_SIZE 8

/* Codes from the quick half to the thread, oldest first. */
static struct {
	spinlock_t lock;
	unsigned char codes[RING_SIZE];
	unsigned int head, tail;
} ring;

static unsigned int quick_runs;
static int threaded_cookie;

static irqreturn_t quick_half(int irq, void *dev_id)
{
	unsigned char code = inb(KBD_DATA_PORT);

	spin_lock(&ring.lock);
	if (ring.head - ring.tail < RING_SIZE)
		ring.codes[ring.head++ % RING_SIZE] = code;
	quick_runs++;
	spin_unlock(&ring.lock);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t slow_half(int irq, void *dev_id)
{
	unsigned long flags;
	unsigned char code;

	msleep(THREAD_NAP_MS); /* allowed here: this is a thread */
	spin_lock_irqsave(&ring.lock, flags);
	while (ring.tail != ring.head) {
		code = ring.codes[ring.tail++ % RING_SIZE];
		spin_unlock_irqrestore(&ring.lock, flags);
		pr_info("example_threaded_irq: %s after a %d ms nap: scancode %#04x\n",
			current->comm, THREAD_NAP_MS, code);
		spin_lock_irqsave(&ring.lock, flags);
	}
	spin_unlock_irqrestore(&ring.lock, flags);
	return IRQ_HANDLED;
}

static int __init example_threaded_irq_init(void)
{
	int err;

	spin_lock_init(&ring.lock);
	ring.head = ring.tail = 0;
	quick_runs = 0;
	err = request_threaded_irq(KBD_IRQ, quick_half, slow_half, IRQF_SHARED,
				   "example_threaded", &threaded_cookie);
	if (err) {
		pr_err("example_threaded_irq: cannot share IRQ %d: %d\n",
		       KBD_IRQ, err);
		return err;
	}
	pr_info("example_threaded_irq: threaded handler on IRQ %d\n", KBD_IRQ);
	return 0;
}

static void __exit example_threaded_irq_exit(void)
{
	free_irq(KBD_IRQ, &threaded_cookie); /* waits for the thread */
	pr_info("example_threaded_irq: IRQ %d freed after %u quick halves\n",
		KBD_IRQ, quick_runs);
}

module_init(example_threaded_irq_init);
module_exit(example_threaded_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a threaded interrupt handler on the shared keyboard IRQ");
