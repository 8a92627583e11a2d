/*
 * atomic_t and atomic64_t: integers that interrupt handlers and threads
 * change without a lock, with Linux's operations and ordering rules --
 * operations that return a value are fully ordered, the others (read,
 * set, add, and ...) are not ordered at all.  Built on the compiler's
 * __atomic builtins, which emit the x86 lock-prefixed instructions.
 */
#ifndef KERNEL_ATOMIC_H
#define KERNEL_ATOMIC_H

#include <kernel/types.h>

/*
 * Linux's type names and layout (<linux/types.h>): a struct, so that a
 * plain "x++" on one does not compile; code says atomic_inc(&x).
 */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	int64_t counter;
} atomic64_t;

/* clang-format would spread each initializer over four lines. */
/* clang-format off */
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
/* clang-format on */

/* Compiler and CPU ordering: x86 orders all but store-then-load itself. */
#ifndef barrier
#define barrier() __asm__ volatile("" : : : "memory")
#endif
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

#define ATOMIC_RELAXED __ATOMIC_RELAXED
#define ATOMIC_FULL __ATOMIC_SEQ_CST

/*
 * One definition of every operation for both widths, as Linux generates
 * its atomic headers (scripts/atomic/): @pfx is atomic or atomic64, @atype
 * the struct, @T the counter's type.  Laid out by hand: clang-format
 * puts a macro of functions past 80 columns.
 */
/* clang-format off */
#define ATOMIC_DEFINE(pfx, atype, T)                                           \
	static inline T pfx##_read(const atype *v)                             \
	{                                                                      \
		return __atomic_load_n(&v->counter, ATOMIC_RELAXED);           \
	}                                                                      \
	static inline void pfx##_set(atype *v, T i)                            \
	{                                                                      \
		__atomic_store_n(&v->counter, i, ATOMIC_RELAXED);              \
	}                                                                      \
	static inline void pfx##_add(T i, atype *v)                            \
	{                                                                      \
		__atomic_add_fetch(&v->counter, i, ATOMIC_RELAXED);            \
	}                                                                      \
	static inline void pfx##_sub(T i, atype *v)                            \
	{                                                                      \
		__atomic_sub_fetch(&v->counter, i, ATOMIC_RELAXED);            \
	}                                                                      \
	static inline void pfx##_and(T i, atype *v)                            \
	{                                                                      \
		__atomic_and_fetch(&v->counter, i, ATOMIC_RELAXED);            \
	}                                                                      \
	static inline void pfx##_or(T i, atype *v)                             \
	{                                                                      \
		__atomic_or_fetch(&v->counter, i, ATOMIC_RELAXED);             \
	}                                                                      \
	static inline void pfx##_xor(T i, atype *v)                            \
	{                                                                      \
		__atomic_xor_fetch(&v->counter, i, ATOMIC_RELAXED);            \
	}                                                                      \
	static inline void pfx##_andnot(T i, atype *v)                         \
	{                                                                      \
		__atomic_and_fetch(&v->counter, ~i, ATOMIC_RELAXED);           \
	}                                                                      \
	static inline T pfx##_add_return(T i, atype *v)                        \
	{                                                                      \
		return __atomic_add_fetch(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_sub_return(T i, atype *v)                        \
	{                                                                      \
		return __atomic_sub_fetch(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_fetch_add(T i, atype *v)                         \
	{                                                                      \
		return __atomic_fetch_add(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_fetch_sub(T i, atype *v)                         \
	{                                                                      \
		return __atomic_fetch_sub(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_fetch_and(T i, atype *v)                         \
	{                                                                      \
		return __atomic_fetch_and(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_fetch_or(T i, atype *v)                          \
	{                                                                      \
		return __atomic_fetch_or(&v->counter, i, ATOMIC_FULL);         \
	}                                                                      \
	static inline T pfx##_fetch_xor(T i, atype *v)                         \
	{                                                                      \
		return __atomic_fetch_xor(&v->counter, i, ATOMIC_FULL);        \
	}                                                                      \
	static inline T pfx##_fetch_andnot(T i, atype *v)                      \
	{                                                                      \
		return __atomic_fetch_and(&v->counter, ~i, ATOMIC_FULL);       \
	}                                                                      \
	static inline T pfx##_xchg(atype *v, T i)                              \
	{                                                                      \
		return __atomic_exchange_n(&v->counter, i, ATOMIC_FULL);       \
	}                                                                      \
	/* try_cmpxchg: true if *@old was it (now @new), else *@old is. */    \
	static inline bool pfx##_try_cmpxchg(atype *v, T *old, T new)          \
	{                                                                      \
		return __atomic_compare_exchange_n(&v->counter, old, new,      \
						   false, ATOMIC_FULL,         \
						   ATOMIC_FULL);               \
	}                                                                      \
	/* cmpxchg: the value found; it became @new if it was @old. */         \
	static inline T pfx##_cmpxchg(atype *v, T old, T new)                  \
	{                                                                      \
		pfx##_try_cmpxchg(v, &old, new);                               \
		return old;                                                    \
	}                                                                      \
	/* fetch_add_unless: add @a unless it is @u; the value found. */      \
	static inline T pfx##_fetch_add_unless(atype *v, T a, T u)             \
	{                                                                      \
		T c = pfx##_read(v);                                           \
		do {                                                           \
			if (c == u)                                            \
				break;                                         \
		} while (!pfx##_try_cmpxchg(v, &c, c + a));                    \
		return c;                                                      \
	}                                                                      \
	static inline bool pfx##_add_unless(atype *v, T a, T u)                \
	{                                                                      \
		return pfx##_fetch_add_unless(v, a, u) != u;                   \
	}                                                                      \
	/* dec_if_positive: the value less one, stored only if not negative. */ \
	static inline T pfx##_dec_if_positive(atype *v)                        \
	{                                                                      \
		T c = pfx##_read(v);                                           \
		do {                                                           \
			if (c - 1 < 0)                                         \
				break;                                         \
		} while (!pfx##_try_cmpxchg(v, &c, c - 1));                    \
		return c - 1;                                                  \
	}
/* clang-format on */

ATOMIC_DEFINE(atomic, atomic_t, int)
ATOMIC_DEFINE(atomic64, atomic64_t, int64_t)

/* The forms Linux spells with a constant or a test on the result. */
#define atomic_inc(v) atomic_add(1, v)
#define atomic_dec(v) atomic_sub(1, v)
#define atomic_inc_return(v) atomic_add_return(1, v)
#define atomic_dec_return(v) atomic_sub_return(1, v)
#define atomic_fetch_inc(v) atomic_fetch_add(1, v)
#define atomic_fetch_dec(v) atomic_fetch_sub(1, v)
#define atomic_inc_and_test(v) (atomic_add_return(1, v) == 0)
#define atomic_dec_and_test(v) (atomic_sub_return(1, v) == 0)
#define atomic_sub_and_test(i, v) (atomic_sub_return(i, v) == 0)
#define atomic_add_negative(i, v) (atomic_add_return(i, v) < 0)
#define atomic_inc_not_zero(v) atomic_add_unless(v, 1, 0)

#define atomic64_inc(v) atomic64_add(1, v)
#define atomic64_dec(v) atomic64_sub(1, v)
#define atomic64_inc_return(v) atomic64_add_return(1, v)
#define atomic64_dec_return(v) atomic64_sub_return(1, v)
#define atomic64_fetch_inc(v) atomic64_fetch_add(1, v)
#define atomic64_fetch_dec(v) atomic64_fetch_sub(1, v)
#define atomic64_inc_and_test(v) (atomic64_add_return(1, v) == 0)
#define atomic64_dec_and_test(v) (atomic64_sub_return(1, v) == 0)
#define atomic64_sub_and_test(i, v) (atomic64_sub_return(i, v) == 0)
#define atomic64_add_negative(i, v) (atomic64_add_return(i, v) < 0)
#define atomic64_inc_not_zero(v) atomic64_add_unless(v, 1, 0)

#endif
