/*
 * The call chain for oopses and panics: the frame-pointer chain the kernel
 * is built for (-fno-omit-frame-pointer), each return address named
 * through kallsyms.
 */
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define BACKTRACE_MAX 32

/* Only frames inside the stack being unwound are followed. */
static bool frame_ok(uintptr_t rbp, uintptr_t lo, uintptr_t hi)
{
	return rbp % 8 == 0 && rbp >= lo && rbp + 16 <= hi;
}

static bool (*thread_stack)(uintptr_t *lo, uintptr_t *hi);

void backtrace_stack_register(bool (*stack)(uintptr_t *lo, uintptr_t *hi))
{
	thread_stack = stack;
}

bool backtrace_stack_bounds(uintptr_t rbp, uintptr_t *lo, uintptr_t *hi)
{
	/* The boot stack and the double-fault stack are in .bss. */
	extern char __bss_start[], __bss_end[];

	*lo = (uintptr_t)__bss_start;
	*hi = (uintptr_t)__bss_end;
	if (frame_ok(rbp, *lo, *hi))
		return true;
	return thread_stack && thread_stack(lo, hi) && frame_ok(rbp, *lo, *hi);
}

void dump_backtrace(uintptr_t rip, uintptr_t rbp)
{
	uintptr_t lo, hi;

	backtrace_stack_bounds(rbp, &lo, &hi);
	dump_backtrace_on(rip, rbp, lo, hi);
}

/*
 * interrupt_common (kernel/cpu/entry.asm) gives the interrupted code a
 * frame of its own whose "return address" is the interrupted RIP: the
 * instruction that was about to run, not one after a call.  @ret is
 * interrupt_common's return address when the next frame is that one.
 */
static bool interrupted_next(uintptr_t ret)
{
	size_t size, offset;
	const char *name = kallsyms_lookup(ret - 1, &size, &offset);

	return name && !strcmp(name, "interrupt_common");
}

void dump_backtrace_on(uintptr_t rip, uintptr_t rbp, uintptr_t lo, uintptr_t hi)
{
	char sym[KSYM_SYMBOL_LEN];
	bool interrupted = false;

	printk(KERN_EMERG "Call Trace:\n");
	if (rip) {
		sprint_symbol(sym, sizeof(sym), rip);
		printk(KERN_EMERG " [<%016lx>] %s\n", rip, sym);
	}
	for (int depth = 0; depth < BACKTRACE_MAX && frame_ok(rbp, lo, hi);
	     depth++) {
		const uintptr_t *frame = (const uintptr_t *)rbp;
		uintptr_t ret = frame[1];

		if (!ret)
			break;
		/*
		 * A return address is after the call: name the call itself.
		 * An interrupted RIP is the instruction itself.
		 */
		sprint_symbol(sym, sizeof(sym), interrupted ? ret : ret - 1);
		printk(KERN_EMERG " [<%016lx>] %s\n", ret, sym);
		interrupted = interrupted_next(ret);
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
}
