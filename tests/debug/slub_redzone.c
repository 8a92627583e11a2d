/*
 * One byte written past a kmalloc object, on purpose: 64 bytes fill the
 * kmalloc-64 object exactly, so the byte lands in the red zone after it.
 * The debug kernel's slab debugging finds the red zone written over when
 * the object is freed, reports "Right Redzone overwritten", restores it
 * and goes on.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

/* A parameter, so that the compiler cannot see the store is out of bounds. */
static int len = 64;
module_param(len, int, 0444);

static int __init slub_redzone_init(void)
{
	char *buf = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf[len] = 'x';
	kfree(buf);
	pr_info("slub_redzone: wrote one byte past a %d-byte object\n", len);
	return 0;
}

static void __exit slub_redzone_exit(void)
{
}

module_init(slub_redzone_init);
module_exit(slub_redzone_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes past a kmalloc object, for CONFIG_SLUB_DEBUG");
