/*
 * Linux-compatible <linux/atomic.h>: atomic_t and atomic64_t over
 * <kernel/atomic.h>, and atomic_long_t, which is atomic64_t on x86-64 as
 * on Linux.
 */
#ifndef LINUX_ATOMIC_H
#define LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/atomic.h>

typedef atomic64_t atomic_long_t;

#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)
#define atomic_long_read(v) atomic64_read(v)
#define atomic_long_set(v, i) atomic64_set(v, i)
#define atomic_long_add(i, v) atomic64_add(i, v)
#define atomic_long_sub(i, v) atomic64_sub(i, v)
#define atomic_long_inc(v) atomic64_inc(v)
#define atomic_long_dec(v) atomic64_dec(v)
#define atomic_long_add_return(i, v) atomic64_add_return(i, v)
#define atomic_long_sub_return(i, v) atomic64_sub_return(i, v)
#define atomic_long_inc_return(v) atomic64_inc_return(v)
#define atomic_long_dec_return(v) atomic64_dec_return(v)
#define atomic_long_fetch_add(i, v) atomic64_fetch_add(i, v)
#define atomic_long_dec_and_test(v) atomic64_dec_and_test(v)
#define atomic_long_inc_not_zero(v) atomic64_inc_not_zero(v)
#define atomic_long_cmpxchg(v, o, n) atomic64_cmpxchg(v, o, n)
#define atomic_long_try_cmpxchg(v, o, n) atomic64_try_cmpxchg(v, o, n)
#define atomic_long_xchg(v, i) atomic64_xchg(v, i)

#endif
