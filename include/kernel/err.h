/*
 * An error code carried in a pointer, the top 4095 addresses standing for
 * -1 ... -4095: what Linux's API returns (class_create(), device_create(),
 * filp_open()) where Sprout's own functions return NULL or an errno.
 */
#ifndef KERNEL_ERR_H
#define KERNEL_ERR_H

#include <kernel/types.h>

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
