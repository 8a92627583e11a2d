/*
 * Time since boot from the TSC.  Its rate is measured once against PIT
 * channel 2 (1.193182 MHz, the speaker channel: usable without interrupts).
 */
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define PIT_HZ 1193182u
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_CMD_CH2_ONESHOT 0xb0	/* channel 2, lo/hi byte, mode 0 */
#define PORT_B 0x61			/* bit 0: ch2 gate, 1: speaker, 5: ch2 out */
#define PORT_B_GATE 0x01
#define PORT_B_SPEAKER 0x02
#define PORT_B_OUT2 0x20
#define CALIBRATE_MS 20

static uint64_t tsc_boot;
static uint64_t tsc_rate_khz;
static uint64_t ns_mult;	/* ns = cycles * ns_mult >> 32 */

uint64_t tsc_to_ns(uint64_t cycles)
{
	return (uint64_t)(((unsigned __int128)cycles * ns_mult) >> 32);
}

uint64_t ktime_get_ns(void)
{
	return ns_mult ? tsc_to_ns(rdtsc() - tsc_boot) : 0;
}
EXPORT_SYMBOL(ktime_get_ns);

uint64_t tsc_khz(void)
{
	return tsc_rate_khz;
}

void __init tsc_calibrate(void)
{
	uint16_t count = PIT_HZ / 1000 * CALIBRATE_MS;
	uint64_t t0, t1;
	uint8_t b;

	tsc_boot = rdtsc();
	b = inb(PORT_B) & ~(PORT_B_GATE | PORT_B_SPEAKER);
	outb(PORT_B, b);
	outb(PIT_CMD, PIT_CMD_CH2_ONESHOT);
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	t0 = rdtsc();
	outb(PORT_B, b | PORT_B_GATE);
	while (!(inb(PORT_B) & PORT_B_OUT2))
		cpu_relax();
	t1 = rdtsc();
	outb(PORT_B, b);

	tsc_rate_khz = (t1 - t0) / CALIBRATE_MS;
	if (!tsc_rate_khz)
		tsc_rate_khz = 1;
	ns_mult = (uint64_t)((1000000ull << 32) / tsc_rate_khz);
	pr_info("tsc: %llu.%03llu MHz (calibrated against the PIT)\n",
		(unsigned long long)(tsc_rate_khz / 1000),
		(unsigned long long)(tsc_rate_khz % 1000));
}

void udelay(unsigned long us)
{
	uint64_t end = rdtsc() + us * tsc_rate_khz / 1000;

	while (rdtsc() < end)
		cpu_relax();
}
EXPORT_SYMBOL(udelay);

void mdelay(unsigned long ms)
{
	while (ms--)
		udelay(1000);
}
EXPORT_SYMBOL(mdelay);

void msleep(unsigned int ms)
{
	uint64_t end = ktime_get_ns() + (uint64_t)ms * (NSEC_PER_SEC / MSEC_PER_SEC);
	uint64_t ticks = ((uint64_t)ms * HZ + MSEC_PER_SEC - 1) / MSEC_PER_SEC;
	uint64_t last_tick = jiffies + ticks;

	/* Halting needs a tick to wake up: interrupts on, the timer running. */
	if (!(read_rflags() & RFLAGS_IF) || !jiffies) {
		mdelay(ms);
		return;
	}
	/*
	 * At least @ms by both clocks: an emulator may deliver timer ticks
	 * late, and code that slept then counts jiffies.
	 */
	while (ktime_get_ns() < end || jiffies < last_tick)
		hlt();
}
EXPORT_SYMBOL(msleep);
