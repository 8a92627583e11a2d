/*
 * The 8253/8254 programmable interval timer as the periodic tick: channel 0
 * interrupts on IRQ 0 HZ times a second and counts jiffies.  Wall time
 * within the kernel comes from the TSC (calibrated against PIT channel 2
 * in kernel/time/time.c); the tick is what wakes an idle CPU, what ends a
 * thread's time slice (scheduler_tick()) and what `uptime` cross-checks
 * the TSC against.
 */
#include <kernel/errno.h>
#include <kernel/i8253.h>
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/time.h>
#include <kernel/x86.h>

/* The control word for channel 0 (Intel 82C54 datasheet). */
#define PIT_CMD_CH0_RATE 0x34 /* channel 0, lo/hi byte, mode 2 (rate) */
#define PIT_IRQ 0

#define PIT_DIVISOR ((PIT_HZ + HZ / 2) / HZ)

static void pit_tick(struct pt_regs *regs, void *data)
{
	jiffies++;
	scheduler_tick();
}

static int __init pit_init(void)
{
	int err;

	outb(PIT_CMD, PIT_CMD_CH0_RATE);
	outb(PIT_CH0, PIT_DIVISOR & 0xff);
	outb(PIT_CH0, PIT_DIVISOR >> 8);
	err = irq_register(PIT_IRQ, pit_tick, NULL);
	if (err)
		return err;
	pr_info("pit: %u Hz tick on IRQ %d (divisor %u)\n", HZ, PIT_IRQ,
		PIT_DIVISOR);
	return 0;
}
subsys_initcall(pit_init);

static int cmd_uptime(char *args)
{
	uint64_t ns = ktime_get_ns(), ticks = jiffies_get();
	uint64_t s = ns / NSEC_PER_SEC;

	if (*args)
		return -EINVAL;
	console_printf("up %llu:%02llu:%02llu, %llu.%06llu s (TSC), %llu ticks at %u Hz\n",
		       (unsigned long long)(s / 3600),
		       (unsigned long long)(s / 60 % 60),
		       (unsigned long long)(s % 60), (unsigned long long)s,
		       (unsigned long long)(ns % NSEC_PER_SEC / NSEC_PER_USEC),
		       (unsigned long long)ticks, HZ);
	return 0;
}
SHELL_COMMAND("uptime", "", "time since boot: TSC and timer ticks", cmd_uptime);
