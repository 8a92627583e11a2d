/*
 * kmem_cache: object caches over slabs of whole frames.  A slab is a
 * naturally aligned run of frames that starts with its struct slab; the
 * objects follow at the cache's stride, the free ones chained through a
 * link inside each.  Aligning a slab to its own size lets kmem_cache_free
 * find the slab of any object by rounding its address down.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/fault_inject.h>
#include <kernel/kasan.h>
#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "slab_layout.h"
#include "slub_debug.h"

#define SLAB_MIN_ALIGN sizeof(void *) /* the free link must be aligned */
#define SLAB_MIN_OBJECTS 8	      /* grow a slab until this many fit */
#define SLAB_PAGES_MAX 16

static size_t slab_bytes(const struct kmem_cache *c)
{
	return c->slab_pages * PAGE_SIZE;
}

static size_t slab_first_offset(const struct kmem_cache *c)
{
	return ALIGN_UP(sizeof(struct slab), c->align);
}

static void **free_link(const struct kmem_cache *c, void *obj)
{
	return (void **)((char *)obj + c->free_offset);
}

/*
 * Linux's rule for SLAB_HWCACHE_ALIGN: a cache line, halved while the
 * object fits twice in it, so small objects share lines but never
 * straddle one.
 */
static size_t slab_alignment(slab_flags_t flags, size_t align, size_t size)
{
	size_t line = L1_CACHE_BYTES;

	if (flags & SLAB_HWCACHE_ALIGN) {
		while (size <= line / 2)
			line /= 2;
		align = MAX(align, line);
	}
	return MAX(align, SLAB_MIN_ALIGN);
}

/* Work out stride, link position and slab size; false if it cannot fit. */
static bool slab_geometry(struct kmem_cache *c)
{
	size_t body = MAX(c->object_size, sizeof(void *));

	/*
	 * A constructed object keeps its contents while free, so its link
	 * goes after it rather than over its first word.
	 */
	c->free_offset = 0;
	if (c->ctor) {
		c->free_offset = ALIGN_UP(c->object_size, sizeof(void *));
		body = c->free_offset + sizeof(void *);
	}
	body = slub_debug_cache_layout(c, body);
	c->size = kasan_slab_size(c, ALIGN_UP(body, c->align));
	for (c->slab_pages = 1; c->slab_pages <= SLAB_PAGES_MAX;
	     c->slab_pages *= 2) {
		c->objs_per_slab =
			(slab_bytes(c) - slab_first_offset(c)) / c->size;
		if (c->objs_per_slab >= SLAB_MIN_OBJECTS)
			return true;
	}
	c->slab_pages = SLAB_PAGES_MAX;
	c->objs_per_slab = (slab_bytes(c) - slab_first_offset(c)) / c->size;
	return c->objs_per_slab > 0;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *obj))
{
	struct kmem_cache *c = NULL;

	if (!size || size > SLAB_OBJECT_MAX || (align & (align - 1)) ||
	    align > PAGE_SIZE) {
		pr_err("kmem_cache_create(%s): size %u, align %u: unsupported (size 1..%u, align a power of two up to %lu)\n",
		       name, size, align, SLAB_OBJECT_MAX, PAGE_SIZE);
		goto out_fail;
	}
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		goto out_fail;
	strlcpy(c->name, name, sizeof(c->name));
	INIT_LIST_HEAD(&c->slabs);
	c->object_size = size;
	c->align = slab_alignment(flags, align, size);
	c->flags = flags;
	c->ctor = ctor;
	if (!slab_geometry(c)) {
		pr_err("kmem_cache_create(%s): %u-byte objects do not fit a slab\n",
		       name, size);
		kfree(c);
		c = NULL;
		goto out_fail;
	}
	return c;

out_fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create(%s) failed", name);
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create);

/* A new slab of @c: its objects chained free, each constructed. */
static struct slab *slab_new(struct kmem_cache *c)
{
	phys_addr_t pa = frame_alloc_contig(c->slab_pages, c->slab_pages);
	struct slab *s;
	char *obj;

	if (!pa)
		return NULL;
	s = phys_to_virt(pa);
	s->cache = c;
	s->inuse = 0;
	s->freelist = NULL;
	obj = (char *)s + slab_first_offset(c) +
	      (c->objs_per_slab - 1) * c->size;
	for (size_t i = 0; i < c->objs_per_slab; i++, obj -= c->size) {
		if (c->ctor)
			c->ctor(obj);
		*free_link(c, obj) = s->freelist;
		s->freelist = obj;
	}
	slub_debug_cache_init(c, s);
	list_add(&s->list, &c->slabs);
	c->num_slabs++;
	return s;
}

/* The newest slab of @c with a free object, or NULL if all are full. */
static struct slab *slab_with_free(struct kmem_cache *c)
{
	struct slab *s;

	list_for_each_entry(s, &c->slabs, list)
		if (s->freelist)
			return s;
	return NULL;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t flags)
{
	uint64_t irq;
	struct slab *s;
	void *obj = NULL;

	/* failslab= covers caches too, as in Linux. */
	if (fault_should_fail(FAULT_KMALLOC, c->object_size,
			      __builtin_return_address(0)))
		return NULL;
	irq = irq_save();
	s = slab_with_free(c);
	if (!s)
		s = slab_new(c);
	if (s) {
		obj = s->freelist;
		s->freelist = *free_link(c, obj);
		s->inuse++;
		c->active++;
		slub_debug_cache_alloc(c, s, obj, _RET_IP_);
		modleak_alloc(obj, c->object_size, _RET_IP_);
		kasan_slab_alloc(c, obj);
	}
	irq_restore(irq);
	if (obj && (flags & __GFP_ZERO))
		memset(obj, 0, c->object_size);
	return obj;
}
EXPORT_SYMBOL(kmem_cache_alloc);

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t flags)
{
	return kmem_cache_alloc(c, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kmem_cache_zalloc);

/* The slab of @c that starts at @base, or NULL if none does. */
static struct slab *slab_at(struct kmem_cache *c, uintptr_t base)
{
	struct slab *s;

	list_for_each_entry(s, &c->slabs, list)
		if ((uintptr_t)s == base)
			return s;
	return NULL;
}

/* The slab of @c holding @obj, or NULL if @obj is not one of its objects. */
static struct slab *slab_of(struct kmem_cache *c, const void *obj)
{
	uintptr_t base = ALIGN_DOWN((uintptr_t)obj, slab_bytes(c));
	uintptr_t first = base + slab_first_offset(c);
	struct slab *s = slab_at(c, base);

	if (!s || (uintptr_t)obj < first ||
	    ((uintptr_t)obj - first) % c->size ||
	    ((uintptr_t)obj - first) / c->size >= c->objs_per_slab)
		return NULL;
	return s;
}

static bool slab_is_free(struct kmem_cache *c, struct slab *s, const void *obj)
{
	for (void *f = s->freelist; f; f = *free_link(c, f))
		if (f == obj)
			return true;
	return false;
}

/* Unlink the empty slab @s and give its frames back. */
static void slab_release(struct kmem_cache *c, struct slab *s)
{
	list_del(&s->list);
	c->num_slabs--;
	frame_free_contig(virt_to_phys(s), c->slab_pages);
}

/* kmem_cache_free's work for a free made at @ip. */
static void __slab_free(struct kmem_cache *c, void *obj, uintptr_t ip)
{
	uint64_t irq;
	struct slab *s;

	if (!obj)
		return;
	irq = irq_save();
	s = slab_of(c, obj);
	if (!s || slab_is_free(c, s, obj)) {
		irq_restore(irq);
		if (!slub_debug_cache_bad_free(c, s, obj, ip))
			pr_err("kmem_cache_free(%s): %p is %s; ignored\n",
			       c->name, obj,
			       s ? "already free (double free)" :
				   "not an object of this cache");
		return;
	}
	slub_debug_cache_free(c, s, obj, ip);
	*free_link(c, obj) = s->freelist;
	s->freelist = obj;
	c->active--;
	if (--s->inuse == 0)
		slab_release(c, s);
	irq_restore(irq);
}

/*
 * Where KASAN's quarantine frees an object at last: slab debugging's free
 * track then names the quarantine, KASAN's own record the real free.
 */
static void slab_free_object(struct kmem_cache *c, void *obj)
{
	__slab_free(c, obj, _RET_IP_);
}

/* The module's record goes at once, whenever the memory is reused. */
void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	if (obj)
		debug_check_no_locks_freed(obj, c->object_size);
	modleak_free(obj);
	if (!kasan_slab_free(c, obj, slab_free_object))
		__slab_free(c, obj, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_free);

void kmem_cache_destroy(struct kmem_cache *c)
{
	if (!c)
		return;
	kasan_quarantine_drain(); /* its objects held there go first */
	if (c->active) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects (%zu), kept\n",
		       c->name, c->active);
		return;
	}
	/* Every slab was released when its last object was freed. */
	kfree(c);
}
EXPORT_SYMBOL(kmem_cache_destroy);
