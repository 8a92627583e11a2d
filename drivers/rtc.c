/*
 * The CMOS real-time clock (MC146818 and its successors in the PC
 * chipsets): the date and time at boot, and the `date` shell command.
 * Caught in its once-a-second update, a reader in a thread sleeps until
 * the update-ended interrupt (IRQ 8, "rtc0") instead of spinning; the
 * clock's interrupts are off the rest of the time, so it costs nothing
 * while idle.  Written to build either into the kernel or as a module.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/irq.h>
#include <kernel/mc146818.h>
#include <kernel/module.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>

/* The update cycle lasts under 2 ms (MC146818A datasheet); a margin. */
#define RTC_UPDATE_WAIT_JIFFIES (HZ / 50 + 1) /* over 20 ms */
#define HOURS_PM 0x80			      /* in 12-hour mode */
#define RTC_READ_TRIES 10
#define RTC_UIP_SPINS 100000

enum {
	RAW_SEC,
	RAW_MIN,
	RAW_HOUR,
	RAW_DAY,
	RAW_MONTH,
	RAW_YEAR,
	RAW_CENTURY,
	RAW_COUNT
};

struct rtc_time {
	unsigned int year, month, day, hour, minute, second;
};

static const char *const weekday_names[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};

static struct completion rtc_update_ended;
static bool rtc_irq_requested;
static int rtc_dev; /* the dev_id of the line, which the clock may share */

static void rtc_set_interrupts(uint8_t enables)
{
	uint64_t flags = irq_save();
	uint8_t b = cmos_read(RTC_STATUS_B);

	cmos_write(RTC_STATUS_B, (b & ~STATUS_B_INT_ENABLES) | enables);
	irq_restore(flags);
}

static irqreturn_t rtc_interrupt(int irq, void *dev_id)
{
	uint8_t flags = cmos_read(RTC_STATUS_C);

	if (!(flags & STATUS_C_IRQF))
		return IRQ_NONE;
	if (flags & STATUS_C_UF)
		complete(&rtc_update_ended);
	return IRQ_HANDLED;
}

/* Can the reader sleep until the interrupt, rather than spin? */
static bool rtc_can_sleep(void)
{
	return rtc_irq_requested && (read_rflags() & RFLAGS_IF) && !in_atomic();
}

/*
 * Sleep until the update under way has ended, on the update-ended
 * interrupt, turned on for this wait only.  -EIO if it never came.
 */
static int rtc_wait_update_end(void)
{
	unsigned long left = 1;

	reinit_completion(&rtc_update_ended);
	rtc_set_interrupts(STATUS_B_UIE);
	/* An update that ended before the interrupt was on sends none. */
	if (cmos_read(RTC_STATUS_A) & STATUS_A_UPDATE_IN_PROGRESS)
		left = wait_for_completion_timeout(&rtc_update_ended,
						   RTC_UPDATE_WAIT_JIFFIES);
	rtc_set_interrupts(0);
	cmos_read(RTC_STATUS_C); /* a flag raised meanwhile: cleared */
	return left ? 0 : -EIO;
}

/*
 * Wait for the update under way, if any, to end: asleep on the interrupt
 * from a thread; a busy wait at boot, with interrupts still off, which
 * lasts under 2 ms, at most once.
 */
static int rtc_wait_not_updating(void)
{
	int spins = 0;

	if (!(cmos_read(RTC_STATUS_A) & STATUS_A_UPDATE_IN_PROGRESS))
		return 0;
	if (rtc_can_sleep())
		return rtc_wait_update_end();
	while (cmos_read(RTC_STATUS_A) & STATUS_A_UPDATE_IN_PROGRESS)
		if (++spins == RTC_UIP_SPINS)
			return -EIO;
	return 0;
}

static unsigned int bcd_to_bin(uint8_t v)
{
	return (v >> 4) * 10 + (v & 0x0f);
}

/* The raw registers, read between two updates of the clock. */
static int rtc_read_raw(uint8_t regs[RAW_COUNT])
{
	static const uint8_t order[RAW_COUNT] = {
		RTC_SECONDS, RTC_MINUTES, RTC_HOURS,   RTC_DAY,
		RTC_MONTH,   RTC_YEAR,	  RTC_CENTURY,
	};
	uint8_t again[RAW_COUNT];

	/*
	 * The registers change once a second; a read during an update, or
	 * across one, mixes two times.  Read until two passes agree.
	 */
	for (int tries = 0; tries < RTC_READ_TRIES; tries++) {
		int err = rtc_wait_not_updating();

		if (err)
			return err;
		for (int i = 0; i < RAW_COUNT; i++)
			regs[i] = cmos_read(order[i]);
		for (int i = 0; i < RAW_COUNT; i++)
			again[i] = cmos_read(order[i]);
		if (!memcmp(regs, again, RAW_COUNT))
			return 0;
	}
	return -EIO;
}

static bool is_leap(unsigned int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned int days_in_month(unsigned int y, unsigned int m)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30,
					  31, 31, 30, 31, 30, 31 };

	return days[m - 1] + (m == 2 && is_leap(y));
}

/*
 * 0 = Sunday.  Counts days from 1 March of year 0, so that each year's leap
 * day is its last day.
 */
static unsigned int rtc_weekday(const struct rtc_time *t)
{
	unsigned int y = t->year - (t->month < 3);
	unsigned int m = (t->month + 9) % 12; /* March = 0 */
	unsigned long days = 365ul * y + y / 4 - y / 100 + y / 400 +
			     (153 * m + 2) / 5 + t->day - 1;

	/* 1 March 0000 (proleptic Gregorian) was a Wednesday. */
	return (unsigned int)((days + 3) % 7);
}

/* Decode the registers (BCD or binary, 12- or 24-hour) and check ranges. */
static int rtc_decode(const uint8_t raw[RAW_COUNT], uint8_t status_b,
		      struct rtc_time *t)
{
	bool binary = status_b & STATUS_B_BINARY;
	uint8_t hour = raw[RAW_HOUR];
	bool pm = !(status_b & STATUS_B_24H) && (hour & HOURS_PM);
	unsigned int century;

#define RTC_FIELD(v) (binary ? (unsigned int)(v) : bcd_to_bin(v))
	t->second = RTC_FIELD(raw[RAW_SEC]);
	t->minute = RTC_FIELD(raw[RAW_MIN]);
	t->hour = RTC_FIELD(hour & (uint8_t)~HOURS_PM);
	t->day = RTC_FIELD(raw[RAW_DAY]);
	t->month = RTC_FIELD(raw[RAW_MONTH]);
	century = RTC_FIELD(raw[RAW_CENTURY]);
	t->year = RTC_FIELD(raw[RAW_YEAR]);
#undef RTC_FIELD
	if (!(status_b & STATUS_B_24H))
		t->hour = t->hour % 12 + (pm ? 12 : 0); /* 12 AM is 0:00 */
	/* A clock without a century register reads 0 or garbage there. */
	t->year += (century >= 19 && century <= 99 ? century : 20) * 100;

	if (t->second > 59 || t->minute > 59 || t->hour > 23 || t->month < 1 ||
	    t->month > 12 || t->day < 1 ||
	    t->day > days_in_month(t->year, t->month))
		return -EINVAL;
	return 0;
}

static int rtc_read_time(struct rtc_time *t)
{
	uint8_t raw[RAW_COUNT];
	int err = rtc_read_raw(raw);

	if (err)
		return err;
	err = rtc_decode(raw, cmos_read(RTC_STATUS_B), t);
	if (err)
		pr_err("rtc: nonsense time %02x:%02x:%02x %02x.%02x.%02x%02x\n",
		       raw[RAW_HOUR], raw[RAW_MIN], raw[RAW_SEC], raw[RAW_DAY],
		       raw[RAW_MONTH], raw[RAW_CENTURY], raw[RAW_YEAR]);
	return err;
}

static int rtc_format(char *buf, size_t size, const struct rtc_time *t)
{
	return snprintf(buf, size, "%s %04u-%02u-%02u %02u:%02u:%02u UTC",
			weekday_names[rtc_weekday(t)], t->year, t->month,
			t->day, t->hour, t->minute, t->second);
}

static int cmd_date(char *args)
{
	struct rtc_time t;
	char buf[48];
	int err;

	if (*args)
		return -EINVAL;
	err = rtc_read_time(&t);
	if (err) {
		console_printf("date: cannot read the real-time clock (%d)\n",
			       err);
		return err;
	}
	rtc_format(buf, sizeof(buf), &t);
	console_printf("%s\n", buf);
	return 0;
}
SHELL_COMMAND("date", "", "the date and time from the CMOS clock", cmd_date);

/*
 * The clock's interrupts off, and any flag left from the firmware read
 * away (until it is, the clock holds its IRQ asserted, and the 8259,
 * edge-triggered, would never see the next one); then the line.  Without
 * it the clock is still read, spinning through updates.
 */
static void __init rtc_setup_irq(void)
{
	int err;

	init_completion(&rtc_update_ended);
	rtc_set_interrupts(0);
	cmos_read(RTC_STATUS_C);
	err = request_irq(RTC_IRQ, rtc_interrupt, IRQF_SHARED, "rtc0",
			  &rtc_dev);
	if (err)
		pr_warn("rtc: no IRQ %d (%d): updates waited for by polling\n",
			RTC_IRQ, err);
	rtc_irq_requested = !err;
}

static int __init rtc_init(void)
{
	struct rtc_time t;
	char buf[48];
	int err;

	rtc_setup_irq();
	err = rtc_read_time(&t);
	if (err)
		goto out_free_irq;
	rtc_format(buf, sizeof(buf), &t);
	pr_info("rtc: %s\n", buf);
	return 0;

out_free_irq:
	if (rtc_irq_requested)
		free_irq(RTC_IRQ, &rtc_dev);
	return err;
}

static void __exit rtc_exit(void)
{
	if (rtc_irq_requested)
		free_irq(RTC_IRQ, &rtc_dev);
	pr_info("rtc: driver removed\n");
}

module_init(rtc_init);
module_exit(rtc_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"CMOS real-time clock: the date at boot and the date command");
MODULE_AUTHOR("The Sprout authors");
