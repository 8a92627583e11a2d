/*
 * The PC's CMOS clock chip (MC146818A and its successors): its ports,
 * the registers the rtc driver and its tests use, and the two-step
 * access -- an index, then the data -- that must not be split by the
 * clock's own interrupt handler, which reads register C in between.
 * Linux keeps the same in <asm/mc146818rtc.h> (CMOS_READ/CMOS_WRITE).
 */
#ifndef KERNEL_MC146818_H
#define KERNEL_MC146818_H

#include <kernel/x86.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_STATUS_C 0x0c /* interrupt flags; reading clears them */
#define RTC_CENTURY 0x32  /* where QEMU and most PCs keep it */

#define STATUS_A_UPDATE_IN_PROGRESS 0x80
#define STATUS_B_24H 0x02
#define STATUS_B_BINARY 0x04
#define STATUS_B_UIE 0x10	  /* update-ended interrupt enable */
#define STATUS_B_INT_ENABLES 0x70 /* periodic, alarm, update-ended */
#define STATUS_C_IRQF 0x80	  /* the clock asserts its IRQ */
#define STATUS_C_UF 0x10	  /* an update has ended */
#define RTC_IRQ 8

/* cmos_read - register @reg's value, interrupts held off meanwhile. */
static inline uint8_t cmos_read(uint8_t reg)
{
	uint64_t flags = irq_save();
	uint8_t v;

	outb(reg, CMOS_INDEX);
	v = inb(CMOS_DATA);
	irq_restore(flags);
	return v;
}

/* cmos_write - set register @reg to @v, interrupts held off meanwhile. */
static inline void cmos_write(uint8_t reg, uint8_t v)
{
	uint64_t flags = irq_save();

	outb(reg, CMOS_INDEX);
	outb(v, CMOS_DATA);
	irq_restore(flags);
}

#endif
