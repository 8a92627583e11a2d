/*
 * refcount_t: a reference count that refuses to wrap.  As Linux's, an
 * increment past INT_MAX, an increment from 0 or a decrement below 0
 * leaves the count saturated at REFCOUNT_SATURATED and warns once per
 * mistake: the object then leaks instead of being freed while in use.
 */
#ifndef KERNEL_REFCOUNT_H
#define KERNEL_REFCOUNT_H

#include <kernel/atomic.h>
#include <kernel/spinlock.h>

/*
 * old + i in two's complement: the sum that may pass INT_MAX, which in
 * signed arithmetic the compiler may assume never happens.
 */
static inline int refcount_wrap_add(int old, int i)
{
	return (int)((unsigned int)old + (unsigned int)i);
}

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)               \
	{                              \
		.refs = ATOMIC_INIT(n) \
	}
#define REFCOUNT_MAX INT32_MAX
/* Half-way into the negatives: far from both 0 and a wrap, as Linux's. */
#define REFCOUNT_SATURATED (INT32_MIN / 2)

/* What went wrong, for refcount_warn_saturate() (Linux's names). */
enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

/*
 * refcount_warn_saturate - pin @r at REFCOUNT_SATURATED and WARN with
 * Linux's message for @t ("refcount_t: underflow; use-after-free.").
 * Any context (kernel/panic/refcount.c).
 */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return (unsigned int)atomic_read(&r->refs);
}

/* refcount_add - add @i to a count that must not be 0 (a freed object). */
static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add(i, &r->refs);

	if (unlikely(!old))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || refcount_wrap_add(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/* refcount_add_not_zero - add @i unless the count is 0: whether it did. */
static inline bool refcount_add_not_zero(int i, refcount_t *r)
{
	int old = refcount_read(r);

	do {
		if (!old)
			return false;
	} while (!atomic_try_cmpxchg(&r->refs, &old, old + i));
	if (unlikely(old < 0 || refcount_wrap_add(old, i) < 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return true;
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

/*
 * refcount_sub_and_test - take @i off: true when that made it 0 (free the
 * object now).  Below 0 saturates and warns; a saturated count stays.
 */
static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_fetch_sub(i, &r->refs);

	if (old == i)
		return true;
	if (unlikely(old < 0 || refcount_wrap_add(old, -i) < 0))
		refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
	return false;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/* refcount_dec - drop a reference that must not be the last (that leaks). */
static inline void refcount_dec(refcount_t *r)
{
	if (unlikely(atomic_fetch_sub(1, &r->refs) <= 1))
		refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

/* refcount_dec_not_one - drop one unless it is the last: whether it did. */
static inline bool refcount_dec_not_one(refcount_t *r)
{
	int old = refcount_read(r);

	do {
		if (unlikely(old == REFCOUNT_SATURATED))
			return true;
		if (old == 1)
			return false;
		if (unlikely(old <= 0)) {
			refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
			return true;
		}
	} while (!atomic_try_cmpxchg(&r->refs, &old, old - 1));
	return true;
}

/*
 * refcount_dec_and_lock - drop one; if that was the last, return true
 * with @lock held (the object can be unlinked under it), else false.
 */
static inline bool refcount_dec_and_lock(refcount_t *r, struct spinlock *lock)
{
	if (refcount_dec_not_one(r))
		return false;
	spinlock_lock(lock);
	if (!refcount_dec_and_test(r)) {
		spinlock_unlock(lock);
		return false;
	}
	return true;
}

#endif
