/*
 * In-kernel tests of request_irq() and its rules: shared lines call every
 * handler and count each interrupt once, the sharing rules refuse what
 * Linux refuses, disable_irq() nests, freeing one sharer leaves the
 * other, and an interrupt no handler takes counts in ERR:.  No device of QEMU's PC drives line 5 (nor 3 without a second
 * serial port), so the interrupts are raised with generic_handle_irq(),
 * Linux's path for an interrupt decoded in software; the 8259's mask
 * register is read to see what the line really does.
 */
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/irq.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/x86.h>

#include "irq_helpers.h"

struct counter {
	unsigned int calls;
	int irq;
};

static irqreturn_t count_handled(int irq, void *dev_id)
{
	struct counter *c = dev_id;

	c->calls++;
	c->irq = irq;
	return IRQ_HANDLED;
}

static irqreturn_t count_none(int irq, void *dev_id)
{
	struct counter *c = dev_id;

	c->calls++;
	return IRQ_NONE;
}

static irqreturn_t wake_thread(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thread_noop(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void shared_line_calls_every_handler(struct ktest *t)
{
	struct counter a = { 0 }, b = { 0 };
	unsigned int before = kstat_irqs(TEST_IRQ);

	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_none, IRQF_SHARED, "test-none",
				 &a),
		     0);
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED,
				 "test-handled", &b),
		     0);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	for (int i = 0; i < 3; i++)
		test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, a.calls, 3);
	KT_EXPECT_EQ(t, b.calls, 3);
	KT_EXPECT_EQ(t, b.irq, TEST_IRQ);
	KT_EXPECT_EQ(t, kstat_irqs(TEST_IRQ) - before, 3);
	KT_EXPECT(t, !strcmp(free_irq(TEST_IRQ, &a), "test-none"));
	KT_EXPECT(t, !strcmp(free_irq(TEST_IRQ, &b), "test-handled"));
	KT_EXPECT(t, test_irq_masked(TEST_IRQ)); /* no handler left */
}

#define MISMATCH_MSG \
	"Flags mismatch irq 5. 00000080 (test-b) vs. 00000000 (test-a)"

static void sharing_rules_refuse_mismatches(struct ktest *t)
{
	struct counter a = { 0 }, b = { 0 };
	int logged;

	KT_EXPECT_EQ(t, request_irq(TEST_IRQ, count_handled, 0, "test-a", &a),
		     0);
	/* The first did not offer to share: nobody joins it. */
	logged = ktest_log_count(MISMATCH_MSG);
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED, "test-b",
				 &b),
		     -EBUSY);
	KT_EXPECT_EQ(t, ktest_log_count(MISMATCH_MSG) - logged, 1);
	free_irq(TEST_IRQ, &a);
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED, "test-a",
				 &a),
		     0);
	/* Sharers must agree on the trigger and on oneshot too. */
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled,
				 IRQF_SHARED | IRQF_TRIGGER_RISING, "test-b",
				 &b),
		     -EBUSY);
	KT_EXPECT_EQ(t,
		     request_threaded_irq(TEST_IRQ, wake_thread, thread_noop,
					  IRQF_SHARED | IRQF_ONESHOT, "test-b",
					  &b),
		     -EBUSY);
	/* IRQF_PROBE_SHARED: the refusal was expected, so not reported. */
	logged = ktest_log_count("(test-probe)");
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_PROBE_SHARED,
				 "test-probe", &b),
		     -EBUSY);
	KT_EXPECT_EQ(t, ktest_log_count("(test-probe)") - logged, 0);
	free_irq(TEST_IRQ, &a);
}

#define NOONESHOT_MSG \
	"Threaded irq requested with handler=NULL and !ONESHOT for test-noos (irq 5)"

static void bad_requests_are_refused(struct ktest *t)
{
	struct counter a = { 0 };
	int logged = ktest_log_count(NOONESHOT_MSG);

	KT_EXPECT_EQ(t, request_irq(IRQ_COUNT, count_handled, 0, "test", &a),
		     -EINVAL);
	KT_EXPECT_EQ(t, request_irq(TEST_IRQ, NULL, 0, "test", &a), -EINVAL);
	/* A shared handler needs a dev_id: free_irq() tells sharers by it. */
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED, "test",
				 NULL),
		     -EINVAL);
	/* No primary handler: only a oneshot line may wait for the thread. */
	KT_EXPECT_EQ(t,
		     request_threaded_irq(TEST_IRQ, NULL, wake_thread, 0,
					  "test-noos", &a),
		     -EINVAL);
	KT_EXPECT_EQ(t, ktest_log_count(NOONESHOT_MSG) - logged, 1);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
}

static void disable_and_enable_nest(struct ktest *t)
{
	struct counter a = { 0 };
	int logged = ktest_log_count("Unbalanced enable for IRQ 5");

	KT_EXPECT_EQ(t, request_irq(TEST_IRQ, count_handled, 0, "test", &a), 0);
	disable_irq(TEST_IRQ);
	disable_irq_nosync(TEST_IRQ);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, a.calls, 0);
	enable_irq(TEST_IRQ);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ)); /* one level still */
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, a.calls, 0);
	enable_irq(TEST_IRQ);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, a.calls, 1);
	enable_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, ktest_log_count("Unbalanced enable for IRQ 5") - logged,
		     1);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ)); /* nothing changed */
	free_irq(TEST_IRQ, &a);
}

static void free_irq_of_one_sharer_leaves_the_other(struct ktest *t)
{
	struct counter a = { 0 }, b = { 0 };
	int logged = ktest_log_count("Trying to free already-free IRQ 5");

	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED, "test-a",
				 &a),
		     0);
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, count_handled, IRQF_SHARED, "test-b",
				 &b),
		     0);
	KT_EXPECT(t, !strcmp(free_irq(TEST_IRQ, &a), "test-a"));
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, a.calls, 0);
	KT_EXPECT_EQ(t, b.calls, 1);
	/* The same dev_id again: that handler is gone. */
	KT_EXPECT(t, free_irq(TEST_IRQ, &a) == NULL);
	KT_EXPECT_EQ(t,
		     ktest_log_count("Trying to free already-free IRQ 5") -
			     logged,
		     1);
	KT_EXPECT(t, !strcmp(free_irq(TEST_IRQ, &b), "test-b"));
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
}

static void unhandled_interrupts_count_as_errors(struct ktest *t)
{
	unsigned int errors = irq_err_count_get();
	unsigned int before = kstat_irqs(TEST_IRQ);

	test_raise_irq(TEST_IRQ); /* no handler on the line */
	KT_EXPECT_EQ(t, irq_err_count_get() - errors, 1);
	KT_EXPECT_EQ(t, kstat_irqs(TEST_IRQ), before);
}

KTEST_SUITE(irq, KTEST_CASE(shared_line_calls_every_handler),
	    KTEST_CASE(sharing_rules_refuse_mismatches),
	    KTEST_CASE(bad_requests_are_refused),
	    KTEST_CASE(disable_and_enable_nest),
	    KTEST_CASE(free_irq_of_one_sharer_leaves_the_other),
	    KTEST_CASE(unhandled_interrupts_count_as_errors));
