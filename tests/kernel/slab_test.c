/*
 * In-kernel tests of the object caches (mm/slab.c) and of the Linux
 * helpers built on the kernel's own code: kmem_cache alignment, stride,
 * constructors, growth over several slabs, frames given back, bad frees
 * refused, destroy with live objects refused; %pS; the list helpers.
 */
#include <kernel/errno.h>
#include <kernel/kasan.h>
#include <kernel/ktest.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define MANY 300 /* objects: several slabs of any cache below */
#define CTOR_MAGIC 0xc0ffee

static void *objs[MANY];
static unsigned int ctor_calls;

static void test_ctor(void *obj)
{
	*(unsigned int *)obj = CTOR_MAGIC;
	ctor_calls++;
}

static size_t free_frames(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st.frames_free;
}

static void hwcache_alignment(struct ktest *t)
{
	struct kmem_cache *big =
		kmem_cache_create("t_big", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *small =
		kmem_cache_create("t_small", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *plain = kmem_cache_create("t_plain", 20, 0, 0, NULL);
	struct kmem_cache *odd = kmem_cache_create("t_odd", 24, 256, 0, NULL);

	KT_EXPECT(t, big && small && plain && odd);
	if (!big || !small || !plain || !odd)
		return;
	/* A cache line for 100 bytes; half of one for 20 (Linux's rule). */
	KT_EXPECT_EQ(t, big->align, 64);
	KT_EXPECT_EQ(t, small->align, 32);
	KT_EXPECT_EQ(t, odd->align, 256);
	KT_EXPECT(t, big->size % 64 == 0 && small->size % 32 == 0);
	KT_EXPECT(t, plain->size % 8 == 0 && odd->size % 256 == 0);
	/* The smallest such stride, but with slab debugging's data after
	 * each object. */
	if (!SLAB_DEBUG_LAYOUT) {
		KT_EXPECT_EQ(t, big->size, 128);
		KT_EXPECT_EQ(t, small->size, 32);
		KT_EXPECT_EQ(t, plain->size, 24);
		KT_EXPECT_EQ(t, odd->size, 256);
	}
	for (int i = 0; i < 3; i++) {
		void *a = kmem_cache_alloc(big, GFP_KERNEL);
		void *b = kmem_cache_alloc(odd, GFP_KERNEL);

		KT_EXPECT(t, a && (uintptr_t)a % 64 == 0);
		KT_EXPECT(t, b && (uintptr_t)b % 256 == 0);
		kmem_cache_free(big, a);
		kmem_cache_free(odd, b);
	}
	kmem_cache_destroy(big);
	kmem_cache_destroy(small);
	kmem_cache_destroy(plain);
	kmem_cache_destroy(odd);
}

static void many_objects_give_frames_back(struct ktest *t)
{
	struct kmem_cache *c;
	size_t before, slabs;

	/* Heap pages freed earlier would otherwise come back during the test. */
	kmalloc_trim();
	before = free_frames();
	c = kmem_cache_create("t_many", 200, 8, 0, test_ctor);
	KT_EXPECT(t, c != NULL);
	if (!c)
		return;
	ctor_calls = 0;
	for (int i = 0; i < MANY; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KT_EXPECT(t, objs[i] != NULL);
		KT_EXPECT_EQ(t, *(unsigned int *)objs[i], CTOR_MAGIC);
		memset((char *)objs[i] + sizeof(unsigned int), 0xa5,
		       200 - sizeof(unsigned int));
	}
	slabs = c->num_slabs;
	KT_EXPECT(t, slabs > 1);
	KT_EXPECT_EQ(t, c->active, MANY);
	/* The constructor ran once per object of each slab made. */
	KT_EXPECT_EQ(t, ctor_calls, slabs * c->objs_per_slab);
	for (int i = 0; i < MANY; i++)
		for (int j = i + 1; j < MANY && j < i + 4; j++)
			KT_EXPECT(t, objs[i] != objs[j]);
	/* A constructed object's first word survives being freed. */
	kmem_cache_free(c, objs[0]);
	objs[0] = kmem_cache_alloc(c, GFP_KERNEL);
	KT_EXPECT_EQ(t, *(unsigned int *)objs[0], CTOR_MAGIC);
	for (int i = 0; i < MANY; i++)
		kmem_cache_free(c, objs[i]);
	/* Under KASAN the objects wait in its quarantine: free them now. */
	kasan_quarantine_drain();
	KT_EXPECT_EQ(t, c->num_slabs, 0);
	KT_EXPECT_EQ(t, c->active, 0);
	kmem_cache_destroy(c);
	kmalloc_trim();
	KT_EXPECT_EQ(t, free_frames(), before);
}

static void bad_frees_and_destroy(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("t_a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("t_b", 64, 0, 0, NULL);
	void *x, *y;
	char stack_obj[64];

	KT_EXPECT(t, a && b);
	if (!a || !b)
		return;
	x = kmem_cache_alloc(a, GFP_KERNEL);
	y = kmem_cache_alloc(a, GFP_KERNEL);
	/* The slab's own checks are tested: KASAN would catch these first. */
	kasan_disable_current();
	kmem_cache_free(b, x); /* another cache's object: refused */
	KT_EXPECT_EQ(t, a->active, 2);
	kmem_cache_free(a, (char *)x + 1); /* inside an object: refused */
	kmem_cache_free(a, stack_obj);	   /* not from any slab: refused */
	KT_EXPECT_EQ(t, a->active, 2);
	kmem_cache_free(a, x);
	kmem_cache_free(a, x); /* double free: refused */
	kasan_enable_current();
	KT_EXPECT_EQ(t, a->active, 1);
	kmem_cache_destroy(a); /* y is live: kept */
	KT_EXPECT_EQ(t, a->active, 1);
	kmem_cache_free(a, y);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	KT_EXPECT(t, kmem_cache_create("t_zero", 0, 0, 0, NULL) == NULL);
	KT_EXPECT(t, kmem_cache_create("t_align", 8, 24, 0, NULL) == NULL);
	KT_EXPECT(t, kmem_cache_create("t_huge", SLAB_OBJECT_MAX + 1, 0, 0,
				       NULL) == NULL);
}

static void symbol_formats(struct ktest *t)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%pS",
		 (void *)((uintptr_t)kmem_cache_alloc + 3));
	KT_EXPECT(t, !strncmp(buf, "kmem_cache_alloc+0x3/0x", 23));
	snprintf(buf, sizeof(buf), "%ps", (void *)kmem_cache_alloc);
	KT_EXPECT(t, !strcmp(buf, "kmem_cache_alloc"));
	snprintf(buf, sizeof(buf), "%px", (void *)0x1234);
	KT_EXPECT(t,
		  !strcmp(buf, "0x0000000000001234") || !strcmp(buf, "0x1234"));
}

struct item {
	int v;
	struct list_head node;
};

static void list_helpers(struct ktest *t)
{
	struct item items[4] = {
		{ .v = 1 }, { .v = 2 }, { .v = 3 }, { .v = 4 }
	};
	struct item *pos, *n;
	LIST_HEAD(head);
	int sum = 0, order = 0;

	KT_EXPECT(t, list_empty(&head));
	KT_EXPECT(t, !list_first_entry_or_null(&head, struct item, node));
	list_add_tail(&items[1].node, &head);
	list_add_tail(&items[2].node, &head);
	list_add(&items[0].node, &head);
	list_add_tail(&items[3].node, &head);
	KT_EXPECT_EQ(t, list_count_nodes(&head), 4);
	list_for_each_entry(pos, &head, node)
		order = order * 10 + pos->v;
	KT_EXPECT_EQ(t, order, 1234);
	list_for_each_entry_safe(pos, n, &head, node) {
		if (pos->v % 2 == 0)
			list_del(&pos->node);
	}
	list_for_each_entry(pos, &head, node)
		sum += pos->v;
	KT_EXPECT_EQ(t, sum, 4);
	KT_EXPECT(t, items[1].node.next == LIST_POISON1);
	KT_EXPECT_EQ(t, list_first_entry(&head, struct item, node)->v, 1);
	KT_EXPECT_EQ(t, list_first_entry_or_null(&head, struct item, node)->v,
		     1);
	KT_EXPECT_EQ(t, list_last_entry(&head, struct item, node)->v, 3);
}

KTEST_SUITE(slab, KTEST_CASE(hwcache_alignment),
	    KTEST_CASE(many_objects_give_frames_back),
	    KTEST_CASE(bad_frees_and_destroy), KTEST_CASE(symbol_formats),
	    KTEST_CASE(list_helpers));
