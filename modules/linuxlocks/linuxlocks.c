/*
 * The locks and counters through Linux's headers only, as a module for
 * Linux would use them: each lock taken and given back, each trylock
 * checked, each counter read.  Init fails with -EIO, naming the check,
 * if any result is not Linux's.
 */
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(ll_mutex);
static DEFINE_SEMAPHORE(ll_binary);  /* Linux 6.1's form: count 1 */
static DEFINE_SEMAPHORE(ll_pair, 2); /* the later kernels' form */
static DECLARE_RWSEM(ll_rwsem);
static DEFINE_RWLOCK(ll_rwlock);
static atomic_long_t ll_long = ATOMIC_LONG_INIT(40);

#define CHECK(cond)                                                \
	do {                                                       \
		if (!(cond)) {                                     \
			pr_err("linuxlocks: failed: %s\n", #cond); \
			return -EIO;                               \
		}                                                  \
	} while (0)

static int ll_sleeping_locks(void)
{
	CHECK(mutex_lock_interruptible(&ll_mutex) == 0);
	CHECK(mutex_is_locked(&ll_mutex) && !mutex_trylock(&ll_mutex));
	mutex_unlock(&ll_mutex);
	CHECK(down_trylock(&ll_binary) == 0 && down_trylock(&ll_binary) == 1);
	up(&ll_binary);
	CHECK(down_interruptible(&ll_pair) == 0 &&
	      down_killable(&ll_pair) == 0);
	CHECK(down_trylock(&ll_pair) == 1);
	up(&ll_pair);
	up(&ll_pair);
	down_read(&ll_rwsem);
	CHECK(down_read_trylock(&ll_rwsem) && !down_write_trylock(&ll_rwsem));
	up_read(&ll_rwsem);
	up_read(&ll_rwsem);
	down_write(&ll_rwsem);
	downgrade_write(&ll_rwsem);
	up_read(&ll_rwsem);
	return 0;
}

static int ll_spinning_locks_and_counters(void)
{
	unsigned long flags;
	refcount_t ref = REFCOUNT_INIT(1);

	read_lock_irqsave(&ll_rwlock, flags);
	CHECK(!write_trylock(&ll_rwlock) && read_trylock(&ll_rwlock));
	read_unlock(&ll_rwlock);
	read_unlock_irqrestore(&ll_rwlock, flags);
	write_lock_bh(&ll_rwlock);
	write_unlock_bh(&ll_rwlock);
	CHECK(atomic_long_add_return(2, &ll_long) == 42);
	refcount_inc(&ref);
	CHECK(!refcount_dec_and_test(&ref) && refcount_dec_and_test(&ref));
	return 0;
}

static int __init linuxlocks_init(void)
{
	int err = ll_sleeping_locks();

	if (!err)
		err = ll_spinning_locks_and_counters();
	if (!err)
		pr_info("linuxlocks: every lock and counter as on Linux\n");
	return err;
}

static void __exit linuxlocks_exit(void)
{
	mutex_destroy(&ll_mutex);
}

module_init(linuxlocks_init);
module_exit(linuxlocks_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("the locks and counters through Linux's headers");
