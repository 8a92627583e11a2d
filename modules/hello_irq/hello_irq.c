/*
 * A module whose exit forgets to free the interrupt handler its init
 * requested: the unload rule's IRQ case.  While the handler is requested,
 * the next interrupt on the line would call into the module, so rmmod must
 * refuse to free it.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static unsigned int irq = 5;
module_param(irq, uint, 0444);
MODULE_PARM_DESC(irq, "the line to share (5: no device on QEMU's PC)");

/* The handler's dev_id, exported so that a test can make the missing
 * free_irq() call itself. */
int hello_irq_dev;
EXPORT_SYMBOL(hello_irq_dev);

static irqreturn_t hello_irq_handler(int line, void *dev_id)
{
	return IRQ_NONE;
}

static int __init hello_irq_init(void)
{
	int err = request_irq(irq, hello_irq_handler, IRQF_SHARED, "hello_irq",
			      &hello_irq_dev);

	if (err)
		return err;
	pr_info("hello_irq: handler on IRQ %u\n", irq);
	return 0;
}

/* The bug: no free_irq() for the handler init requested. */
static void __exit hello_irq_exit(void)
{
	pr_info("hello_irq: exit, IRQ %u left requested\n", irq);
}

module_init(hello_irq_init);
module_exit(hello_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets its IRQ handler: the unload rule's test");
