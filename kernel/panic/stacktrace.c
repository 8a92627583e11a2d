/*
 * The running code's call chain as an array of return addresses, for
 * checkers that keep where an object was allocated or freed (the slab
 * debug tracks, the per-module leak records) and print it later.  The
 * same frame-pointer chain dump_backtrace() follows, within one stack.
 */
#include <kernel/panic.h>

unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	uintptr_t rbp = (uintptr_t)__builtin_frame_address(0);
	unsigned int n = 0;
	uintptr_t lo, hi;

	if (!backtrace_stack_bounds(rbp, &lo, &hi))
		return 0;
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
