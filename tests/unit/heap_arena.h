/*
 * The heap's unit tests' fixture: the heap core (mm/heap.c) over the real
 * frame pool, a host buffer standing in for physical memory, the heap's
 * warnings going to capture() (capture.h, included first).
 */
#ifndef TESTS_UNIT_HEAP_ARENA_H
#define TESTS_UNIT_HEAP_ARENA_H

#define ARENA_SIZE (1024 * 1024) /* 256 frames of "physical memory" */

static struct frame_pool pool;
static void *storage;
static char *arena; /* physical address 0 */
static struct heap heap;

static void *src_alloc(struct heap *h, size_t pages)
{
	phys_addr_t pa = frame_pool_alloc(&pool, pages, 1);

	return pa ? arena + pa : NULL;
}

static void src_free(struct heap *h, void *addr, size_t pages)
{
	assert_int_equal(frame_pool_free(&pool, (char *)addr - arena, pages),
			 0);
}

static uint32_t *src_owner(struct heap *h, const void *addr)
{
	const char *p = addr;

	if (p < arena || p >= arena + ARENA_SIZE)
		return NULL;
	return frame_pool_owner(&pool, p - arena);
}

static const struct heap_page_source source = { src_alloc, src_free,
						src_owner };

/* A fresh arena, its frame pool and an empty heap over it. */
static void heap_arena_setup(void)
{
	const struct boot_mmap_entry map[] = {
		{ 0, ARENA_SIZE, MB2_MEMORY_AVAILABLE },
	};

	arena = aligned_alloc(PAGE_SIZE, ARENA_SIZE);
	storage = malloc(frame_pool_storage_size(ARENA_SIZE / PAGE_SIZE));
	frame_pool_init(&pool, storage, 0, ARENA_SIZE, map, 1, NULL, 0,
			capture);
	heap_init(&heap, &source, NULL, capture);
}

static int heap_arena_teardown(void **state)
{
	free(arena);
	free(storage);
	return 0;
}

#endif
