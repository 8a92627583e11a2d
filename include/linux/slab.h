/*
 * Linux-compatible <linux/slab.h>: kmalloc and friends (mm/kmalloc.c) and
 * object caches (kmem_cache, mm/slab.c).
 */
#ifndef LINUX_SLAB_H
#define LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>
#include <kernel/slab.h>

/* kmalloc_array / kcalloc - @n elements of @size bytes; NULL on overflow. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return krealloc(p, bytes, flags);
}

/* kfree_sensitive - clear, then free (for keys and the like). */
static inline void kfree_sensitive(const void *p)
{
	if (p)
		__builtin_memset((void *)p, 0, ksize(p));
	kfree(p);
}

/* KMEM_CACHE - a cache named and sized after struct @s. */
#define KMEM_CACHE(s, flags)                                           \
	kmem_cache_create(#s, sizeof(struct s), __alignof__(struct s), \
			  (flags), NULL)

#endif
