/*
 * Time since boot from the TSC.  boot/entry.asm reads the TSC at the very
 * first instruction, so stamps count from the kernel's entry.  The rate
 * comes from CPUID where the CPU states it; otherwise it is measured
 * against PIT channel 2 (1.193182 MHz, the speaker channel: usable without
 * interrupts).  The window opens as the kernel starts and closes when the
 * rate is first needed, so the boot's first steps fill it instead of a
 * busy wait; it is only stretched by polling where it is still too short
 * for the wanted accuracy.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/i8253.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define PIT_CMD_CH2_ONESHOT 0xb0 /* channel 2, lo/hi byte, mode 0 */
#define PIT_CMD_CH2_LATCH 0x80	 /* counter latch command, channel 2 */
#define PIT_START_COUNT 0xffff	 /* mode 0 counts down from here: 54.9 ms */

/*
 * The PIT window stops once the error bound is at most CALIBRATE_PPM
 * (0.2 %: timestamps and udelay need no better), after at least
 * CALIBRATE_MIN_TICKS (about 0.1 ms: a sanity floor, the bound decides).
 * A window that reaches CALIBRATE_MAX_TICKS (10 ms) without it, because
 * the emulator's thread lost the host CPU at one end, starts again, up to
 * CALIBRATE_WINDOWS times; the last one's rate is taken as it is.  One
 * whose count went past 0 (longer than 54.9 ms: the boot's first steps
 * were that slow) cannot be measured, and starts again too.
 */
#define CALIBRATE_PPM 2000u
/*
 * Reads of an unchanged count after which channel 2 is taken not to count
 * (no PIT: QEMU's -machine pit=off, or hardware without one).  It changes
 * every 0.84 us, a read or two; this many take 15 ms or more.
 */
#define PIT_POLLS_MAX 100000u
#define CALIBRATE_MIN_TICKS (PIT_HZ / 10000)
#define CALIBRATE_MAX_TICKS (PIT_HZ / 100)
#define CALIBRATE_WINDOWS 2

/* CPUID leaves that state the TSC rate (Intel SDM 2A, CPUID). */
#define CPUID_TSC_CRYSTAL 0x15 /* EAX/EBX: TSC/crystal ratio, ECX: crystal Hz */
#define CPUID_FREQ 0x16	       /* EAX: base frequency in MHz */

static uint64_t tsc_rate_khz;
static uint64_t ns_mult; /* ns = cycles * ns_mult >> 32 */

uint64_t tsc_to_ns(uint64_t cycles)
{
	return (uint64_t)(((unsigned __int128)cycles * ns_mult) >> 32);
}

uint64_t ktime_get_ns(void)
{
	return ns_mult ? tsc_to_ns(rdtsc() - boot_tsc) : 0;
}
EXPORT_SYMBOL(ktime_get_ns);

uint64_t tsc_khz(void)
{
	return tsc_rate_khz;
}

/* The TSC rate the CPU states, in kHz, or 0 where it states none. */
static uint64_t __init tsc_khz_from_cpuid(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	if (r[0] < CPUID_TSC_CRYSTAL)
		return 0;
	cpuid(CPUID_TSC_CRYSTAL, 0, r);
	if (r[0] && r[1] && r[2])
		return (uint64_t)r[2] * r[1] / r[0] / 1000;
	if (r[0] < CPUID_FREQ)
		return 0;
	cpuid(CPUID_FREQ, 0, r);
	return (uint64_t)(r[0] & 0xffff) * 1000;
}

/* A moment the PIT count changed to @count: @tsc, give or take @err. */
struct pit_edge {
	uint64_t tsc;
	uint64_t err;
	uint16_t count;
};

/* Latch and read the count; *@tsc..*@tsc + *@err brackets the latch. */
static uint16_t __init pit_read(uint64_t *tsc, uint64_t *err)
{
	uint8_t lo, hi;

	*tsc = rdtsc();
	outb(PIT_CMD_CH2_LATCH, PIT_CMD);
	*err = rdtsc() - *tsc;
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return (uint16_t)(hi << 8 | lo);
}

/*
 * Poll until the count changes, as Linux's quick PIT calibration does: it
 * took its new value after the last latch that saw the old one and by the
 * latch that saw the new one, much less than a PIT tick apart when polling
 * is quick.  The edge is the middle of that interval.
 */
static bool __init pit_wait_edge(struct pit_edge *e)
{
	uint64_t before, tsc, err;
	uint16_t first = pit_read(&before, &err), count;
	unsigned int polls = 0;

	while ((count = pit_read(&tsc, &err)) == first) {
		if (++polls == PIT_POLLS_MAX)
			return false;
		before = tsc;
	}
	e->err = (tsc + err - before) / 2;
	e->tsc = before + e->err;
	e->count = count;
	return true;
}

/*
 * The rate CPUID states (0: none); else the PIT window's first end, and
 * whether it is open (not if channel 2 does not count).
 */
static uint64_t cpuid_khz __initdata;
static struct pit_edge window_start __initdata;
static bool window_open __initdata;
static uint8_t port_b_saved __initdata;

/*
 * Start channel 2 counting down from PIT_START_COUNT; the first edge.
 * This runs before the consoles: a PIT that does not count is only noted,
 * and tsc_calibrate() returns -ENODEV for it once there is a console.
 */
static void __init pit_window_open(void)
{
	outb(port_b_saved, PORT_B);
	outb(PIT_CMD_CH2_ONESHOT, PIT_CMD);
	outb(PIT_START_COUNT & 0xff, PIT_CH2);
	outb(PIT_START_COUNT >> 8, PIT_CH2);
	outb(port_b_saved | PORT_B_GATE, PORT_B);
	/* The first edge also pays for the emulator translating this code. */
	window_open = pit_wait_edge(&window_start) &&
		      pit_wait_edge(&window_start);
}

/*
 * Measure the TSC against the PIT count, from the window's first end to a
 * later moment the count changed.  The window grows until the uncertainty
 * of its two ends is CALIBRATE_PPM of it.  *ppm gets the bound reached,
 * *ticks the window in PIT ticks.  0 if the PIT does not count.
 */
static uint64_t __init tsc_khz_from_pit(unsigned int *ppm, unsigned int *ticks)
{
	struct pit_edge *a = &window_start, b;
	uint64_t cycles, err;
	unsigned int n, windows = 1;

	for (;;) {
		if (!window_open || !pit_wait_edge(&b))
			return 0;
		if (inb(PORT_B) & PORT_B_OUT2) {
			pit_window_open();
			continue;
		}
		n = (uint16_t)(a->count - b.count);
		cycles = b.tsc - a->tsc;
		err = a->err + b.err;
		if (n >= CALIBRATE_MIN_TICKS &&
		    err * 1000000 <= (uint64_t)CALIBRATE_PPM * cycles)
			break;
		if (n < CALIBRATE_MAX_TICKS)
			continue;
		if (windows++ == CALIBRATE_WINDOWS)
			break;
		window_open = pit_wait_edge(a);
	}
	*ppm = (unsigned int)(err * 1000000 / cycles);
	*ticks = n;
	return cycles * PIT_HZ / n / 1000;
}

static void __init tsc_set_rate(uint64_t khz)
{
	tsc_rate_khz = khz ? khz : 1;
	ns_mult = (uint64_t)((1000000ull << 32) / tsc_rate_khz);
	printk_set_clock(ktime_get_ns);
}

void __init tsc_calibrate_begin(void)
{
	cpuid_khz = tsc_khz_from_cpuid();
	if (cpuid_khz)
		return;
	port_b_saved = inb(PORT_B) & ~(PORT_B_GATE | PORT_B_SPEAKER);
	pit_window_open();
}

int __init tsc_calibrate(void)
{
	unsigned int ppm, ticks;
	uint64_t khz = cpuid_khz;

	if (khz) {
		tsc_set_rate(khz);
		pr_info("tsc: %llu.%03llu MHz (from CPUID)\n",
			(unsigned long long)(khz / 1000),
			(unsigned long long)(khz % 1000));
		return 0;
	}
	/*
	 * A busy wait only while the window is too short for the bound, and
	 * it must be: nothing else can tell time before the TSC rate is
	 * known.  Opened at the kernel's entry, the window has usually
	 * reached its bound by now under emulation.
	 */
	khz = tsc_khz_from_pit(&ppm, &ticks);
	outb(port_b_saved, PORT_B); /* gate and speaker off, the rest kept */
	if (!khz)
		return -ENODEV;
	tsc_set_rate(khz);
	pr_info("tsc: %llu.%03llu MHz (PIT, %u us window, within %u ppm)\n",
		(unsigned long long)(khz / 1000),
		(unsigned long long)(khz % 1000),
		(unsigned int)((uint64_t)ticks * 1000000 / PIT_HZ), ppm);
	return 0;
}

void udelay(unsigned long us)
{
	uint64_t end = rdtsc() + us * tsc_rate_khz / 1000;

	while (rdtsc() < end)
		cpu_relax();
}
EXPORT_SYMBOL(udelay);

/*
 * One deadline for the whole wait: a millisecond at a time, each step's
 * overshoot (an interrupt, or the emulator's thread losing the host CPU)
 * would add up.
 */
void mdelay(unsigned long ms)
{
	udelay(ms * 1000);
}
EXPORT_SYMBOL(mdelay);
