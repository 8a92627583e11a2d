/*
 * In-kernel tests of threaded interrupt handlers and of the lines' safety
 * nets: a thread_fn that sleeps runs in irq/N-name while other threads go
 * on, once per batch of wake-ups, with a oneshot line masked until it
 * returns; disable_irq() waits for it; a handler that disables its own
 * line is warned; and a line whose handlers never claim an interrupt is
 * turned off with Linux's "nobody cared" report.  Interrupts are raised
 * in software on line 5 (irq_helpers.h says why).
 */
#include <kernel/irq.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#include "irq_helpers.h"

#define THREAD_SLEEP_MS 50
#define SPURIOUS_BATCH 100000 /* Linux's: 99,900 unhandled of these */

struct threaded {
	struct completion started, done;
	unsigned int primary, runs;
	bool finished;
	char comm[TASK_COMM_LEN];
};

static irqreturn_t quick_primary(int irq, void *dev_id)
{
	struct threaded *th = dev_id;

	th->primary++;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t sleepy_thread_fn(int irq, void *dev_id)
{
	struct threaded *th = dev_id;

	th->runs++;
	th->finished = false;
	memcpy(th->comm, current->comm, sizeof(th->comm));
	complete(&th->started);
	msleep(THREAD_SLEEP_MS);
	th->finished = true;
	complete(&th->done);
	return IRQ_HANDLED;
}

static void threaded_init(struct threaded *th)
{
	memset(th, 0, sizeof(*th));
	init_completion(&th->started);
	init_completion(&th->done);
}

/* @n interrupts before any thread may run: one batch of wake-ups. */
static void raise_batch(unsigned int n)
{
	uint64_t flags = irq_save();

	while (n--)
		test_raise_irq(TEST_IRQ);
	irq_restore(flags);
}

static void threaded_handler_sleeps_with_line_masked(struct ktest *t)
{
	struct threaded th;

	threaded_init(&th);
	KT_EXPECT_EQ(t,
		     request_threaded_irq(TEST_IRQ, quick_primary,
					  sleepy_thread_fn, IRQF_ONESHOT,
					  "test-thr", &th),
		     0);
	raise_batch(2);
	KT_EXPECT_EQ(t, th.primary, 2);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
	wait_for_completion(&th.started);
	/* This thread runs while the thread_fn sleeps; the line waits. */
	KT_EXPECT(t, !th.finished);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
	KT_EXPECT(t, !strcmp(th.comm, "irq/5-test-thr"));
	wait_for_completion(&th.done);
	synchronize_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, th.runs, 1); /* one run for the batch of two */
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	raise_batch(1);
	wait_for_completion(&th.done);
	synchronize_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, th.runs, 2);
	KT_EXPECT(t, !strcmp(free_irq(TEST_IRQ, &th), "test-thr"));
}

static void disable_irq_waits_for_the_thread(struct ktest *t)
{
	struct threaded th;

	threaded_init(&th);
	KT_EXPECT_EQ(t,
		     request_threaded_irq(TEST_IRQ, NULL, sleepy_thread_fn,
					  IRQF_ONESHOT, "test-wait", &th),
		     0);
	raise_batch(1);
	wait_for_completion(&th.started);
	disable_irq(TEST_IRQ);
	KT_EXPECT(t, th.finished);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ)); /* disabled, not oneshot */
	enable_irq(TEST_IRQ);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	free_irq(TEST_IRQ, &th);
}

static irqreturn_t disables_own_line(int irq, void *dev_id)
{
	disable_irq(irq);
	return IRQ_HANDLED;
}

#define OWN_LINE_MSG "disable_irq(5) from the line's own handler"

static void disable_irq_from_own_handler_is_warned(struct ktest *t)
{
	int logged = ktest_log_count(OWN_LINE_MSG);

	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, disables_own_line, 0, "test-own", t),
		     0);
	raise_batch(1);
	KT_EXPECT_EQ(t, ktest_log_count(OWN_LINE_MSG) - logged, 1);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ)); /* the disable still counts */
	enable_irq(TEST_IRQ);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	free_irq(TEST_IRQ, t);
}

static irqreturn_t never_mine(int irq, void *dev_id)
{
	unsigned int *calls = dev_id;

	(*calls)++;
	return IRQ_NONE;
}

#define NOBODY_CARED_MSG \
	"irq 5: nobody cared (try booting with the \"irqpoll\" option)"

static void nobody_cared_disables_the_line(struct ktest *t)
{
	int cared = ktest_log_count(NOBODY_CARED_MSG);
	int disabled = ktest_log_count("Disabling IRQ #5");
	int named = ktest_log_count("] never_mine");
	unsigned int calls = 0;

	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, never_mine, IRQF_SHARED, "test-deaf",
				 &calls),
		     0);
	for (unsigned int i = 0; i < SPURIOUS_BATCH - 1; i++)
		test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, ktest_log_count(NOBODY_CARED_MSG) - cared, 0);
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, ktest_log_count(NOBODY_CARED_MSG) - cared, 1);
	KT_EXPECT_EQ(t, ktest_log_count("Disabling IRQ #5") - disabled, 1);
	KT_EXPECT_EQ(t, ktest_log_count("] never_mine") - named, 1);
	KT_EXPECT(t, test_irq_masked(TEST_IRQ));
	test_raise_irq(TEST_IRQ);
	KT_EXPECT_EQ(t, calls, SPURIOUS_BATCH); /* off: not called again */
	free_irq(TEST_IRQ, &calls);
	/* A new handler gets the line back. */
	KT_EXPECT_EQ(t,
		     request_irq(TEST_IRQ, never_mine, IRQF_SHARED, "test-deaf",
				 &calls),
		     0);
	KT_EXPECT(t, !test_irq_masked(TEST_IRQ));
	free_irq(TEST_IRQ, &calls);
}

KTEST_SUITE(irq_thread, KTEST_CASE(threaded_handler_sleeps_with_line_masked),
	    KTEST_CASE(disable_irq_waits_for_the_thread),
	    KTEST_CASE(disable_irq_from_own_handler_is_warned),
	    KTEST_CASE(nobody_cared_disables_the_line));
