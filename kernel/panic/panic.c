/*
 * panic(): the end of the line.  The message goes to the log and the
 * consoles, then the machine stops -- under QEMU with an exit code the test
 * runner understands, elsewhere by halting.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>

bool oops_in_progress;
unsigned int kernel_taint;

const char *kernel_taint_string(void)
{
	static char buf[24];

	if (!kernel_taint)
		return "Not tainted";
	snprintf(buf, sizeof(buf), "Tainted: %s",
		 kernel_taint & TAINT_PROPRIETARY_MODULE ? "P" : "");
	return buf;
}

void qemu_exit(uint8_t code)
{
	outb(code, QEMU_EXIT_PORT);
}

void panic(const char *fmt, ...)
{
	static char msg[256];
	static bool in_panic;
	va_list ap;

	cli();
	if (in_panic)
		halt_forever(); /* a fault while panicking: stop at once */
	in_panic = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	if (!oops_in_progress)
		dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n",
	       msg);
	qemu_exit(QEMU_EXIT_PANIC);
	halt_forever();
}
EXPORT_SYMBOL(panic);
