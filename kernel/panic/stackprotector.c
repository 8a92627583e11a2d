/*
 * The stack protector (-fstack-protector-strong): functions with arrays or
 * addresses of locals keep a copy of __stack_chk_guard above them on the
 * stack and call __stack_chk_fail() if it changed before they return -- a
 * buffer overrun ran over it.  The guard is one global
 * (-mstack-protector-guard=global: no per-CPU area here), exported so that
 * modules built with the same flags check theirs too.
 */
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

/* A NUL low byte stops string copies from reading or forging the guard. */
#define STACK_GUARD_NUL_MASK (~0xfful)
#define STACK_GUARD_MIX 0x9e3779b97f4a7c15ul /* 2^64 / golden ratio */

uintptr_t __stack_chk_guard = 0x5350524f5554ul & STACK_GUARD_NUL_MASK;
EXPORT_SYMBOL(__stack_chk_guard);

/*
 * Called instead of returning from a function whose guard copy was
 * overwritten: its stack frame cannot be trusted, so stop here, naming it
 * (the call is the function's last act, so the return address is in it).
 */
__no_stack_protector __noreturn void __stack_chk_fail(void)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym),
		      (uintptr_t)__builtin_return_address(0) - 1);
	printk(KERN_EMERG
	       "Oops: stack-protector: the stack of %s was overrun\n",
	       sym);
	panic("stack-protector: Kernel stack is corrupted in: %s", sym);
}
EXPORT_SYMBOL(__stack_chk_fail);

void __init __no_stack_protector stack_protector_init(void)
{
	uint64_t t = rdtsc();

	/* The boot time in cycles differs from boot to boot: mix it in. */
	__stack_chk_guard = (uintptr_t)((t ^ (t << 29)) * STACK_GUARD_MIX) &
			    STACK_GUARD_NUL_MASK;
}
