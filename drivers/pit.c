/*
 * The 8253/8254 programmable interval timer as the tick's clock event
 * device: channel 0 in mode 0 counts down once and interrupts on IRQ 0;
 * each event programs the next (kernel/time/tick.c), a tick or an earlier
 * timer.  Each tick also ends a thread's time slice (scheduler_tick()).
 * Time itself comes from the TSC (calibrated against PIT channel 2 in
 * kernel/time/time.c).
 */
#include <kernel/errno.h>
#include <kernel/i8253.h>
#include <kernel/init.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/time.h>
#include <kernel/x86.h>

/* The control word for channel 0 (Intel 82C54 datasheet). */
#define PIT_CMD_CH0_ONESHOT 0x30 /* channel 0, lo/hi byte, mode 0 */
#define PIT_IRQ 0
/* Mode 0 counts down from 1 to 0xffff (0 would mean 0x10000). */
#define PIT_COUNT_MAX 0xffffu
#define PIT_NS(count) ((uint64_t)(count)*NSEC_PER_SEC / PIT_HZ)

/*
 * Writing the count starts it (the control word alone stops the count
 * under way); rounded up, so the interrupt never comes before its time.
 */
static void pit_set_next_ns(uint64_t delta_ns)
{
	uint64_t count = (delta_ns * PIT_HZ + NSEC_PER_SEC - 1) / NSEC_PER_SEC;

	if (count == 0)
		count = 1;
	if (count > PIT_COUNT_MAX)
		count = PIT_COUNT_MAX;
	outb(PIT_CMD_CH0_ONESHOT, PIT_CMD);
	outb(count & 0xff, PIT_CH0);
	outb(count >> 8, PIT_CH0);
}

static struct clock_event_device pit_clockevent = {
	.name = "pit",
	.min_delta_ns = PIT_NS(1) + 1,
	.max_delta_ns = PIT_NS(PIT_COUNT_MAX),
	.set_next_ns = pit_set_next_ns,
};

static irqreturn_t pit_interrupt(int irq, void *dev_id)
{
	tick_handle_event();
	scheduler_tick();
	return IRQ_HANDLED;
}

static int __init pit_init(void)
{
	int err;

	err = request_irq(PIT_IRQ, pit_interrupt, IRQF_TIMER, "timer", NULL);
	if (err)
		return err;
	err = clockevents_register_device(&pit_clockevent);
	if (err)
		return err;
	pr_info("pit: %u Hz tick on IRQ %d, one-shot (mode 0)\n", HZ, PIT_IRQ);
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
