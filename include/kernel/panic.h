/*
 * Stopping the kernel: panic() for errors boot cannot survive, oops for a
 * fault in kernel code, and the QEMU exit codes the test runner reads.
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <kernel/types.h>

/*
 * QEMU's isa-debug-exit device (port 0xf4) ends QEMU with status
 * (value << 1) | 1; tools/run-qemu.sh maps these back to 0, 1 and 2
 * (power-off is 0 as well).  Every status the kernel can give is odd: QEMU's
 * 0 is left to a CPU reset or a stop QEMU was asked for.
 */
/* excerpt: qemu-exit-codes */
#define QEMU_EXIT_PORT 0xf4
#define QEMU_EXIT_SUCCESS 0x10	/* QEMU exits 33: a clean test run */
#define QEMU_EXIT_FAILURE 0x11	/* 35: tests failed */
#define QEMU_EXIT_PANIC 0x12	/* 37: panic or oops */
#define QEMU_EXIT_POWEROFF 0x13 /* 39: poweroff */
/* excerpt-end: qemu-exit-codes */

/* qemu_exit - leave QEMU with @code; returns only if there is no device. */
void qemu_exit(uint8_t code);

/* panic - print the message and a backtrace, stop the machine.  Any context. */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

/*
 * stack_protector_init - give the stack protector's guard a value of this
 * boot (kernel/stackprotector.c).  __init; called first thing in
 * kernel_main(), which runs unprotected: it is on the stack as the guard
 * changes.
 */
void stack_protector_init(void);

/* Set by the oops path so panic() does not print a second backtrace. */
extern bool oops_in_progress;

/* The kernel's taint flags, with Linux's letters (only "P" so far). */
#define TAINT_PROPRIETARY_MODULE (1u << 0) /* P: non-GPL module loaded */
extern unsigned int kernel_taint;

/*
 * kernel_taint_string - "Tainted: P" (Linux's letter for each flag set) or
 * "Not tainted", for lsmod and the oops header.  A static buffer.
 */
const char *kernel_taint_string(void);

/*
 * warn_slowpath - report a WARN_ON(): Linux's "cut here" block with
 * @file:@line, the function containing @ip, the optional message @fmt
 * (may be NULL) and a backtrace; then go on.  Any context.
 */
void warn_slowpath(const char *file, int line, uintptr_t ip, const char *fmt,
		   ...) __printf(4, 5);

/*
 * dump_stack - print the header line (dump_stack_print_info()) and the call
 * chain of the caller (Linux's name).  Any context.
 */
void dump_stack(void);

/*
 * dump_stack_print_info - print the line every report starts its stack
 * with, at @log_lvl (a KERN_* level), in Linux's words: "CPU: 0 PID: 1
 * Comm: sh Not tainted Sprout 0.1" -- the running task (once the
 * scheduler has registered, dump_stack_task_register()), the taint, and
 * Sprout's name and version where Linux has its release and build
 * ("6.1.0 #1").  Any context.
 */
void dump_stack_print_info(const char *log_lvl);

/*
 * dump_stack_task_register - @describe writes "PID: 7 Comm: name " for the
 * running task into @buf, for dump_stack_print_info() (the scheduler,
 * which sits above this layer, registers it at boot).
 */
void dump_stack_task_register(void (*describe)(char *buf, size_t size));

#define BUG_ON(cond)                                                          \
	do {                                                                  \
		if (unlikely(cond))                                           \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/*
 * dump_backtrace - print "Call Trace:", then @rip (if not 0) and each
 * return address of the frame chain starting at @rbp, named, following
 * frames only inside the stack @rbp lies in: the image's own (.bss), or
 * the running thread's (backtrace_stack_register()).
 * dump_backtrace_on - the same for frames inside [@lo, @hi): a thread's
 * stack, which the caller knows is mapped.
 */
void dump_backtrace(uintptr_t rip, uintptr_t rbp);
void dump_backtrace_on(uintptr_t rip, uintptr_t rbp, uintptr_t lo,
		       uintptr_t hi);

/*
 * backtrace_stack_register - let dump_backtrace() follow frames on the
 * running thread's own stack too: @stack puts its bounds in *@lo, *@hi
 * and returns true, or false on the boot stack (the scheduler, which
 * sits above this layer, registers it).
 */
void backtrace_stack_register(bool (*stack)(uintptr_t *lo, uintptr_t *hi));

/*
 * backtrace_stack_bounds - the stack @rbp lies in, as dump_backtrace()
 * follows it: true with its bounds in *@lo, *@hi, false if @rbp is in
 * neither the image's stacks nor the running thread's.
 */
bool backtrace_stack_bounds(uintptr_t rbp, uintptr_t *lo, uintptr_t *hi);

/*
 * stack_trace_save - store up to @size return addresses of the caller's
 * call chain, the first @skipnr left out (Linux's API); returns how many.
 * Any context.  kernel/panic/stacktrace.c.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr);

/*
 * stack_trace_save_chain - the same from the frame at @rbp (its saved frame
 * pointer, then its return address), following the chain only inside the
 * stack [@lo, @hi): for a chain that is not the caller's own -- a task
 * switched away, a frame saved earlier.  kernel/panic/stacktrace.c.
 */
unsigned int stack_trace_save_chain(uintptr_t rbp, uintptr_t lo, uintptr_t hi,
				    unsigned long *store, unsigned int size,
				    unsigned int skipnr);

#endif
