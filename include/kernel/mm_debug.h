/*
 * What the heap's checkers in the debug kernel need from the layers above
 * mm and give back to them: the running task, for KASAN's reports and
 * records (CONFIG_KASAN), the slab debug tracks (CONFIG_SLUB_DEBUG) and the
 * leak records (CONFIG_DEBUG_KMEMLEAK_MODULES);
 * the module whose code an address is in, for the leak records; and the
 * leak report and totals a module's unload asks for.  Without those
 * checkers every call here is nothing.
 */
#ifndef KERNEL_MM_DEBUG_H
#define KERNEL_MM_DEBUG_H

#include <kernel/types.h>

#define MM_DEBUG_COMM_LEN 16 /* TASK_COMM_LEN */

/*
 * The running task, as the scheduler (above mm) describes it: its pid and
 * name (at most MM_DEBUG_COMM_LEN bytes with the NUL).
 */
struct mm_debug_task_ops {
	int (*pid)(void);
	void (*comm)(char *buf, size_t size);
};

/*
 * The module whose code holds an address (core text, or init text until
 * it is freed), as the loader (above mm) finds it: an opaque token for
 * the module and its name, or NULL for none.  Called with interrupts off,
 * from any context.
 */
struct modleak_owner_ops {
	const void *(*owner)(uintptr_t addr, const char **name);
};

/* Per-module totals of the leaks reported at unload. */
struct modleak_totals {
	char name[56]; /* MODULE_NAME_LEN */
	unsigned long reports, objects, bytes;
};

#if defined(CONFIG_KASAN) || defined(CONFIG_SLUB_DEBUG) || \
	defined(CONFIG_DEBUG_KMEMLEAK_MODULES)
/* mm_debug_task_register - tell mm how to name the running task.  Once. */
void mm_debug_task_register(const struct mm_debug_task_ops *ops);
#else
static inline void mm_debug_task_register(const struct mm_debug_task_ops *ops)
{
	(void)ops;
}
#endif

#ifdef CONFIG_DEBUG_KMEMLEAK_MODULES
/* modleak_owner_register - tell mm how to find an address's module. */
void modleak_owner_register(const struct modleak_owner_ops *ops);

/*
 * modleak_module_gone - the module @owner (@name) is being freed, its code
 * and symbols still in place (the loader calls it after cleanup_module,
 * or after a failed init_module): list what it allocated and never freed,
 * kmemleak-style, and count it in the totals.  The objects stay
 * allocated.  Does not sleep.
 */
void modleak_module_gone(const void *owner, const char *name);

/*
 * modleak_totals_get - copy the totals into @out: all modules' in
 * @out[0] (name ""), then one per module that leaked, at most @max in all.
 * Returns how many were written.
 */
size_t modleak_totals_get(struct modleak_totals *out, size_t max);
#else
static inline void modleak_module_gone(const void *owner, const char *name)
{
	(void)owner;
	(void)name;
}
#endif

#endif
