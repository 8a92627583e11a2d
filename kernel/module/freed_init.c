/*
 * A fault in a module's init memory after it was freed is a use of an
 * __init function or __initdata too late.  The loader notes each freed
 * range here, and the page-fault oops asks this file, through a fault
 * explainer, whether the faulting address was one of them.
 */
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

#define FREED_INIT_MAX 32 /* recent freed init regions remembered */

struct freed_init {
	uintptr_t start, end;
	char name[MODULE_NAME_LEN];
};

static struct freed_init freed_init[FREED_INIT_MAX];
static size_t freed_init_next;

/* module_note_freed_init - remember [start, start + size) of @name. */
void module_note_freed_init(const char *name, const void *start, size_t size)
{
	struct freed_init *f = &freed_init[freed_init_next++ % FREED_INIT_MAX];

	f->start = (uintptr_t)start;
	f->end = (uintptr_t)start + size;
	strlcpy(f->name, name, sizeof(f->name));
}

void module_forget_freed_init(const void *start, size_t size)
{
	for (size_t i = 0; i < FREED_INIT_MAX; i++)
		if (freed_init[i].start < (uintptr_t)start + size &&
		    (uintptr_t)start < freed_init[i].end)
			freed_init[i].start = freed_init[i].end = 0;
}

/* The module whose freed init memory holds @addr, or NULL. */
static const char *module_freed_init(uintptr_t addr)
{
	for (size_t i = 0; i < FREED_INIT_MAX; i++)
		if (addr >= freed_init[i].start && addr < freed_init[i].end)
			return freed_init[i].name;
	return NULL;
}

static const char *module_explain_fault(uintptr_t addr, uint64_t error)
{
	if (error & PF_PRESENT || !module_freed_init(addr))
		return NULL;
	return "access to a module's freed init memory (an __init function or __initdata used after init_module)";
}

static struct fault_explainer module_fault_explainer = {
	.explain = module_explain_fault,
};

/* Oopses explain faults in freed module init memory: before any loads. */
static int __init module_freed_init_init(void)
{
	fault_explainer_register(&module_fault_explainer);
	return 0;
}
core_initcall(module_freed_init_init);
