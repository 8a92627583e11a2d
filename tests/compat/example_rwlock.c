/*
 * example_rwlock.c - atomic_t arithmetic, and a pair of values kept
 * equal under an rwlock_t: a reader thread checks the pair while a
 * writer thread changes it, and never sees it half written.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define READS 20000
#define WRITES 2000

static DEFINE_RWLOCK(pair_lock);
static long pair_a, pair_b; /* equal whenever pair_lock is free */
static atomic_t torn_reads;
static atomic64_t reads_done;
static DECLARE_COMPLETION(reader_done);
static DECLARE_COMPLETION(writer_done);
static struct task_struct *reader, *writer;

static void atomic_tour(void)
{
	atomic_t v = ATOMIC_INIT(5);
	atomic64_t big = ATOMIC64_INIT(1ll << 40);
	int saw;

	pr_info("atomic: add_return(3) = %d\n", atomic_add_return(3, &v));
	saw = atomic_cmpxchg(&v, 8, 10);
	pr_info("atomic: cmpxchg(8 -> 10) saw %d, now %d\n", saw,
		atomic_read(&v));
	saw = atomic_cmpxchg(&v, 8, 12);
	pr_info("atomic: cmpxchg(8 -> 12) saw %d, now %d\n", saw,
		atomic_read(&v));
	atomic_sub(9, &v);
	pr_info("atomic: dec_and_test at 1: %s\n",
		atomic_dec_and_test(&v) ? "true" : "false");
	pr_info("atomic64: inc_return = %lld\n",
		(long long)atomic64_inc_return(&big));
}

static int wait_for_stop(void)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static int reader_fn(void *unused)
{
	int i;

	for (i = 0; i < READS; i++) {
		read_lock(&pair_lock);
		if (pair_a != pair_b)
			atomic_inc(&torn_reads);
		read_unlock(&pair_lock);
		atomic64_inc(&reads_done);
		if (i % 64 == 0)
			cond_resched();
	}
	complete(&reader_done);
	return wait_for_stop();
}

static int writer_fn(void *unused)
{
	int i;

	for (i = 0; i < WRITES; i++) {
		write_lock(&pair_lock);
		pair_a++;
		pair_b++;
		write_unlock(&pair_lock);
		cond_resched();
	}
	complete(&writer_done);
	return wait_for_stop();
}

static int __init example_rwlock_init(void)
{
	atomic_tour();
	pair_a = pair_b = 0;
	atomic_set(&torn_reads, 0);
	atomic64_set(&reads_done, 0);
	reinit_completion(&reader_done);
	reinit_completion(&writer_done);
	reader = kthread_run(reader_fn, NULL, "pair_reader");
	if (IS_ERR(reader))
		return PTR_ERR(reader);
	writer = kthread_run(writer_fn, NULL, "pair_writer");
	if (IS_ERR(writer)) {
		kthread_stop(reader);
		return PTR_ERR(writer);
	}
	if (!wait_for_completion_timeout(&reader_done, 10 * HZ) ||
	    !wait_for_completion_timeout(&writer_done, 10 * HZ)) {
		pr_err("example_rwlock: threads did not finish in 10 s\n");
		kthread_stop(writer);
		kthread_stop(reader);
		return -ETIMEDOUT;
	}
	pr_info("rwlock: %lld reads, %ld writes, %d torn\n",
		(long long)atomic64_read(&reads_done), pair_a,
		atomic_read(&torn_reads));
	return 0;
}

static void __exit example_rwlock_exit(void)
{
	kthread_stop(writer);
	kthread_stop(reader);
	pr_info("example_rwlock: threads stopped\n");
}

module_init(example_rwlock_init);
module_exit(example_rwlock_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("atomic_t, and an rwlock_t between a reader and a writer");
