/*
 * The sleeping locks (suite locking): mutexes handed over in the order
 * their waiters came, with an owner, a trylock that fails while held and
 * interruptible and killable locks that give -EINTR; counting semaphores;
 * rw_semaphores whose readers share and whose waiting writer is not
 * overtaken.  Each contention test runs kernel threads and lets them
 * settle with yield(): switching is FIFO, so the order is exact.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/mutex.h>
#include <kernel/rwsem.h>
#include <kernel/sched.h>
#include <kernel/semaphore.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "modfiles.h"

#define THREADS 3
/* Enough yields for every thread of a test to run as far as it can. */
#define SETTLE_YIELDS 20

static void settle(void)
{
	for (int i = 0; i < SETTLE_YIELDS; i++)
		yield();
}

/* What the threads of a test did, in order: one letter each step. */
static char order[16];
static size_t norder;

static void note(char c)
{
	if (norder < sizeof(order) - 1)
		order[norder++] = c;
	order[norder] = '\0';
}

static void reset_order(void)
{
	norder = 0;
	order[0] = '\0';
}

/* A kernel thread running @fn(@data), woken, with a reference held. */
static struct task_struct *start(struct ktest *t, int (*fn)(void *), void *data,
				 const char *name)
{
	struct task_struct *k = kthread_create_task(fn, data, "%s", name);

	KT_EXPECT(t, k != NULL);
	if (!k)
		return NULL;
	get_task_struct(k);
	wake_up_process(k);
	return k;
}

/* Wait for a start()ed thread to end; its result. */
static int finish(struct task_struct *k)
{
	int ret;

	if (!k)
		return -ESRCH;
	ret = kthread_stop(k);
	put_task_struct(k);
	return ret;
}

/* ---- Mutexes ---- */

static struct mutex test_mutex = MUTEX_INITIALIZER(test_mutex);

/* Lock, note the thread's letter (data), unlock. */
static int mutex_locker(void *data)
{
	mutex_lock_at(&test_mutex, TASK_UNINTERRUPTIBLE, 0);
	note(*(const char *)data);
	mutex_unlock_at(&test_mutex, 0);
	return 0;
}

static void mutex_waiters_get_it_in_arrival_order(struct ktest *t)
{
	static const char names[THREADS] = { 'a', 'b', 'c' };
	struct task_struct *k[THREADS];

	reset_order();
	KT_EXPECT_EQ(t, mutex_lock_at(&test_mutex, TASK_UNINTERRUPTIBLE, 0), 0);
	KT_EXPECT(t, mutex_owner(&test_mutex) == current);
	for (int i = 0; i < THREADS; i++) {
		k[i] = start(t, mutex_locker, (void *)&names[i],
			     "mutex_waiter");
		yield(); /* each queues before the next starts */
	}
	settle();
	KT_EXPECT_EQ(t, norder, 0); /* all three asleep on it */
	KT_EXPECT_EQ(t, mutex_trylock(&test_mutex), 0);
	mutex_unlock_at(&test_mutex, 0);
	/* Handed over: the first waiter owns it before it has even run. */
	KT_EXPECT(t, k[0] && mutex_owner(&test_mutex) == k[0]);
	KT_EXPECT_EQ(t, mutex_trylock(&test_mutex), 0);
	for (int i = 0; i < THREADS; i++)
		finish(k[i]);
	KT_EXPECT(t, !strcmp(order, "abc"));
	KT_EXPECT(t, !mutex_is_locked(&test_mutex));
	KT_EXPECT_EQ(t, mutex_trylock(&test_mutex), 1);
	mutex_unlock_at(&test_mutex, 0);
}

/* Lock in the state in data (allowing SIGTERM and SIGKILL): its result. */
static int mutex_signalled(void *data)
{
	int ret;

	allow_signal(SIGTERM);
	allow_signal(SIGKILL);
	ret = mutex_lock_at(&test_mutex, *(unsigned int *)data, 0);
	note('x');
	if (!ret)
		mutex_unlock_at(&test_mutex, 0);
	return ret;
}

static void mutex_lock_interruptible_gives_eintr_on_a_signal(struct ktest *t)
{
	unsigned int state = TASK_INTERRUPTIBLE;
	struct task_struct *k;

	reset_order();
	mutex_lock_at(&test_mutex, TASK_UNINTERRUPTIBLE, 0);
	k = start(t, mutex_signalled, &state, "mutex_intr");
	settle();
	KT_EXPECT_EQ(t, norder, 0);
	if (k)
		send_sig(SIGTERM, k, 0);
	settle();
	KT_EXPECT_EQ(t, norder, 1);	    /* it left the wait... */
	KT_EXPECT_EQ(t, finish(k), -EINTR); /* ...without the mutex */
	KT_EXPECT(t, mutex_owner(&test_mutex) == current);
	KT_EXPECT(t, list_empty(&test_mutex.wait_list));
	mutex_unlock_at(&test_mutex, 0);
}

static void mutex_lock_killable_ends_on_sigkill_only(struct ktest *t)
{
	unsigned int state = TASK_KILLABLE;
	struct task_struct *k;

	reset_order();
	mutex_lock_at(&test_mutex, TASK_UNINTERRUPTIBLE, 0);
	k = start(t, mutex_signalled, &state, "mutex_kill");
	settle();
	if (k)
		send_sig(SIGTERM, k, 0);
	settle();
	KT_EXPECT_EQ(t, norder, 0); /* SIGTERM does not end a killable wait */
	if (k)
		send_sig(SIGKILL, k, 0);
	settle();
	KT_EXPECT_EQ(t, norder, 1);
	KT_EXPECT_EQ(t, finish(k), -EINTR);
	KT_EXPECT(t, mutex_owner(&test_mutex) == current);
	mutex_unlock_at(&test_mutex, 0);
}

/* Take the mutex and hold it until stopped. */
static int mutex_holder(void *data)
{
	mutex_lock_at(&test_mutex, TASK_UNINTERRUPTIBLE, 0);
	while (!kthread_should_stop())
		yield();
	mutex_unlock_at(&test_mutex, 0);
	return 0;
}

static void mutex_unlock_by_another_task_is_ignored(struct ktest *t)
{
	struct task_struct *k = start(t, mutex_holder, NULL, "mutex_holder");

	yield();
	KT_EXPECT(t, k && mutex_owner(&test_mutex) == k);
	/*
	 * Reported with a backtrace, and the owner keeps it.  In the debug
	 * kernel lockdep sees a release of a lock current does not hold: its
	 * report is the one this test asks for, so it is kept quiet and
	 * lockdep stays on for the suites after this one.
	 */
	lockdep_selftest_begin();
	mutex_unlock_at(&test_mutex, _THIS_IP_);
	KT_EXPECT(t, lockdep_selftest_end());
	KT_EXPECT(t, k && mutex_owner(&test_mutex) == k);
	KT_EXPECT_EQ(t, finish(k), 0);
	KT_EXPECT(t, !mutex_is_locked(&test_mutex));
}

/* ---- Semaphores ---- */

static struct semaphore test_sem;
static struct completion sem_go;

/* down(), note, wait for the test's go, up(). */
static int sem_user(void *data)
{
	down(&test_sem);
	note('d');
	wait_for_completion(&sem_go);
	up(&test_sem);
	return 0;
}

static void semaphore_of_two_lets_two_through(struct ktest *t)
{
	struct task_struct *k[THREADS];

	reset_order();
	sema_init(&test_sem, 2);
	init_completion(&sem_go);
	for (int i = 0; i < THREADS; i++)
		k[i] = start(t, sem_user, NULL, "sem_user");
	settle();
	KT_EXPECT_EQ(t, norder, 2); /* the third sleeps in down() */
	KT_EXPECT_EQ(t, down_trylock(&test_sem), 1);
	complete(&sem_go); /* one holder's up() lets the third in */
	settle();
	KT_EXPECT_EQ(t, norder, 3);
	complete_all(&sem_go);
	for (int i = 0; i < THREADS; i++)
		finish(k[i]);
	KT_EXPECT_EQ(t, test_sem.count, 2);
	KT_EXPECT_EQ(t, down_trylock(&test_sem), 0);
	KT_EXPECT_EQ(t, down_trylock(&test_sem), 0);
	KT_EXPECT_EQ(t, down_trylock(&test_sem), 1);
}

static int sem_upper(void *data)
{
	up(&test_sem);
	return 0;
}

static int sem_interrupted(void *data)
{
	allow_signal(SIGTERM);
	return down_interruptible(&test_sem);
}

static void semaphore_up_from_another_thread_and_eintr(struct ktest *t)
{
	struct task_struct *k;

	sema_init(&test_sem, 0);
	k = start(t, sem_upper, NULL, "sem_upper");
	down(&test_sem); /* sleeps until the thread's up() */
	KT_EXPECT_EQ(t, finish(k), 0);
	KT_EXPECT_EQ(t, test_sem.count, 0);
	k = start(t, sem_interrupted, NULL, "sem_intr");
	settle();
	if (k)
		send_sig(SIGTERM, k, 0);
	KT_EXPECT_EQ(t, finish(k), -EINTR);
	KT_EXPECT(t, list_empty(&test_sem.wait_list));
}

static void down_timeout_gives_etime_or_the_slot(struct ktest *t)
{
	unsigned long start_j;
	struct task_struct *k;

	sema_init(&test_sem, 0);
	start_j = jiffies;
	KT_EXPECT_EQ(t, down_timeout(&test_sem, 3), -ETIME);
	KT_EXPECT(t, jiffies - start_j >= 3);
	KT_EXPECT(t, list_empty(&test_sem.wait_list));
	k = start(t, sem_upper, NULL, "sem_upper");
	KT_EXPECT_EQ(t, down_timeout(&test_sem, HZ), 0);
	KT_EXPECT_EQ(t, finish(k), 0);
}

/* ---- rw_semaphores ---- */

static struct rw_semaphore test_rwsem;
static struct completion rwsem_go;

/* Take the rwsem to read ('r') or write ('w'), note, wait for go, leave. */
static int rwsem_user(void *data)
{
	char kind = *(const char *)data;

	if (kind == 'w')
		down_write(&test_rwsem);
	else
		down_read(&test_rwsem);
	note(kind);
	wait_for_completion(&rwsem_go);
	if (kind == 'w')
		up_write(&test_rwsem);
	else
		up_read(&test_rwsem);
	return 0;
}

static void rwsem_readers_share_and_a_writer_is_not_starved(struct ktest *t)
{
	static const char kinds[] = "rwr";
	struct task_struct *k[3];

	reset_order();
	init_rwsem(&test_rwsem);
	init_completion(&rwsem_go);
	down_read(&test_rwsem);
	for (int i = 0; i < 3; i++) {
		k[i] = start(t, rwsem_user, (void *)&kinds[i], "rwsem_user");
		yield();
	}
	settle();
	/* The first reader shares; the writer waits, and so does the
	 * reader that came after it. */
	KT_EXPECT(t, !strcmp(order, "r"));
	KT_EXPECT_EQ(t, down_read_trylock(&test_rwsem), 0);
	KT_EXPECT_EQ(t, down_write_trylock(&test_rwsem), 0);
	up_read(&test_rwsem);
	complete(&rwsem_go); /* the first reader leaves: the writer's turn */
	settle();
	KT_EXPECT(t, !strcmp(order, "rw"));
	complete_all(&rwsem_go);
	for (int i = 0; i < 3; i++)
		finish(k[i]);
	KT_EXPECT(t, !strcmp(order, "rwr"));
	KT_EXPECT(t, !rwsem_is_locked(&test_rwsem));
}

static void rwsem_downgrade_lets_waiting_readers_in(struct ktest *t)
{
	static const char reader = 'r';
	struct task_struct *k[2];

	reset_order();
	init_rwsem(&test_rwsem);
	init_completion(&rwsem_go);
	down_write(&test_rwsem);
	for (int i = 0; i < 2; i++)
		k[i] = start(t, rwsem_user, (void *)&reader, "rwsem_reader");
	settle();
	KT_EXPECT_EQ(t, norder, 0);
	downgrade_write(&test_rwsem);
	settle();
	KT_EXPECT(t, !strcmp(order, "rr")); /* both in, beside current */
	KT_EXPECT_EQ(t, test_rwsem.readers, 3);
	up_read(&test_rwsem);
	complete_all(&rwsem_go);
	for (int i = 0; i < 2; i++)
		finish(k[i]);
	KT_EXPECT_EQ(t, down_write_trylock(&test_rwsem), 1);
	up_write(&test_rwsem);
}

/* ---- Through Linux's headers, from a module ---- */

static void a_module_uses_the_locks_through_linux_headers(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	/* Its init fails with -EIO, naming the check, on any wrong result. */
	KT_EXPECT_EQ(t, ktest_load_quiet("linuxlocks", NULL), 0);
	KT_EXPECT_EQ(t, ktest_remove_quiet("linuxlocks"), 0);
}

KTEST_SUITE(locking, KTEST_CASE(mutex_waiters_get_it_in_arrival_order),
	    KTEST_CASE(mutex_lock_interruptible_gives_eintr_on_a_signal),
	    KTEST_CASE(mutex_lock_killable_ends_on_sigkill_only),
	    KTEST_CASE(mutex_unlock_by_another_task_is_ignored),
	    KTEST_CASE(semaphore_of_two_lets_two_through),
	    KTEST_CASE(semaphore_up_from_another_thread_and_eintr),
	    KTEST_CASE(down_timeout_gives_etime_or_the_slot),
	    KTEST_CASE(rwsem_readers_share_and_a_writer_is_not_starved),
	    KTEST_CASE(rwsem_downgrade_lets_waiting_readers_in),
	    KTEST_CASE(a_module_uses_the_locks_through_linux_headers));
