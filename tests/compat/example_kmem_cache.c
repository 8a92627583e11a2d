/*
 * example_kmem_cache.c - an object cache of cache-line aligned records
 * with a constructor: objects come out constructed and aligned, and go
 * back into the cache.  (A 28-byte record is aligned to 32 bytes, half a
 * cache line; the constructor's objects keep their free-list link after
 * the object, so they are 64 bytes apart.)  Includes only module.h and slab.h: pr_info(),
 * -ENOMEM and SLAB_HWCACHE_ALIGN all come through them.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define RECORDS 40

struct record {
	int id;
	int magic;
	char text[20];
};

static struct kmem_cache *record_cache;
static struct record *records[RECORDS];
static int constructed;

static void record_ctor(void *obj)
{
	struct record *r = obj;

	r->magic = 0x5eed;
	constructed++;
}

static int __init example_kmem_cache_init(void)
{
	int misaligned = 0, unconstructed = 0;
	struct record *z;

	record_cache = kmem_cache_create("record_cache", sizeof(struct record),
					 0, SLAB_HWCACHE_ALIGN, record_ctor);
	if (!record_cache)
		return -ENOMEM;
	for (int i = 0; i < RECORDS; i++) {
		records[i] = kmem_cache_alloc(record_cache, GFP_KERNEL);
		if (!records[i])
			return -ENOMEM;
		records[i]->id = i;
		if ((unsigned long)records[i] % 32)
			misaligned++;
		if (records[i]->magic != 0x5eed)
			unconstructed++;
	}
	pr_info("allocated %d records of %zu bytes: %d misaligned, %d unconstructed, %d constructed\n",
		RECORDS, sizeof(struct record), misaligned, unconstructed,
		constructed >= RECORDS ? RECORDS : constructed);
	pr_info("records 0 and 1 are %ld bytes apart\n",
		(long)((char *)records[1] - (char *)records[0]));
	kmem_cache_free(record_cache, records[7]);
	records[7] = kmem_cache_alloc(record_cache, GFP_KERNEL);
	pr_info("a freed record comes back constructed: magic %#x\n",
		records[7]->magic);
	z = kmem_cache_zalloc(record_cache, GFP_KERNEL);
	pr_info("kmem_cache_zalloc: id %d magic %d\n", z->id, z->magic);
	kmem_cache_free(record_cache, z);
	return 0;
}

static void __exit example_kmem_cache_exit(void)
{
	for (int i = 0; i < RECORDS; i++)
		kmem_cache_free(record_cache, records[i]);
	kmem_cache_destroy(record_cache);
	pr_info("record cache destroyed\n");
}

module_init(example_kmem_cache_init);
module_exit(example_kmem_cache_exit);

MODULE_LICENSE("GPL");
