/*
 * In-kernel tests of console input as the shell reads it: a reader asleep
 * in wait_event_interruptible() stays off the run queue (nothing polls)
 * until a pushed byte wakes it through console_input_ops, and Ctrl-C is
 * seen in the push itself -- the reader is sent SIGINT -- so a reader
 * blocked on something else (a command) hears it too, while the byte
 * stays queued in order for the line editor.
 */
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <kernel/console.h>
#include <kernel/ktest.h>

static DECLARE_WAIT_QUEUE_HEAD(reader_wq);
static struct task_struct *reader;

static void test_ready(void)
{
	wake_up(&reader_wq);
}

static void test_interrupt(void)
{
	send_sig(SIGINT, reader, 1);
}

static const struct console_input_ops test_ops = {
	.ready = test_ready,
	.interrupt = test_interrupt,
};

struct reading {
	bool blocked; /* waits as a command would, not for input */
	int got;      /* the byte read, or the error the wait returned */
	int reads;    /* how many waits ended */
};

/* What ends the reader's wait: input, or nothing (blocked), or a stop. */
static bool reader_may_go(const struct reading *r)
{
	return (!r->blocked && console_input_pending()) ||
	       kthread_should_stop();
}

/* Read one byte per wake-up, as the shell does, until stopped. */
static int reader_fn(void *data)
{
	struct reading *r = data;

	allow_signal(SIGINT);
	while (!kthread_should_stop()) {
		int err = wait_event_interruptible(reader_wq, reader_may_go(r));

		if (err)
			r->got = err;
		else if (!r->blocked)
			r->got = console_trygetc();
		r->reads++;
		flush_signals(current);
	}
	return 0;
}

static bool reader_start(struct ktest *t, struct reading *r)
{
	while (console_trygetc() >= 0)
		;
	reader = kthread_run(reader_fn, r, "t_reader");
	KT_EXPECT(t, !IS_ERR(reader));
	if (IS_ERR(reader))
		return false;
	console_input_register(&test_ops);
	yield();
	return true;
}

static void reader_stop(void)
{
	console_input_register(NULL);
	kthread_stop(reader);
}

static void input_wakes_a_sleeping_reader(struct ktest *t)
{
	struct reading r = { 0 };

	if (!reader_start(t, &r))
		return;
	/* Asleep and off the run queue: a yield does not run it again. */
	KT_EXPECT_EQ(t, reader->state, TASK_INTERRUPTIBLE);
	yield();
	KT_EXPECT_EQ(t, r.reads, 0);
	console_input_push('x');
	KT_EXPECT_EQ(t, reader->state, TASK_RUNNING);
	yield();
	KT_EXPECT_EQ(t, r.reads, 1);
	KT_EXPECT_EQ(t, r.got, 'x');
	KT_EXPECT_EQ(t, reader->state, TASK_INTERRUPTIBLE);
	reader_stop();
}

static void ctrl_c_interrupts_a_blocked_reader_and_stays_queued(struct ktest *t)
{
	struct reading r = { .blocked = true };

	if (!reader_start(t, &r))
		return;
	console_input_push('a');
	yield();
	KT_EXPECT_EQ(t, r.reads, 0); /* input does not end its wait */
	console_input_push(CONSOLE_INTR_CHAR);
	yield();
	KT_EXPECT_EQ(t, r.reads, 1);
	KT_EXPECT_EQ(t, r.got, -ERESTARTSYS);
	reader_stop();
	KT_EXPECT_EQ(t, console_trygetc(), 'a');
	KT_EXPECT_EQ(t, console_trygetc(), CONSOLE_INTR_CHAR);
}

static void without_a_reader_ctrl_c_is_only_queued(struct ktest *t)
{
	while (console_trygetc() >= 0)
		;
	console_input_push(CONSOLE_INTR_CHAR);
	KT_EXPECT_EQ(t, console_trygetc(), CONSOLE_INTR_CHAR);
}

KTEST_SUITE(console_input, KTEST_CASE(input_wakes_a_sleeping_reader),
	    KTEST_CASE(ctrl_c_interrupts_a_blocked_reader_and_stays_queued),
	    KTEST_CASE(without_a_reader_ctrl_c_is_only_queued));
