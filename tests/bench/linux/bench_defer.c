/*
 * bench_defer: how long deferred work waits, from the moment it is asked
 * for to the moment its function runs: a work item, a tasklet scheduled
 * from a timer, a threaded interrupt handler woken by a device.  Like
 * bench_sched it uses Linux's API alone, so make bench and make
 * bench-linux load the same file ("bench_defer: work_us 12.34").
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#define WORK_ROUNDS 1000
#define TASKLET_ROUNDS 100 /* each waits for a timer a jiffy ahead */
#define IRQ_ROUNDS 1000
#define IRQ_WAIT_MS 1000 /* an interrupt later than this never comes */

/*
 * The device behind irq_us: the PC's second 16550 UART, COM2, at its
 * ISA address and line.  Neither kernel drives it while nobody opens it
 * (Linux's 8250 driver finds ttyS1 but asks for its line only in open),
 * and it interrupts at once when told to: enabling the "transmit holding
 * register empty" interrupt with the register empty raises the line, so
 * the outb() that enables it is the moment the interrupt is raised.
 * Registers from the 16550D data sheet, offsets from the base port.
 */
#define COM2_BASE 0x2f8
#define COM2_IRQ 3
#define COM2_IER (COM2_BASE + 1) /* interrupt enable */
#define COM2_IIR (COM2_BASE + 2) /* interrupt identification (read) */
#define COM2_LCR (COM2_BASE + 3) /* line control */
#define COM2_MCR (COM2_BASE + 4) /* modem control */
#define COM2_SCR (COM2_BASE + 7) /* scratch */
#define IER_THRI 0x02		 /* interrupt when THR is empty */
#define IIR_NO_INT 0x01		 /* no interrupt pending */
#define LCR_WLEN8 0x03		 /* 8 data bits, DLAB clear */
#define MCR_OUT2 0x08		 /* PCs gate the UART's IRQ with OUT2 */

/*
 * Report @total_ns over @rounds as microseconds with two decimals, the
 * way Linux prints no floating point: whole and hundredths apart.
 */
static void bench_report_us(const char *key, u64 total_ns, unsigned int rounds)
{
	u64 hundredths = (total_ns / rounds + 5) / 10;

	pr_info("%s %llu.%02llu\n", key, (unsigned long long)(hundredths / 100),
		(unsigned long long)(hundredths % 100));
}

static DECLARE_COMPLETION(deferred_ran);
static u64 asked_ns; /* when the deferred function was asked for */
static u64 total_ns; /* summed by the deferred function, each round */

/* The end of every deferred function: count its wait, let the asker on. */
static void bench_deferred_ran(void)
{
	total_ns += ktime_get_ns() - asked_ns;
	complete(&deferred_ran);
}

static void bench_work_fn(struct work_struct *work)
{
	bench_deferred_ran();
}

static DECLARE_WORK(bench_work, bench_work_fn);

/* schedule_work() to the work function running: average in ns. */
static u64 bench_work_ns(void)
{
	int i;

	total_ns = 0;
	for (i = 0; i < WORK_ROUNDS; i++) {
		init_completion(&deferred_ran);
		asked_ns = ktime_get_ns();
		schedule_work(&bench_work);
		wait_for_completion(&deferred_ran);
	}
	flush_work(&bench_work);
	return total_ns;
}

static void bench_tasklet_fn(struct tasklet_struct *t)
{
	bench_deferred_ran();
}

static DECLARE_TASKLET(bench_tasklet, bench_tasklet_fn);
static struct timer_list bench_timer;

/* A timer callback, in interrupt context: the tasklet's asker. */
static void bench_timer_fn(struct timer_list *t)
{
	asked_ns = ktime_get_ns();
	tasklet_schedule(&bench_tasklet);
}

/* tasklet_schedule() in a timer callback to the tasklet running. */
static u64 bench_tasklet_ns(void)
{
	int i;

	total_ns = 0;
	timer_setup(&bench_timer, bench_timer_fn, 0);
	for (i = 0; i < TASKLET_ROUNDS; i++) {
		init_completion(&deferred_ran);
		mod_timer(&bench_timer, jiffies + 1);
		wait_for_completion(&deferred_ran);
	}
	del_timer_sync(&bench_timer);
	tasklet_kill(&bench_tasklet);
	return total_ns;
}

/* Is there a UART at COM2?  Its scratch register keeps what is written. */
static bool bench_com2_present(void)
{
	outb(0x5a, COM2_SCR);
	if (inb(COM2_SCR) != 0x5a)
		return false;
	outb(0xa5, COM2_SCR);
	return inb(COM2_SCR) == 0xa5;
}

/*
 * COM2's hard-interrupt handler: acknowledge (reading IIR clears a THRE
 * interrupt), silence the UART so that the line stays low until the next
 * round, and leave the rest to the thread.
 */
static irqreturn_t bench_com2_irq(int irq, void *dev_id)
{
	if (inb(COM2_IIR) & IIR_NO_INT)
		return IRQ_NONE;
	outb(0, COM2_IER);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t bench_com2_thread(int irq, void *dev_id)
{
	bench_deferred_ran();
	return IRQ_HANDLED;
}

static u64 bench_com2_rounds(void)
{
	int i;

	total_ns = 0;
	for (i = 0; i < IRQ_ROUNDS; i++) {
		init_completion(&deferred_ran);
		asked_ns = ktime_get_ns();
		outb(IER_THRI, COM2_IER);
		if (!wait_for_completion_timeout(&deferred_ran,
						 msecs_to_jiffies(
							 IRQ_WAIT_MS))) {
			pr_err("COM2 (IRQ %d): no interrupt within %d ms of enabling THRE, round %d\n",
			       COM2_IRQ, IRQ_WAIT_MS, i);
			return 0;
		}
	}
	return total_ns;
}

/*
 * COM2's THRE interrupt to its threaded handler running, summed over
 * IRQ_ROUNDS, or 0 when it could not be measured (and why is printed).
 * COM2's line and modem control are put back as they were found.
 */
static u64 bench_irq_ns(void)
{
	u8 lcr, mcr;
	u64 total;
	int err;

	if (!bench_com2_present()) {
		pr_err("no 16550 UART at COM2 (0x%x): irq_us needs a second serial port (QEMU: a second -serial)\n",
		       COM2_BASE);
		return 0;
	}
	lcr = inb(COM2_LCR);
	mcr = inb(COM2_MCR);
	outb(0, COM2_IER);
	outb(LCR_WLEN8, COM2_LCR);
	err = request_threaded_irq(COM2_IRQ, bench_com2_irq, bench_com2_thread,
				   0, "bench_defer", &deferred_ran);
	if (err) {
		pr_err("request_threaded_irq(%d) for COM2 failed: %d\n",
		       COM2_IRQ, err);
		total = 0;
		goto out_restore;
	}
	outb(mcr | MCR_OUT2, COM2_MCR);
	total = bench_com2_rounds();
	outb(0, COM2_IER);
	free_irq(COM2_IRQ, &deferred_ran);
out_restore:
	outb(mcr, COM2_MCR);
	outb(lcr, COM2_LCR);
	return total;
}

static int __init bench_defer_init(void)
{
	u64 irq_total;

	bench_report_us("work_us", bench_work_ns(), WORK_ROUNDS);
	bench_report_us("tasklet_us", bench_tasklet_ns(), TASKLET_ROUNDS);
	irq_total = bench_irq_ns();
	if (irq_total)
		bench_report_us("irq_us", irq_total, IRQ_ROUNDS);
	pr_info("done\n");
	return 0;
}

static void __exit bench_defer_exit(void)
{
}

module_init(bench_defer_init);
module_exit(bench_defer_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Work item, tasklet and threaded IRQ latencies");
