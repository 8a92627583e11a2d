/*
 * KASAN's hooks in the allocators (Linux's generic mode): an allocation
 * makes exactly its size accessible and records its stack; a free poisons
 * the whole object, records the free's stack and holds the object in a
 * quarantine -- a FIFO of freed objects kept from reuse up to a byte limit
 * -- so that a use after free still finds it poisoned; a second free, or
 * one of a pointer that is no object, is reported and goes no further.
 */
#include <kernel/string.h>
#include <kernel/slab.h>
#include <kernel/x86.h>
#include "../internal.h"
#include "../slub_debug.h"
#include "internal.h"

/* Linux holds back 1/32 of RAM; Sprout's heaps are small, 1 MiB will do. */
#define QUARANTINE_BYTES (1ul << 20)
#define QUARANTINE_SLOTS 2048u

struct quarantined {
	void *obj;
	struct kmem_cache *cache;
	kasan_release_fn release;
	size_t bytes;
};

static struct quarantined quarantine[QUARANTINE_SLOTS];
static size_t q_head, q_count, q_bytes;

bool kasan_active(void)
{
	return kasan_enabled;
}

size_t kasan_kmalloc_size(size_t size)
{
	/*
	 * A size that fills its class exactly (a power of two) would touch
	 * the next object: one byte more takes the next class, whose rest
	 * is a redzone.  Every other size leaves room in its class.
	 */
	if (!kasan_enabled || size < (1u << HEAP_MIN_SHIFT) ||
	    size > HEAP_MAX_SMALL || (size & (size - 1)))
		return size;
	return size + 1;
}

size_t kasan_slab_size(const struct kmem_cache *cache, size_t stride)
{
	if (!kasan_enabled || stride > cache->object_size)
		return stride;
	return stride + cache->align;
}

/* The heap object kmalloc(@size) gets (mm/heap.c's classes and pages). */
static size_t kmalloc_region(size_t size)
{
	size_t request = kasan_kmalloc_size(size), class = 1u << HEAP_MIN_SHIFT;

	if (request > HEAP_MAX_SMALL)
		return PAGES(request) * PAGE_SIZE;
	while (class < request)
		class <<= 1;
	return class;
}

/* Record a new object; allocation stack from the allocator's caller on. */
static void track_alloc(void *obj, struct kmem_cache *cache, size_t size,
			size_t region)
{
	uint64_t irq = irq_save();
	struct kasan_object *o = kasan_object_add((uintptr_t)obj);

	if (!o)
		goto out;
	o->cache = cache;
	o->size = (uint32_t)size;
	o->region = (uint32_t)region;
	o->alloc_stack = kasan_save_stack(0);
	o->alloc_pid = mm_debug_pid();
	o->free_stack = 0;
	o->free_pid = 0;
	o->freed = false;
out:
	irq_restore(irq);
}

void kasan_kmalloc(void *obj, size_t size)
{
	size_t region = kmalloc_region(size);
	size_t used = ALIGN_UP(size, KASAN_GRANULE_SIZE);

	if (!kasan_enabled || !obj)
		return;
	kasan_unpoison(obj, size);
	kasan_poison((char *)obj + used, region - used,
		     region > HEAP_MAX_SMALL ? KASAN_PAGE_REDZONE :
					       KASAN_SLAB_REDZONE);
	track_alloc(obj, NULL, size, region);
}

void kasan_ksize(const void *obj, size_t size)
{
	struct kasan_object *o;

	if (!kasan_enabled || !obj || !size)
		return;
	/* The caller may use all of it now, as Linux's ksize() allows. */
	kasan_unpoison(obj, size);
	o = kasan_object_find((uintptr_t)obj);
	if (o && !o->freed)
		o->size = (uint32_t)size;
}

void kasan_slab_alloc(struct kmem_cache *cache, void *obj)
{
	size_t used = ALIGN_UP(cache->object_size, KASAN_GRANULE_SIZE);

	if (!kasan_enabled || !obj)
		return;
	kasan_unpoison(obj, cache->object_size);
	if (cache->size > used)
		kasan_poison((char *)obj + used, cache->size - used,
			     KASAN_SLAB_REDZONE);
	track_alloc(obj, cache, cache->object_size, cache->size);
}

/* Free the oldest quarantined object for real. */
static void quarantine_release_one(void)
{
	struct quarantined q = quarantine[q_head];
	struct kasan_object *o = kasan_object_find((uintptr_t)q.obj);

	q_head = (q_head + 1) % QUARANTINE_SLOTS;
	q_count--;
	q_bytes -= q.bytes;
	if (o)
		kasan_object_remove(o);
	q.release(q.cache, q.obj);
}

static void quarantine_put(void *obj, struct kmem_cache *cache, size_t bytes,
			   kasan_release_fn release)
{
	while (q_count && (q_count == QUARANTINE_SLOTS ||
			   q_bytes + bytes > QUARANTINE_BYTES))
		quarantine_release_one();
	quarantine[(q_head + q_count) % QUARANTINE_SLOTS] =
		(struct quarantined){ obj, cache, release, bytes };
	q_count++;
	q_bytes += bytes;
}

void kasan_quarantine_drain(void)
{
	uint64_t irq = irq_save();

	while (q_count)
		quarantine_release_one();
	irq_restore(irq);
}

/* excerpt: kasan-free */
/*
 * The free of @obj from @ip: true if KASAN took it (quarantined) or
 * reported it, false if the caller frees it itself.
 */
static bool free_object(void *obj, struct kmem_cache *cache,
			kasan_release_fn release, uintptr_t ip)
{
	struct kasan_object *o;
	uint64_t irq;

	if (!kasan_enabled || kasan_depth || !obj)
		return false;
	irq = irq_save();
	o = kasan_object_find((uintptr_t)obj);
	if (!o && kasan_objects_overflowed) {
		/* Maybe an object KASAN could not record: the caller sees. */
		irq_restore(irq);
		return false;
	}
	if (!o || o->freed || o->cache != cache) {
		irq_restore(irq);
		kasan_report_invalid_free((uintptr_t)obj, ip, o && o->freed);
		return true;
	}
	o->freed = true;
	o->free_stack = kasan_save_stack(0);
	o->free_pid = mm_debug_pid();
	kasan_poison(obj, o->region, KASAN_SLAB_FREE);
	quarantine_put(obj, cache, o->region, release);
	irq_restore(irq);
	return true;
}
/* excerpt-end: kasan-free */

/*
 * Where kfree or kmem_cache_free was called from: the return address in
 * their frame, one up the frame-pointer chain from ours.
 */
#define FREE_CALLER()                                                     \
	(((const uintptr_t *)((const uintptr_t *)__builtin_frame_address( \
		0))[0])[1])

bool kasan_kfree(const void *obj, kasan_release_fn release)
{
	return free_object((void *)obj, NULL, release, FREE_CALLER());
}

bool kasan_slab_free(struct kmem_cache *cache, void *obj,
		     kasan_release_fn release)
{
	return free_object(obj, cache, release, FREE_CALLER());
}

void *kasan_krealloc(void *ptr, size_t size, gfp_t flags)
{
	struct kasan_object *o;
	size_t old = 0;
	void *p;

	if (!size) {
		kfree(ptr);
		return NULL;
	}
	p = kmalloc(size, flags);
	if (!p || !ptr)
		return p;
	o = kasan_object_find((uintptr_t)ptr);
	if (o && !o->freed)
		old = o->size;
	memcpy(p, ptr, MIN(old, size));
	kfree(ptr);
	return p;
}
