/*
 * Exercise 5.1: where does kernel memory come from?  Allocate a few
 * buffers, small ones from the heap's slabs and large ones made of whole
 * frames, and print the physical address behind each.  None may lie in
 * memory the frame allocator reserved at boot.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <kernel/mm.h> /* virt_to_phys: Sprout's, Linux has it in <asm/io.h> */

#define BUFFERS 6

static void *buffers[BUFFERS];

/* Alternately a 64-byte object and a 3-page run of frames. */
static size_t buffer_size(int i)
{
	return i % 2 ? 3 * PAGE_SIZE : 64;
}

static void wherephys_free(void)
{
	for (int i = 0; i < BUFFERS; i++) {
		kfree(buffers[i]);
		buffers[i] = NULL;
	}
}

static int __init wherephys_init(void)
{
	for (int i = 0; i < BUFFERS; i++) {
		size_t size = buffer_size(i);

		buffers[i] = kmalloc(size, GFP_KERNEL);
		if (!buffers[i]) {
			wherephys_free();
			return -ENOMEM;
		}
		pr_info("wherephys: %zu bytes at %px, physical %#llx\n", size,
			buffers[i],
			(unsigned long long)virt_to_phys(buffers[i]));
	}
	return 0;
}

static void __exit wherephys_exit(void)
{
	wherephys_free();
}

module_init(wherephys_init);
module_exit(wherephys_exit);
MODULE_LICENSE("GPL");
