/*
 * In-kernel tests of pipes: data in order across many small and large
 * writes, end of file once the writer closes, EPIPE (and SIGPIPE) once
 * the reader has, O_NONBLOCK's EAGAIN both ways, a writer blocked on a
 * full pipe that a reader thread drains, and a reader blocked on an
 * empty one that a signal wakes.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define PIPE_BYTES (PIPE_PAGES * PAGE_SIZE)

static void eof_after_writer_closes(struct ktest *t)
{
	struct file *p[2];
	char buf[8];
	loff_t pos = 0;

	KT_EXPECT_EQ(t, create_pipe_files(p, 0), 0);
	KT_EXPECT_EQ(t, kernel_write(p[1], "abc", 3, &pos), 3);
	fput(p[1]);
	KT_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), &pos), 3);
	KT_EXPECT(t, !memcmp(buf, "abc", 3));
	KT_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), &pos), 0);
	fput(p[0]);
}

static void epipe_after_reader_closes(struct ktest *t)
{
	struct file *p[2];
	loff_t pos = 0;

	allow_signal(SIGPIPE);
	KT_EXPECT_EQ(t, create_pipe_files(p, 0), 0);
	fput(p[0]);
	KT_EXPECT_EQ(t, kernel_write(p[1], "x", 1, &pos), -EPIPE);
	KT_EXPECT(t, signal_pending(current));
	flush_signals(current);
	disallow_signal(SIGPIPE);
	fput(p[1]);
}

static void nonblock_eagain(struct ktest *t)
{
	static char big[PIPE_BYTES];
	struct file *p[2];
	char c;
	loff_t pos = 0;

	KT_EXPECT_EQ(t, create_pipe_files(p, O_NONBLOCK), 0);
	KT_EXPECT_EQ(t, kernel_read(p[0], &c, 1, &pos), -EAGAIN);
	KT_EXPECT_EQ(t, kernel_write(p[1], big, sizeof(big), &pos),
		     sizeof(big));
	KT_EXPECT_EQ(t, kernel_write(p[1], "x", 1, &pos), -EAGAIN);
	fput(p[0]);
	fput(p[1]);
}

static void small_writes_in_order(struct ktest *t)
{
	struct file *p[2];
	char buf[64];
	loff_t pos = 0;
	bool same = true;

	KT_EXPECT_EQ(t, create_pipe_files(p, 0), 0);
	for (int round = 0; round < 200; round++) {
		char c = (char)('a' + round % 26);

		KT_EXPECT_EQ(t, kernel_write(p[1], &c, 1, &pos), 1);
		KT_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), &pos), 1);
		same &= buf[0] == c;
	}
	KT_EXPECT(t, same);
	fput(p[0]);
	fput(p[1]);
}

struct pipe_reader {
	struct file *f;
	size_t total;
	bool in_order;
};

/* Read until end of file, checking each byte is its offset mod 251. */
static int pipe_reader_main(void *data)
{
	struct pipe_reader *r = data;
	char buf[700];
	loff_t pos = 0;
	ssize_t n;

	r->in_order = true;
	while ((n = kernel_read(r->f, buf, sizeof(buf), &pos)) > 0)
		for (ssize_t i = 0; i < n; i++, r->total++)
			r->in_order &= buf[i] == (char)(r->total % 251);
	return 0;
}

/* A writer filling the pipe many times over blocks until the reader,
 * another thread, drains it; every byte arrives once, in order. */
static void two_threads_large_writes(struct ktest *t)
{
	static char chunk[3 * PIPE_BUF];
	struct pipe_reader r = { 0 };
	struct task_struct *k;
	struct file *p[2];
	size_t sent = 0;
	loff_t pos = 0;

	KT_EXPECT_EQ(t, create_pipe_files(p, 0), 0);
	r.f = p[0];
	k = kthread_create_task(pipe_reader_main, &r, "pipe_reader");
	KT_EXPECT(t, k);
	if (!k)
		return;
	get_task_struct(k);
	wake_up_process(k);
	for (int i = 0; i < 40; i++) {
		for (size_t j = 0; j < sizeof(chunk); j++)
			chunk[j] = (char)((sent + j) % 251);
		KT_EXPECT_EQ(t, kernel_write(p[1], chunk, sizeof(chunk), &pos),
			     sizeof(chunk));
		sent += sizeof(chunk);
	}
	fput(p[1]);
	wait_for_completion(&k->exited);
	put_task_struct(k);
	KT_EXPECT_EQ(t, r.total, sent);
	KT_EXPECT(t, r.in_order);
	fput(p[0]);
}

struct blocked_read {
	struct file *f;
	ssize_t ret;
};

static int blocked_read_main(void *data)
{
	struct blocked_read *b = data;
	loff_t pos = 0;
	char c;

	allow_signal(SIGINT);
	b->ret = kernel_read(b->f, &c, 1, &pos);
	return 0;
}

/* A reader asleep on an empty pipe wakes on a signal: -ERESTARTSYS. */
static void signal_ends_a_blocked_read(struct ktest *t)
{
	struct blocked_read b = { .ret = 1 };
	struct task_struct *k;
	struct file *p[2];

	KT_EXPECT_EQ(t, create_pipe_files(p, 0), 0);
	b.f = p[0];
	k = kthread_create_task(blocked_read_main, &b, "pipe_blocked");
	KT_EXPECT(t, k);
	if (!k)
		return;
	get_task_struct(k);
	wake_up_process(k);
	schedule_timeout_uninterruptible(2); /* it sleeps in the read */
	KT_EXPECT_EQ(t, b.ret, 1);
	send_sig(SIGINT, k, 1);
	wait_for_completion(&k->exited);
	put_task_struct(k);
	KT_EXPECT_EQ(t, b.ret, -ERESTARTSYS);
	fput(p[0]);
	fput(p[1]);
}

KTEST_SUITE(pipe, KTEST_CASE(eof_after_writer_closes),
	    KTEST_CASE(epipe_after_reader_closes), KTEST_CASE(nonblock_eagain),
	    KTEST_CASE(small_writes_in_order),
	    KTEST_CASE(two_threads_large_writes),
	    KTEST_CASE(signal_ends_a_blocked_read));
