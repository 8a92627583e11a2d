/*
 * In-kernel tests of the interrupt-driven drivers, run after interrupts are
 * on: the PIT tick keeps pace with the TSC-based clock and delays, and
 * request_irq refuses bad or taken lines.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/ktest.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define TICK_TEST_MS 300
#define TICK_SLACK 3 /* ticks: start/end phase and one late tick */

static void timer_ticks_agree_with_tsc(struct ktest *t)
{
	uint64_t j0, j1, ns0, ns1, ms, ticks_ms;

	KT_EXPECT(t, read_rflags() & RFLAGS_IF);
	j0 = jiffies_get();
	ns0 = ktime_get_ns();
	mdelay(TICK_TEST_MS);
	j1 = jiffies_get();
	ns1 = ktime_get_ns();
	ms = (ns1 - ns0) / 1000000;
	ticks_ms = (j1 - j0) * 1000 / HZ;
	/* mdelay waits at least what it says, and not much longer. */
	KT_EXPECT(t, ms >= TICK_TEST_MS && ms < TICK_TEST_MS * 2);
	/*
	 * The PIT's count of the same interval: never more than a few ticks
	 * and a quarter ahead of the TSC, and at least half of it.  Under
	 * emulation QEMU drops the ticks that fall due while its threads wait
	 * for a busy host's CPUs (a quarter of them and more was seen with
	 * eight jobs on two CPUs), so a tight lower bound would test the
	 * host; a tick at a third of its rate, or at double, still fails.
	 */
	KT_EXPECT(t, ticks_ms + TICK_SLACK * 1000 / HZ >= ms / 2);
	KT_EXPECT(t, ticks_ms <= ms + ms / 4 + TICK_SLACK * 1000 / HZ);
}

static irqreturn_t dummy_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static void request_irq_refuses_taken_lines(struct ktest *t)
{
	/* The PIT has IRQ 0, unshared; the keyboard shares IRQ 1, but only
	 * with a handler that says so. */
	KT_EXPECT_EQ(t, request_irq(0, dummy_handler, 0, "test", t), -EBUSY);
	KT_EXPECT_EQ(t, request_irq(0, dummy_handler, IRQF_SHARED, "test", t),
		     -EBUSY);
	KT_EXPECT_EQ(t, request_irq(1, dummy_handler, 0, "test", t), -EBUSY);
}

static void console_input_keeps_order(struct ktest *t)
{
	while (console_trygetc() >= 0)
		;
	console_input_push('o');
	console_input_push('k');
	KT_EXPECT_EQ(t, console_trygetc(), 'o');
	KT_EXPECT_EQ(t, console_trygetc(), 'k');
	KT_EXPECT_EQ(t, console_trygetc(), -1);
}

KTEST_SUITE(drivers, KTEST_CASE(timer_ticks_agree_with_tsc),
	    KTEST_CASE(request_irq_refuses_taken_lines),
	    KTEST_CASE(console_input_keeps_order));
