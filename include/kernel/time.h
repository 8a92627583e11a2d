/*
 * Time keeping: the TSC, calibrated once against the PIT, gives nanoseconds
 * since boot for log stamps, uptime and benchmarks.
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

#define NSEC_PER_USEC 1000ull
#define NSEC_PER_SEC 1000000000ull

/*
 * tsc_calibrate_begin - open the TSC's measuring window against PIT
 * channel 2, unless CPUID states the rate.  Called first thing, so that
 * the boot's first steps run inside the window.  __init.
 * tsc_calibrate - after tsc_calibrate_begin(), learn the TSC rate: from
 * CPUID where the CPU states it, else by closing the window, with a busy
 * wait only while it is too short for its error bound.  Returns 0,
 * or -ENODEV when there is no rate: CPUID states none and PIT channel 2
 * does not count.  __init.
 */
void tsc_calibrate_begin(void);
int tsc_calibrate(void);

/* The TSC at the kernel's first instruction (boot/entry.asm). */
extern uint64_t boot_tsc;

/* Nanoseconds since the kernel's entry; 0 until tsc_calibrate() has run. */
uint64_t ktime_get_ns(void);

/* tsc_to_ns - convert a TSC delta to nanoseconds. */
uint64_t tsc_to_ns(uint64_t cycles);

/* TSC ticks per second, as calibrated (0 before). */
uint64_t tsc_khz(void);

/*
 * The periodic timer tick (drivers/pit.c): HZ interrupts a second once
 * interrupts are on.  jiffies_get - ticks since the timer started.
 */
#define HZ 100u
#define MSEC_PER_SEC 1000u
uint64_t jiffies_get(void);
extern volatile unsigned long jiffies; /* the same count */

/* udelay / mdelay - busy-wait; need tsc_calibrate() first. */
void udelay(unsigned long us);
void mdelay(unsigned long ms);

/*
 * msleep - wait at least @ms milliseconds.  There is no other task to run
 * meanwhile, so the CPU halts between timer ticks when interrupts are on
 * and busy-waits (mdelay) when they are off.
 */
void msleep(unsigned int ms);

#endif
