/*
 * What instrumented code calls: GCC's -fsanitize=kernel-address in outline
 * mode puts a call to __asan_loadN_noabort / __asan_storeN_noabort before
 * every access, and each file's constructor registers its globals with
 * the redzone GCC put after each.  Exported: modules are instrumented too.
 */
#include <kernel/export.h>
#include "internal.h"

/* excerpt: kasan-check */
static void check(uintptr_t addr, size_t size, bool write, uintptr_t ip)
{
	if (!kasan_enabled || kasan_depth || kasan_in_report || !size)
		return;
	if (kasan_first_bad(addr, size))
		kasan_report(addr, size, write, ip);
}

#define RET_IP ((uintptr_t)__builtin_return_address(0))

/* clang-format off: one line per size reads as the table it is. */
#define DEFINE_ASAN_ACCESS(size)                           \
	void __asan_load##size##_noabort(uintptr_t addr);  \
	void __asan_load##size##_noabort(uintptr_t addr)   \
	{                                                  \
		check(addr, size, false, RET_IP);          \
	}                                                  \
	EXPORT_SYMBOL(__asan_load##size##_noabort);        \
	void __asan_store##size##_noabort(uintptr_t addr); \
	void __asan_store##size##_noabort(uintptr_t addr)  \
	{                                                  \
		check(addr, size, true, RET_IP);           \
	}                                                  \
	EXPORT_SYMBOL(__asan_store##size##_noabort)

DEFINE_ASAN_ACCESS(1);
DEFINE_ASAN_ACCESS(2);
DEFINE_ASAN_ACCESS(4);
DEFINE_ASAN_ACCESS(8);
DEFINE_ASAN_ACCESS(16);
/* excerpt-end: kasan-check */
/* clang-format on */

/* An access of a size the compiler has no fixed-size call for. */
void __asan_loadN_noabort(uintptr_t addr, size_t size);
void __asan_loadN_noabort(uintptr_t addr, size_t size)
{
	check(addr, size, false, RET_IP);
}
EXPORT_SYMBOL(__asan_loadN_noabort);

void __asan_storeN_noabort(uintptr_t addr, size_t size);
void __asan_storeN_noabort(uintptr_t addr, size_t size)
{
	check(addr, size, true, RET_IP);
}
EXPORT_SYMBOL(__asan_storeN_noabort);

/* Each global stays accessible; its redzone up to the next is poisoned. */
void __asan_register_globals(struct kasan_global *globals, size_t n);
void __asan_register_globals(struct kasan_global *globals, size_t n)
{
	if (!kasan_enabled)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct kasan_global *g = &globals[i];
		size_t start = ALIGN_UP(g->size, KASAN_GRANULE_SIZE);

		if (!kasan_shadow_covers((uintptr_t)g->beg))
			continue;
		kasan_unpoison(g->beg, g->size);
		kasan_poison((const char *)g->beg + start,
			     g->size_with_redzone - start,
			     KASAN_GLOBAL_REDZONE);
	}
	kasan_globals_add(globals, n);
}
EXPORT_SYMBOL(__asan_register_globals);

/*
 * A module's destructor, if run, makes its globals' redzones plain memory
 * again; the loader clears the shadow of the module's memory in any case
 * when it frees it (kasan_module_free()).
 */
void __asan_unregister_globals(struct kasan_global *globals, size_t n);
void __asan_unregister_globals(struct kasan_global *globals, size_t n)
{
	if (!kasan_enabled)
		return;
	kasan_globals_forget(globals, sizeof(*globals) * n);
	for (size_t i = 0; i < n; i++)
		if (kasan_shadow_covers((uintptr_t)globals[i].beg))
			kasan_unpoison(globals[i].beg,
				       globals[i].size_with_redzone);
}
EXPORT_SYMBOL(__asan_unregister_globals);

/* GCC's red zones around a variable-length array (its asan ABI). */
#define ALLOCA_REDZONE 32

/*
 * A variable-length array of @size bytes at @addr (aligned to
 * ALLOCA_REDZONE by the compiler) comes into being: red zones before and
 * after it.  __asan_allocas_unpoison - the arrays in [@top, @bottom) of
 * the stack are gone.  With kasan=off neither writes anything.
 */
void __asan_alloca_poison(uintptr_t addr, size_t size);
void __asan_alloca_poison(uintptr_t addr, size_t size)
{
	uintptr_t end = addr + size;
	uintptr_t right = ALIGN_UP(end, KASAN_GRANULE_SIZE);

	if (!kasan_enabled)
		return;
	kasan_poison((void *)(addr - ALLOCA_REDZONE), ALLOCA_REDZONE,
		     KASAN_ALLOCA_LEFT);
	kasan_unpoison((void *)addr, size);
	kasan_poison((void *)right,
		     ALIGN_UP(end, ALLOCA_REDZONE) - right + ALLOCA_REDZONE,
		     KASAN_ALLOCA_RIGHT);
}
EXPORT_SYMBOL(__asan_alloca_poison);

void __asan_allocas_unpoison(void *top, void *bottom);
void __asan_allocas_unpoison(void *top, void *bottom)
{
	if (!kasan_enabled || !top || top > bottom)
		return;
	kasan_unpoison(top, (uintptr_t)bottom - (uintptr_t)top);
}
EXPORT_SYMBOL(__asan_allocas_unpoison);

/*
 * Called before a call that never returns (panic(), a thread's end).  The
 * frames above it keep their red zones, which no epilogue will clear; but
 * nothing returns into them, and a thread's stack has its shadow cleared
 * when the stack is freed (kasan_stack_free()), so nothing needs doing.
 */
void __asan_handle_no_return(void);
void __asan_handle_no_return(void)
{
}
EXPORT_SYMBOL(__asan_handle_no_return);
