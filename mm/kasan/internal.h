/*
 * Private to KASAN's runtime: the shadow's encoding and address, and what
 * its files offer each other.  Below to above: globals.c, stackdepot.c,
 * shadow.c, stack.c, object.c, report.c, then check.c (the compiler's
 * entry points) and generic.c (the allocators' hooks and the quarantine).
 */
#ifndef MM_KASAN_INTERNAL_H
#define MM_KASAN_INTERNAL_H

#include <kernel/kasan.h>
#include <kernel/mm.h>
#include <kernel/types.h>

/* excerpt: kasan-shadow */
/*
 * One shadow byte describes 8 bytes of memory (Linux's generic encoding):
 * 0 all 8 accessible, 1..7 the first k, a negative value none, with the
 * reason (Linux's values, mm/kasan/kasan.h).
 */
#define KASAN_GRANULE_SHIFT 3
#define KASAN_GRANULE_SIZE (1ul << KASAN_GRANULE_SHIFT)
#define KASAN_SHADOW_OFFSET 0xdffffc0000000000ul /* -fasan-shadow-offset */

#define KASAN_PAGE_FREE 0xff	   /* a free frame */
#define KASAN_PAGE_REDZONE 0xfe	   /* past a large kmalloc, in its pages */
#define KASAN_SLAB_REDZONE 0xfc	   /* past an object, or not handed out */
#define KASAN_SLAB_FREE 0xfb	   /* a freed object, in the quarantine */
#define KASAN_GLOBAL_REDZONE 0xf9  /* after a global */
#define KASAN_STACK_LEFT 0xf1	   /* a frame's red zones, by the */
#define KASAN_STACK_MID 0xf2	   /* compiler: before, between and */
#define KASAN_STACK_RIGHT 0xf3	   /* after its locals */
#define KASAN_USE_AFTER_SCOPE 0xf8 /* a local out of its block */
#define KASAN_ALLOCA_LEFT 0xca	   /* around a variable-length */
#define KASAN_ALLOCA_RIGHT 0xcb	   /* array (alloca) */

static inline int8_t *kasan_mem_to_shadow(const void *addr)
{
	return (int8_t *)(((uintptr_t)addr >> KASAN_GRANULE_SHIFT) +
			  KASAN_SHADOW_OFFSET);
}
/* excerpt-end: kasan-shadow */

static inline const void *kasan_shadow_to_mem(const int8_t *shadow)
{
	return (const void *)(((uintptr_t)shadow - KASAN_SHADOW_OFFSET)
			      << KASAN_GRANULE_SHIFT);
}

/*
 * A global as GCC describes it (its asan ABI, version 8): where it is,
 * its size, and its size with the redzone after it.
 */
struct kasan_global {
	const void *beg;
	size_t size;
	size_t size_with_redzone;
	const char *name;
	const char *module_name;
	unsigned long has_dynamic_init; /* C++ only */
	void *location;
	uintptr_t odr_indicator;
};

/* ---- Registered globals, for reports (globals.c) ---- */

/*
 * kasan_globals_add - remember @n globals described at @globals (a file's
 * array, in its image or module).  kasan_globals_forget - forget every
 * array inside the @size bytes at @start (memory being freed).
 * kasan_global_find - the global whose redzone or body holds @addr, or
 * NULL.
 */
void kasan_globals_add(const struct kasan_global *globals, size_t n);
void kasan_globals_forget(const void *start, size_t size);
const struct kasan_global *kasan_global_find(uintptr_t addr);

/* ---- Stack depot (stackdepot.c) ---- */

#define KASAN_STACK_DEPTH 16

/*
 * kasan_save_stack - record the caller's call chain, skipping @skip
 * frames, in the depot: each distinct chain is stored once.  Returns its
 * handle, 0 if the depot is full.  kasan_print_stack - print the chain of
 * @handle, one " name+off/size" line per frame.
 */
uint32_t kasan_save_stack(unsigned int skip);
void kasan_print_stack(uint32_t handle);

/* kasan_stack_init - the depot's pool, from frames.  false: none. */
bool kasan_stack_init(void);

/* ---- The shadow (shadow.c) ---- */

/* Set once the shadow is mapped and kasan=off was not given. */
extern bool kasan_enabled;
/* Above 0 between kasan_disable_current() and kasan_enable_current(). */
extern unsigned int kasan_depth;

/*
 * kasan_shadow_covers - @addr has shadow: RAM in the direct map, the
 * kernel image, a mapped part of the module area.
 */
bool kasan_shadow_covers(uintptr_t addr);

/* The boot stacks' shadow pages, mapped by kasan_early_init() (stack.c),
 * which kasan_init() leaves as they are. */
extern uintptr_t kasan_boot_shadow_start, kasan_boot_shadow_end;

/*
 * kasan_poison - mark the @size bytes at @addr (granule-aligned) as
 * @value.  kasan_unpoison - mark @size bytes accessible, the granule with
 * their end partly (1..7), and nothing after.
 */
void kasan_poison(const void *addr, size_t size, uint8_t value);
void kasan_unpoison(const void *addr, size_t size);

/*
 * kasan_first_bad - the first byte of [@addr, @addr + @size) the shadow
 * forbids, or 0 if all are accessible (or have no shadow).
 */
uintptr_t kasan_first_bad(uintptr_t addr, size_t size);

/* ---- Stacks (stack.c) ---- */

/* A bad stack address's frame: @offset bytes from its base, in the
 * function at @pc, whose locals GCC describes in @descr. */
struct kasan_frame {
	uintptr_t offset;
	const char *descr;
	uintptr_t pc;
};

/*
 * kasan_stack_address - @addr is in a kernel stack (the boot stacks, the
 * stack area).  kasan_find_frame - the frame holding @addr, from the
 * shadow and GCC's mark at its base; false if none is found.
 */
bool kasan_stack_address(uintptr_t addr);
bool kasan_find_frame(uintptr_t addr, struct kasan_frame *f);

/* ---- Heap objects (object.c) ---- */

/* An object the heaps handed out, or freed into the quarantine. */
struct kasan_object {
	uintptr_t addr;		  /* 0: a free slot */
	struct kmem_cache *cache; /* NULL: kmalloc */
	uint32_t size;		  /* asked for */
	uint32_t region;	  /* the object's bytes in its slab */
	uint32_t alloc_stack, free_stack;
	int alloc_pid, free_pid;
	bool freed;
};

/* kasan_objects_init - the object table, from frames.  false: none. */
bool kasan_objects_init(void);

/*
 * kasan_object_add - a slot for a new object at @addr (its old record, if
 * one was left, is reused); NULL when the table is full.
 * kasan_object_find - the record of the object starting at @addr, or
 * NULL.  kasan_object_containing - of the object whose region holds
 * @addr, or NULL.  kasan_object_remove - forget @obj.
 */
struct kasan_object *kasan_object_add(uintptr_t addr);
struct kasan_object *kasan_object_find(uintptr_t addr);
struct kasan_object *kasan_object_containing(uintptr_t addr);
void kasan_object_remove(struct kasan_object *obj);

/* Set once the table filled up: an unknown pointer may be a real object. */
extern bool kasan_objects_overflowed;

/* ---- Reports (report.c) ---- */

/*
 * kasan_report - a bad access of @size bytes at @addr (@write) by the
 * code at @ip: Linux's report.  kasan_report_invalid_free - a free of
 * @addr that is no live object, from @ip: of one freed already
 * (@double_free), or of a pointer that is no object's start.  Each prints
 * one report and returns; a report inside a report is dropped.
 */
void kasan_report(uintptr_t addr, size_t size, bool write, uintptr_t ip);
void kasan_report_invalid_free(uintptr_t addr, uintptr_t ip, bool double_free);

/* Set while a report prints: no check reports inside one. */
extern bool kasan_in_report;

#endif
