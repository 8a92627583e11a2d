/*
 * example_kbd_irq.c - a second handler on the keyboard's interrupt line,
 * shared with the i8042 driver as the classic tutorials share it.  The
 * handler only reads the scan code from the controller's data port and
 * queues a work item; the work item, in a kworker thread, prints it.
 * Interrupt handlers should be that short: the printing may wait.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define KBD_IRQ 1
#define KBD_DATA_PORT 0x60
#define SCANCODE_RELEASED 0x80
#define RING_SIZE 16

/* Scan codes from the handler to the work item, oldest first. */
static struct {
	spinlock_t lock;
	unsigned char codes[RING_SIZE];
	unsigned int head, tail;
} ring;

static struct work_struct print_work;
static int kbd_cookie; /* our dev_id on the shared line */

static void print_scancodes(struct work_struct *work)
{
	unsigned long flags;
	unsigned char code;

	spin_lock_irqsave(&ring.lock, flags);
	while (ring.tail != ring.head) {
		code = ring.codes[ring.tail++ % RING_SIZE];
		spin_unlock_irqrestore(&ring.lock, flags);
		pr_info("example_kbd_irq: scancode %#04x, key %s\n", code,
			code & SCANCODE_RELEASED ? "released" : "pressed");
		spin_lock_irqsave(&ring.lock, flags);
	}
	spin_unlock_irqrestore(&ring.lock, flags);
}

/*
 * The i8042 driver, first on the line, has read the byte already; the
 * 8042 keeps it in its data port, so it reads again the same.
 */
static irqreturn_t kbd_irq_handler(int irq, void *dev_id)
{
	unsigned char code = inb(KBD_DATA_PORT);

	WARN_ON_ONCE(!in_irq()); /* a top half runs in hard-interrupt context */
	spin_lock(&ring.lock);
	if (ring.head - ring.tail < RING_SIZE)
		ring.codes[ring.head++ % RING_SIZE] = code;
	spin_unlock(&ring.lock);
	schedule_work(&print_work);
	return IRQ_HANDLED;
}

static int __init example_kbd_irq_init(void)
{
	int err;

	spin_lock_init(&ring.lock);
	ring.head = ring.tail = 0;
	INIT_WORK(&print_work, print_scancodes);
	err = request_irq(KBD_IRQ, kbd_irq_handler, IRQF_SHARED,
			  "example_kbd_irq", &kbd_cookie);
	if (err) {
		pr_err("example_kbd_irq: cannot share IRQ %d: %d\n", KBD_IRQ,
		       err);
		return err;
	}
	pr_info("example_kbd_irq: sharing IRQ %d with the keyboard\n", KBD_IRQ);
	return 0;
}

/* The handler first: once it is gone, nothing queues the work again. */
static void __exit example_kbd_irq_exit(void)
{
	free_irq(KBD_IRQ, &kbd_cookie);
	cancel_work_sync(&print_work);
	pr_info("example_kbd_irq: IRQ %d freed\n", KBD_IRQ);
}

module_init(example_kbd_irq_init);
module_exit(example_kbd_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"shares the keyboard IRQ, prints scan codes from a work item");
