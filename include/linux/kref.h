/*
 * Linux-compatible <linux/kref.h>: a refcount_t with a release function
 * called by the put that drops the last reference.
 */
#ifndef LINUX_KREF_H
#define LINUX_KREF_H

#include <linux/refcount.h>

struct kref {
	refcount_t refcount;
};

#define KREF_INIT(n)                         \
	{                                    \
		.refcount = REFCOUNT_INIT(n) \
	}

/* kref_init - one reference, the caller's. */
static inline void kref_init(struct kref *kref)
{
	refcount_set(&kref->refcount, 1);
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return refcount_read(&kref->refcount);
}

static inline void kref_get(struct kref *kref)
{
	refcount_inc(&kref->refcount);
}

/* kref_put - drop one; the last calls @release: then 1, else 0. */
static inline int kref_put(struct kref *kref,
			   void (*release)(struct kref *kref))
{
	if (refcount_dec_and_test(&kref->refcount)) {
		release(kref);
		return 1;
	}
	return 0;
}

/* kref_get_unless_zero - a reference unless the object is being freed. */
static inline int kref_get_unless_zero(struct kref *kref)
{
	return refcount_inc_not_zero(&kref->refcount);
}

#endif
