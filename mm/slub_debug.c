/*
 * Slab debugging (CONFIG_SLUB_DEBUG), as Linux's slub_debug=FZPU: a red
 * zone after every object, freed objects poisoned, who allocated and who
 * freed each one, and Linux 6.1's reports when a red zone or the poison
 * was written over, an object is freed twice or a pointer is not one.
 * The heap is repaired where it can be and the kernel goes on.  The same
 * checks serve kmalloc's heap and kmem_cache through one view of a slab.
 */
#include <kernel/kallsyms.h>
#include <kernel/mm_debug.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "slab_layout.h"
#include "slub_debug.h"

/* Linux's values (include/linux/poison.h). */
#define SLUB_RED_INACTIVE 0xbb /* red zone of a free object */
#define SLUB_RED_ACTIVE 0xcc   /* of an allocated one */
#define POISON_FREE 0x6b       /* a freed object's bytes... */
#define POISON_END 0xa5	       /* ...but the last */

enum slub_track_item { TRACK_ALLOC, TRACK_FREE };

/* One slab as the checks see it, whichever allocator owns it. */
struct slub_view {
	const char *name; /* "kmalloc-64", or the cache's name */
	const void *slab;
	char *first; /* object 0 */
	size_t stride, size, objects, used;
	const void *fp;	      /* the first free object */
	size_t link;	      /* where a free object keeps its link */
	bool poison;	      /* free objects are poisoned (no constructor) */
	const uint64_t *live; /* the heap's bitmap, or NULL: walk the free list */
};

static unsigned long heap_caller;

void slub_debug_caller(unsigned long ip)
{
	heap_caller = ip;
}

/* ---- Views ---- */

static const char *heap_cache_name(size_t size)
{
	static const char *const names[HEAP_CLASS_COUNT] = {
		"kmalloc-16",  "kmalloc-32",  "kmalloc-64", "kmalloc-128",
		"kmalloc-256", "kmalloc-512", "kmalloc-1k",
	};

	return names[__builtin_ctzl(size) - HEAP_MIN_SHIFT];
}

static void heap_view(struct slub_view *v, struct heap_slab *s)
{
	*v = (struct slub_view){
		.name = heap_cache_name(s->cls->size),
		.slab = s,
		.first = (char *)s + s->offset,
		.stride = s->size,
		.size = s->cls->size,
		.objects = s->capacity,
		.used = s->in_use,
		.fp = s->free_list,
		.link = slub_redzone_end(s->cls->size),
		.poison = true,
		.live = s->live,
	};
}

static void cache_view(struct slub_view *v, struct kmem_cache *c,
		       struct slab *s)
{
	*v = (struct slub_view){
		.name = c->name,
		.slab = s,
		.first = (char *)s + ALIGN_UP(sizeof(*s), c->align),
		.stride = c->size,
		.size = c->object_size,
		.objects = c->objs_per_slab,
		.used = s->inuse,
		.fp = s->freelist,
		.link = c->free_offset,
		.poison = !c->ctor,
	};
}

static bool obj_is_free(const struct slub_view *v, size_t i)
{
	const char *obj = v->first + i * v->stride;

	if (v->live)
		return !bitmap_test(v->live, i);
	for (const char *f = v->fp; f; f = *(char *const *)(f + v->link))
		if (f == obj)
			return true;
	return false;
}

static struct slub_track *get_track(const struct slub_view *v, char *obj,
				    enum slub_track_item which)
{
	return (struct slub_track *)(obj + slub_redzone_end(v->size) +
				     sizeof(void *)) +
	       which;
}

/*
 * Record the call chain from @ip (the allocator's caller) up: the chain
 * seen from here, cut where @ip appears so the allocator's own frames are
 * left out.
 */
static void set_track(const struct slub_view *v, char *obj,
		      enum slub_track_item which, unsigned long ip)
{
	struct slub_track *t = get_track(v, obj, which);
	unsigned long chain[SLUB_TRACK_DEPTH + 8];
	unsigned int n = stack_trace_save(chain, ARRAY_SIZE(chain), 0), i = 0;

	while (i < n && chain[i] != ip)
		i++;
	memset(t->addrs, 0, sizeof(t->addrs));
	if (i == n) {
		t->addrs[0] = ip;
	} else {
		for (size_t k = 0; k < SLUB_TRACK_DEPTH && i < n; k++, i++)
			t->addrs[k] = chain[i];
	}
	t->when = jiffies;
	t->pid = mm_debug_pid();
}

/* ---- Reports, in Linux 6.1's words (mm/slub.c) ---- */

static void slab_bug(const struct slub_view *v, const char *fmt, ...)
	__printf(2, 3);

static void slab_bug(const struct slub_view *v, const char *fmt, ...)
{
	char msg[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", v->name, kernel_taint_string(), msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

static void print_track(const char *what, const struct slub_track *t)
{
	if (!t->addrs[0])
		return;
	pr_err("%s in %pS age=%lu cpu=0 pid=%d\n", what, (void *)t->addrs[0],
	       jiffies - t->when, t->pid);
	for (size_t i = 0; i < SLUB_TRACK_DEPTH && t->addrs[i]; i++)
		pr_err(" %pS\n", (void *)t->addrs[i]);
}

/* Rows of 16 bytes as print_hex_dump(DUMP_PREFIX_ADDRESS) prints them. */
static void print_section(const char *text, const uint8_t *p, size_t len)
{
	for (size_t row = 0; row < len; row += 16) {
		char hex[16 * 3 + 1], ascii[17];

		mm_debug_hex_row(p + row, MIN(len - row, (size_t)16), hex,
				 ascii);
		pr_err("%s%016lx: %-49s%s\n", text, (unsigned long)(p + row),
		       hex, ascii);
	}
}

static void print_slab_info(const struct slub_view *v)
{
	pr_err("Slab %p objects=%zu used=%zu fp=%p\n", v->slab, v->objects,
	       v->used, v->fp);
}

static void print_trailer(const struct slub_view *v, char *obj)
{
	const char *base = v->slab;

	print_track("Allocated", get_track(v, obj, TRACK_ALLOC));
	print_track("Freed", get_track(v, obj, TRACK_FREE));
	print_slab_info(v);
	pr_err("Object %p @offset=%zu fp=%p\n\n", obj, (size_t)(obj - base),
	       *(void **)(obj + v->link));
	if (obj >= v->first + 16)
		print_section("Bytes b4 ", (uint8_t *)obj - 16, 16);
	print_section("Object   ", (uint8_t *)obj, v->size);
	print_section("Redzone  ", (uint8_t *)obj + v->size,
		      slub_redzone_end(v->size) - v->size);
	dump_stack();
}

static void slab_fix(const struct slub_view *v, const char *fmt, ...)
	__printf(2, 3);

static void slab_fix(const struct slub_view *v, const char *fmt, ...)
{
	char msg[96];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("FIX %s: %s\n", v->name, msg);
}

/*
 * The @len bytes at @start of object @obj should all be @value: if not,
 * report the first to the last wrong byte as "@what overwritten" and put
 * @value back.  False if they were wrong.
 */
static bool check_bytes(const struct slub_view *v, char *obj, const char *what,
			uint8_t *start, uint8_t value, size_t len)
{
	uint8_t *fault = start, *end = start + len;

	while (fault < end && *fault == value)
		fault++;
	if (fault == end)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(v, "%s overwritten", what);
	pr_err("%p-%p @offset=%zu. First byte 0x%x instead of 0x%x\n", fault,
	       end - 1, (size_t)(fault - (uint8_t *)obj), *fault, value);
	print_trailer(v, obj);
	memset(fault, value, (size_t)(end - fault));
	slab_fix(v, "Restoring %s %p-%p=0x%x", what, fault, end - 1, value);
	return false;
}

static bool check_redzone(const struct slub_view *v, char *obj, uint8_t value)
{
	return check_bytes(v, obj, "Right Redzone", (uint8_t *)obj + v->size,
			   value, slub_redzone_end(v->size) - v->size);
}

/* A free object's poison, if the cache poisons. */
static void check_poison(const struct slub_view *v, char *obj)
{
	if (v->poison && check_bytes(v, obj, "Poison", (uint8_t *)obj,
				     POISON_FREE, v->size - 1))
		check_bytes(v, obj, "End Poison", (uint8_t *)obj + v->size - 1,
			    POISON_END, 1);
}

/* Object @n's red zone, as its state says it should be. */
static void check_neighbour(const struct slub_view *v, size_t n)
{
	check_redzone(v, v->first + n * v->stride,
		      obj_is_free(v, n) ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE);
}

/*
 * The red zones of object @i's neighbours: a write past the one before
 * @i lands in its red zone, and is found here even if that one is never
 * freed.
 */
static void check_neighbours(const struct slub_view *v, size_t i)
{
	if (i > 0)
		check_neighbour(v, i - 1);
	if (i + 1 < v->objects)
		check_neighbour(v, i + 1);
}

static void set_redzone(const struct slub_view *v, char *obj, uint8_t value)
{
	memset(obj + v->size, value, slub_redzone_end(v->size) - v->size);
}

static void poison(const struct slub_view *v, char *obj)
{
	if (v->poison) {
		memset(obj, POISON_FREE, v->size - 1);
		obj[v->size - 1] = (char)POISON_END;
	}
}

static void init_objects(const struct slub_view *v)
{
	for (size_t i = 0; i < v->objects; i++) {
		char *obj = v->first + i * v->stride;

		set_redzone(v, obj, SLUB_RED_INACTIVE);
		poison(v, obj);
		memset(get_track(v, obj, TRACK_ALLOC), 0,
		       2 * sizeof(struct slub_track));
	}
}

/* excerpt: slub-alloc-free */
/*
 * @obj is being handed out: it must be as its free left it.  Both
 * allocators have taken it off their free list before this hook.
 */
static void debug_alloc(const struct slub_view *v, char *obj, unsigned long ip)
{
	if (check_redzone(v, obj, SLUB_RED_INACTIVE))
		check_poison(v, obj);
	check_neighbours(v, (size_t)(obj - v->first) / v->stride);
	set_redzone(v, obj, SLUB_RED_ACTIVE);
	set_track(v, obj, TRACK_ALLOC, ip);
}

/* @obj is being freed: nothing may have written past it. */
static void debug_free(const struct slub_view *v, char *obj, unsigned long ip)
{
	check_redzone(v, obj, SLUB_RED_ACTIVE);
	check_neighbours(v, (size_t)(obj - v->first) / v->stride);
	set_redzone(v, obj, SLUB_RED_INACTIVE);
	poison(v, obj);
	set_track(v, obj, TRACK_FREE, ip);
}
/* excerpt-end: slub-alloc-free */

/*
 * A free Linux refuses: @obj is in slab @v but not an object start, or
 * already free.  Reported, and the object left as it is.
 */
static void bad_free(const struct slub_view *v, char *obj)
{
	size_t off = (size_t)(obj - v->first);

	if (obj < v->first || off % v->stride ||
	    off / v->stride >= v->objects) {
		slab_bug(v, "Invalid object pointer %p", obj);
		print_slab_info(v);
		dump_stack();
	} else {
		slab_bug(v, "Object already free");
		print_trailer(v, obj);
		/* A free object: what was written to it since shows now. */
		if (check_redzone(v, obj, SLUB_RED_INACTIVE))
			check_poison(v, obj);
	}
	slab_fix(v, "Object at %p not freed", obj);
}

/* ---- kmalloc's heap ---- */

void slub_debug_heap_init(struct heap *heap, struct heap_slab *s)
{
	struct slub_view v;

	heap_view(&v, s);
	init_objects(&v);
}

void slub_debug_heap_alloc(struct heap_slab *s, void *obj)
{
	struct slub_view v;

	heap_view(&v, s);
	debug_alloc(&v, obj, heap_caller);
}

void slub_debug_heap_free(struct heap_slab *s, void *obj)
{
	struct slub_view v;

	heap_view(&v, s);
	debug_free(&v, obj, heap_caller);
}

bool slub_debug_heap_bad_free(struct heap *heap, struct heap_slab *s, void *ptr)
{
	struct slub_view v;

	if (!s || s->magic != SLAB_MAGIC)
		return false;
	heap_view(&v, s);
	bad_free(&v, ptr);
	return true;
}

/* ---- kmem_cache ---- */

size_t slub_debug_cache_layout(struct kmem_cache *c, size_t body)
{
	c->free_offset = slub_redzone_end(c->object_size);
	return slub_meta_end(c->object_size);
}

void slub_debug_cache_init(struct kmem_cache *c, struct slab *s)
{
	struct slub_view v;

	cache_view(&v, c, s);
	init_objects(&v);
}

void slub_debug_cache_alloc(struct kmem_cache *c, struct slab *s, void *obj,
			    unsigned long ip)
{
	struct slub_view v;

	cache_view(&v, c, s);
	debug_alloc(&v, obj, ip);
}

void slub_debug_cache_free(struct kmem_cache *c, struct slab *s, void *obj,
			   unsigned long ip)
{
	struct slub_view v;

	cache_view(&v, c, s);
	debug_free(&v, obj, ip);
}

bool slub_debug_cache_bad_free(struct kmem_cache *c, struct slab *s, void *obj,
			       unsigned long ip)
{
	struct slub_view v;

	if (!s)
		return false;
	cache_view(&v, c, s);
	bad_free(&v, obj);
	return true;
}
