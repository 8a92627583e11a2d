/*
 * A real device on a real line: the CMOS clock's update-ended interrupt
 * (IRQ 8, through the slave 8259).  Caught in its once-a-second update,
 * `date` must sleep until that interrupt rather than spin, and leave the
 * clock's interrupts off again.  The test watches for the update by
 * reading the clock's status itself, then runs the command.
 */
#include <kernel/irq.h>
#include <kernel/ktest.h>
#include <kernel/shell.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "../../kernel/shell/internal.h"

/* MC146818A registers (drivers/rtc.c has the driver's names). */
#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define STATUS_A_UIP 0x80
#define STATUS_B_INT_ENABLES 0x70
#define RTC_IRQ 8
/* QEMU raises UIP 244 us before each second: a busy host may let the
 * command come too late, so a few seconds are tried. */
#define RTC_TRIES 5
#define RTC_SECOND_SPINS 2000000

static uint8_t test_cmos_read(uint8_t reg)
{
	uint64_t flags = irq_save();
	uint8_t v;

	outb(CMOS_INDEX, reg);
	v = inb(CMOS_DATA);
	irq_restore(flags);
	return v;
}

/* Spin until the clock says an update is coming; false if it never did. */
static bool wait_for_update_in_progress(void)
{
	for (int i = 0; i < RTC_SECOND_SPINS; i++)
		if (test_cmos_read(RTC_STATUS_A) & STATUS_A_UIP)
			return true;
	return false;
}

static void date_sleeps_on_the_update_ended_interrupt(struct ktest *t)
{
	const struct shell_cmd *date = shell_find("date");
	unsigned int before = kstat_irqs(RTC_IRQ);
	char args[1] = "";
	int tries;

	KT_EXPECT(t, date != NULL);
	if (!date)
		return;
	for (tries = 0; tries < RTC_TRIES; tries++) {
		if (!wait_for_update_in_progress())
			break;
		KT_EXPECT_EQ(t, date->fn(args), 0);
		if (kstat_irqs(RTC_IRQ) != before)
			break;
	}
	KT_EXPECT(t, tries < RTC_TRIES);
	KT_EXPECT(t, kstat_irqs(RTC_IRQ) > before);
	/* Only for that wait: the clock's interrupts are off again. */
	KT_EXPECT_EQ(t, test_cmos_read(RTC_STATUS_B) & STATUS_B_INT_ENABLES, 0);
}

KTEST_SUITE(rtc_irq, KTEST_CASE(date_sleeps_on_the_update_ended_interrupt));
