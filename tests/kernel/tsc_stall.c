/*
 * tsc_stall: an early parameter, so it runs while the TSC's measuring
 * window against PIT channel 2 is open (kernel/time/time.c), that holds the
 * boot until the channel's count has gone past 0 -- as a boot whose first
 * steps took longer than the count's 54.9 ms would.  tests/boot/boot.sh
 * checks that the rate measured then is still right.
 */
#include <kernel/i8253.h>
#include <kernel/init.h>
#include <kernel/x86.h>

static int __init tsc_stall_setup(const char *val)
{
	(void)val;
	if (!(inb(PORT_B) & PORT_B_GATE))
		return 0; /* channel 2 stopped: the rate came from CPUID */
	while (!(inb(PORT_B) & PORT_B_OUT2))
		cpu_relax();
	return 0;
}
early_param("tsc_stall", tsc_stall_setup);
