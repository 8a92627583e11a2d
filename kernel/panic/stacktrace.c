/*
 * A call chain as an array of return addresses, kept to be printed later:
 * where an object was allocated or freed (KASAN's stack depot, the slab
 * debug tracks, the per-module leak records), where lockdep saw a lock
 * taken, a sleeping thread's stack (/proc/<pid>/stack, SysRq-T).  The
 * same frame-pointer chain dump_backtrace() follows, within one stack.
 */
#include <kernel/panic.h>

unsigned int stack_trace_save_chain(uintptr_t rbp, uintptr_t lo, uintptr_t hi,
				    unsigned long *store, unsigned int size,
				    unsigned int skipnr)
{
	unsigned int n = 0;

	while (n < size && rbp % 8 == 0 && rbp >= lo && rbp + 16 <= hi) {
		const uintptr_t *frame = (const uintptr_t *)rbp;

		if (!frame[1])
			break;
		if (skipnr)
			skipnr--;
		else
			store[n++] = frame[1];
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
	return n;
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	uintptr_t rbp = (uintptr_t)__builtin_frame_address(0);
	uintptr_t lo, hi;

	if (!backtrace_stack_bounds(rbp, &lo, &hi))
		return 0;
	return stack_trace_save_chain(rbp, lo, hi, store, size, skipnr);
}
