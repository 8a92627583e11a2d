/*
 * The globals each instrumented file registered, kept so that a report
 * can name the variable an address belongs to, as Linux's does: kallsyms
 * knows only functions, GCC's description of each global has its name.
 * A module's are forgotten when its memory is freed.
 */
#include "internal.h"

#define GLOBAL_ARRAYS_MAX 1024 /* one per file: the kernel has some 400 */

static struct {
	const struct kasan_global *globals;
	size_t n;
} arrays[GLOBAL_ARRAYS_MAX];
static size_t used;

void kasan_globals_add(const struct kasan_global *globals, size_t n)
{
	if (used < GLOBAL_ARRAYS_MAX)
		arrays[used++] = (typeof(arrays[0])){ globals, n };
}

void kasan_globals_forget(const void *start, size_t size)
{
	uintptr_t lo = (uintptr_t)start, hi = lo + size;

	for (size_t i = 0; i < used;) {
		uintptr_t a = (uintptr_t)arrays[i].globals;

		if (a >= lo && a < hi)
			arrays[i] = arrays[--used];
		else
			i++;
	}
}

const struct kasan_global *kasan_global_find(uintptr_t addr)
{
	for (size_t i = 0; i < used; i++)
		for (size_t j = 0; j < arrays[i].n; j++) {
			const struct kasan_global *g = &arrays[i].globals[j];
			uintptr_t beg = (uintptr_t)g->beg;

			if (addr >= beg && addr < beg + g->size_with_redzone)
				return g;
		}
	return NULL;
}
