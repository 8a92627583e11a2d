/*
 * Lock-free counters and spinning locks (suite atomics): atomic_t and
 * atomic64_t operations give Linux's results, refcount_t saturates and
 * warns with Linux's messages instead of wrapping, kref calls its release
 * once, and rwlock_t raises preempt_count while held and lets readers
 * share but not a writer in.
 */
#include <kernel/atomic.h>
#include <kernel/ktest.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/refcount.h>
#include <kernel/rwlock.h>
#include <kernel/string.h>
#include <linux/kref.h>

static void atomic_operations_give_linux_results(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(5);
	int old = 7;

	atomic_add(3, &v);
	atomic_sub(1, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	KT_EXPECT_EQ(t, atomic_read(&v), 7);
	KT_EXPECT_EQ(t, atomic_add_return(3, &v), 10);
	KT_EXPECT_EQ(t, atomic_sub_return(4, &v), 6);
	KT_EXPECT_EQ(t, atomic_fetch_add(1, &v), 6);
	KT_EXPECT_EQ(t, atomic_fetch_sub(2, &v), 7);
	KT_EXPECT_EQ(t, atomic_inc_return(&v), 6);
	KT_EXPECT_EQ(t, atomic_dec_return(&v), 5);
	KT_EXPECT_EQ(t, atomic_xchg(&v, 1), 5);
	KT_EXPECT(t, atomic_dec_and_test(&v));
	KT_EXPECT(t, !atomic_inc_and_test(&v));
	KT_EXPECT(t, atomic_sub_and_test(1, &v));
	KT_EXPECT(t, atomic_add_negative(-1, &v));
	KT_EXPECT(t, atomic_inc_and_test(&v));
	KT_EXPECT_EQ(t, atomic_cmpxchg(&v, 1, 9), 0); /* no swap */
	KT_EXPECT_EQ(t, atomic_cmpxchg(&v, 0, 9), 0);
	KT_EXPECT_EQ(t, atomic_read(&v), 9);
	KT_EXPECT(t, !atomic_try_cmpxchg(&v, &old, 3));
	KT_EXPECT_EQ(t, old, 9); /* the value found */
	KT_EXPECT(t, atomic_try_cmpxchg(&v, &old, 3));
	KT_EXPECT(t, !atomic_add_unless(&v, 1, 3));
	KT_EXPECT(t, atomic_add_unless(&v, 1, 0));
	KT_EXPECT(t, atomic_inc_not_zero(&v));
	KT_EXPECT_EQ(t, atomic_read(&v), 5);
	atomic_set(&v, 0);
	KT_EXPECT(t, !atomic_inc_not_zero(&v));
	KT_EXPECT_EQ(t, atomic_dec_if_positive(&v), -1);
	KT_EXPECT_EQ(t, atomic_read(&v), 0);
}

static void atomic_bit_operations_give_linux_results(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(0x0f);

	atomic_or(0x30, &v);
	atomic_and(0x3c, &v);
	atomic_xor(0x01, &v);
	atomic_andnot(0x04, &v);
	KT_EXPECT_EQ(t, atomic_read(&v), 0x39);
	KT_EXPECT_EQ(t, atomic_fetch_or(0x40, &v), 0x39);
	KT_EXPECT_EQ(t, atomic_fetch_and(0x70, &v), 0x79);
	KT_EXPECT_EQ(t, atomic_fetch_xor(0x10, &v), 0x70);
	KT_EXPECT_EQ(t, atomic_fetch_andnot(0x20, &v), 0x60);
	KT_EXPECT_EQ(t, atomic_read(&v), 0x40);
}

static void atomic64_holds_64_bits(struct ktest *t)
{
	atomic64_t v = ATOMIC64_INIT(1ll << 40);
	int64_t old = 0;

	KT_EXPECT_EQ(t, atomic64_add_return(1ll << 40, &v), 1ll << 41);
	KT_EXPECT_EQ(t, atomic64_fetch_sub(1, &v), 1ll << 41);
	atomic64_inc(&v);
	KT_EXPECT_EQ(t, atomic64_read(&v), 1ll << 41);
	KT_EXPECT(t, !atomic64_try_cmpxchg(&v, &old, 5));
	KT_EXPECT_EQ(t, old, 1ll << 41);
	KT_EXPECT_EQ(t, atomic64_xchg(&v, 1), 1ll << 41);
	KT_EXPECT(t, atomic64_dec_and_test(&v));
	KT_EXPECT(t, !atomic64_inc_not_zero(&v));
	atomic64_or(1ll << 62, &v);
	KT_EXPECT(t, atomic64_add_negative(1ll << 62, &v));
}

/* ---- refcount_t: the log says what went wrong ---- */

/* Run @misuse on @r; it must warn @message once and saturate @r. */
#define EXPECT_SATURATES(t, r, misuse, message)                             \
	do {                                                                \
		int __before = ktest_log_count(message);                    \
		misuse;                                                     \
		KT_EXPECT_EQ(t, ktest_log_count(message), __before + 1);    \
		KT_EXPECT_EQ(t, (int)refcount_read(r), REFCOUNT_SATURATED); \
	} while (0)

static void refcount_counts_and_frees_at_zero(struct ktest *t)
{
	refcount_t r = REFCOUNT_INIT(1);
	struct spinlock lock = SPINLOCK_UNLOCKED;

	refcount_inc(&r);
	refcount_add(2, &r);
	KT_EXPECT_EQ(t, refcount_read(&r), 4);
	KT_EXPECT(t, refcount_inc_not_zero(&r));
	refcount_dec(&r);
	KT_EXPECT(t, !refcount_sub_and_test(2, &r));
	KT_EXPECT(t, !refcount_dec_and_lock(&r, &lock));
	KT_EXPECT(t, !spinlock_is_locked(&lock));
	KT_EXPECT(t, refcount_dec_and_lock(&r, &lock)); /* the last: locked */
	KT_EXPECT(t, spinlock_is_locked(&lock));
	spinlock_unlock(&lock);
	KT_EXPECT_EQ(t, refcount_read(&r), 0);
	KT_EXPECT(t, !refcount_inc_not_zero(&r));
}

static void refcount_saturates_with_linux_warnings(struct ktest *t)
{
	refcount_t r;

	refcount_set(&r, REFCOUNT_MAX);
	EXPECT_SATURATES(t, &r, refcount_inc(&r),
			 "refcount_t: saturated; leaking memory.");
	/* Saturated, it stays so: the object leaks, nothing frees it. */
	KT_EXPECT(t, !refcount_dec_and_test(&r));
	KT_EXPECT_EQ(t, (int)refcount_read(&r), REFCOUNT_SATURATED);
	refcount_set(&r, 0);
	EXPECT_SATURATES(t, &r, refcount_inc(&r),
			 "refcount_t: addition on 0; use-after-free.");
	refcount_set(&r, 0);
	EXPECT_SATURATES(t, &r, refcount_dec_and_test(&r),
			 "refcount_t: underflow; use-after-free.");
	refcount_set(&r, 1);
	EXPECT_SATURATES(t, &r, refcount_dec(&r),
			 "refcount_t: decrement hit 0; leaking memory.");
}

static int kref_released;

static void kref_release(struct kref *kref)
{
	kref_released++;
}

static void kref_put_releases_once_at_zero(struct ktest *t)
{
	struct kref k;

	kref_released = 0;
	kref_init(&k);
	kref_get(&k);
	KT_EXPECT_EQ(t, kref_put(&k, kref_release), 0);
	KT_EXPECT_EQ(t, kref_released, 0);
	KT_EXPECT_EQ(t, kref_put(&k, kref_release), 1);
	KT_EXPECT_EQ(t, kref_released, 1);
	KT_EXPECT(t, !kref_get_unless_zero(&k));
}

/* ---- rwlock_t ---- */

static void rwlock_raises_preempt_count_while_held(struct ktest *t)
{
	struct rwlock lock = RWLOCK_UNLOCKED;
	unsigned int base = preempt_count();

	rwlock_read_lock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), base + 1);
	rwlock_read_lock(&lock); /* readers share */
	KT_EXPECT_EQ(t, preempt_count(), base + 2);
	KT_EXPECT(t, !rwlock_try_write(&lock));
	rwlock_read_unlock(&lock);
	rwlock_read_unlock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), base);
	rwlock_write_lock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), base + 1);
	KT_EXPECT(t, !rwlock_try_read(&lock));
	KT_EXPECT(t, !rwlock_try_write(&lock));
	rwlock_write_unlock(&lock);
	KT_EXPECT_EQ(t, preempt_count(), base);
	KT_EXPECT(t, rwlock_try_write(&lock));
	KT_EXPECT(t, lock.writer && !lock.readers);
}

KTEST_SUITE(atomics, KTEST_CASE(atomic_operations_give_linux_results),
	    KTEST_CASE(atomic_bit_operations_give_linux_results),
	    KTEST_CASE(atomic64_holds_64_bits),
	    KTEST_CASE(refcount_counts_and_frees_at_zero),
	    KTEST_CASE(refcount_saturates_with_linux_warnings),
	    KTEST_CASE(kref_put_releases_once_at_zero),
	    KTEST_CASE(rwlock_raises_preempt_count_while_held));
