/*
 * In-kernel tests of memory management on the running page tables: map,
 * translate and unmap; W^X over every kernel mapping; the heap under 10,000
 * random kmalloc/kfree with its counters back at the start; bad frees;
 * frame exhaustion; the module area and ioremap.
 */
#include <kernel/errno.h>
#include <kernel/kasan.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define TEST_VA 0xffffe00000000000ul /* nothing else maps here */
#define STRESS_OPS 10000
#define STRESS_SLOTS 256

static uint64_t rng_state = 88172645463325252ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void map_translate_unmap(struct ktest *t)
{
	phys_addr_t pa = frame_alloc(), got = 0;
	pte_t flags = 0;

	KT_EXPECT(t, pa != 0);
	KT_EXPECT_EQ(t, vmm_translate(TEST_VA, &got, NULL), -ENOENT);
	KT_EXPECT_EQ(t, vmm_map(TEST_VA, pa, 1, PAGE_KERNEL_RW), 0);
	KT_EXPECT_EQ(t, vmm_translate(TEST_VA + 0x123, &got, &flags), 0);
	KT_EXPECT_EQ(t, got, pa + 0x123);
	KT_EXPECT(t, (flags & PTE_WRITABLE) && (flags & PTE_NX));
	*(volatile uint64_t *)TEST_VA = 0x5a5a1234;
	KT_EXPECT_EQ(t, *(uint64_t *)phys_to_virt(pa), 0x5a5a1234);
	KT_EXPECT_EQ(t, vmm_map(TEST_VA, pa, 1, PAGE_KERNEL_RW), -EEXIST);
	KT_EXPECT_EQ(t, vmm_protect(TEST_VA, 1, PAGE_KERNEL_RO), 0);
	KT_EXPECT_EQ(t, vmm_translate(TEST_VA, NULL, &flags), 0);
	KT_EXPECT(t, !(flags & PTE_WRITABLE));
	KT_EXPECT_EQ(t, vmm_unmap(TEST_VA, 1), 0);
	KT_EXPECT_EQ(t, vmm_translate(TEST_VA, &got, NULL), -ENOENT);
	KT_EXPECT_EQ(t, vmm_unmap(TEST_VA, 1), -ENOENT);
	KT_EXPECT_EQ(t, vmm_protect(TEST_VA, 1, PAGE_KERNEL_RO), -ENOENT);
	/* Refused: misaligned, non-canonical, W+X, unknown flags. */
	KT_EXPECT_EQ(t, vmm_map(TEST_VA + 8, pa, 1, PAGE_KERNEL_RW), -EINVAL);
	KT_EXPECT_EQ(t, vmm_map(0x0000800000000000ul, pa, 1, PAGE_KERNEL_RW),
		     -EINVAL);
	KT_EXPECT_EQ(t, vmm_map(TEST_VA, pa, 1, PTE_PRESENT | PTE_WRITABLE),
		     -EINVAL);
	KT_EXPECT_EQ(t, vmm_map(TEST_VA, pa, 1, PTE_HUGE), -EINVAL);
	KT_EXPECT_EQ(t, vmm_translate(TEST_VA, NULL, NULL), -ENOENT);
	KT_EXPECT_EQ(t, frame_free(pa), 0);
}

struct wx_scan {
	size_t mappings, wx;
	uintptr_t first_wx;
};

static void wx_visit(uintptr_t va, pte_t pte, size_t size, void *arg)
{
	struct wx_scan *s = arg;

	s->mappings++;
	if ((pte & PTE_WRITABLE) && !(pte & PTE_NX) && !s->wx++)
		s->first_wx = va;
}

static void no_page_writable_and_executable(struct ktest *t)
{
	struct wx_scan s = { 0 };

	vmm_for_each_mapping(wx_visit, &s);
	KT_EXPECT(t, s.mappings > 100);
	KT_EXPECT_EQ(t, s.wx, 0);
	if (s.wx)
		ktest_fail(t, __FILE__, __LINE__, "first W+X page at %#lx",
			   (unsigned long)s.first_wx);
}

static void kernel_image_permissions(struct ktest *t)
{
	pte_t f = 0;

	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)__text_start, NULL, &f), 0);
	KT_EXPECT(t, !(f & PTE_WRITABLE) && !(f & PTE_NX));
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)__rodata_start, NULL, &f), 0);
	KT_EXPECT(t, !(f & PTE_WRITABLE) && (f & PTE_NX));
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)__data_start, NULL, &f), 0);
	KT_EXPECT(t, (f & PTE_WRITABLE) && (f & PTE_NX));
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)&rng_state, NULL, &f), 0);
	KT_EXPECT(t, (f & PTE_WRITABLE) && (f & PTE_NX));
	/* Unmapped: the guard page, the low half, freed init memory. */
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)kernel_stack_guard, NULL, NULL),
		     -ENOENT);
	KT_EXPECT_EQ(t, vmm_translate(0, NULL, NULL), -ENOENT);
	KT_EXPECT_EQ(t, vmm_translate(0x100000, NULL, NULL), -ENOENT);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)__init_begin, NULL, NULL),
		     -ENOENT);
}

static void direct_map_covers_ram(struct ktest *t)
{
	phys_addr_t pa = frame_alloc(), got = 0;
	struct mm_stats st;

	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)phys_to_virt(pa) + 5, &got, NULL),
		     0);
	KT_EXPECT_EQ(t, got, pa + 5);
	KT_EXPECT_EQ(t, virt_to_phys(phys_to_virt(pa)), pa);
	mm_get_stats(&st);
	/* The last frame of RAM is reachable too. */
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)phys_to_virt(
					   st.frames_total * PAGE_SIZE - 8),
				   NULL, NULL),
		     0);
	frame_free(pa);
}

/*
 * The direct map is in 2 MiB pages; a change of one frame's permissions
 * splits its page and leaves the frames around it as they were.
 */
static void direct_map_splits_huge_pages(struct ktest *t)
{
	struct mm_stats st;
	phys_addr_t base, got = 0;
	uintptr_t va;
	pte_t flags = 0;

	mm_get_stats(&st);
	/* Mid-RAM, away from the kernel and the boot's allocations. */
	base = ALIGN_DOWN(st.frames_total * PAGE_SIZE / 2, HUGE_PAGE_SIZE);
	va = (uintptr_t)phys_to_virt(base + 5 * PAGE_SIZE);
	KT_EXPECT_EQ(t, vmm_translate(va, NULL, &flags), 0);
	KT_EXPECT(t, (flags & PTE_HUGE) && (flags & PTE_WRITABLE));
	KT_EXPECT_EQ(t, vmm_protect(va, 1, PAGE_KERNEL_RO), 0);
	KT_EXPECT_EQ(t, vmm_translate(va, &got, &flags), 0);
	KT_EXPECT_EQ(t, got, base + 5 * PAGE_SIZE);
	KT_EXPECT(t, !(flags & PTE_HUGE) && !(flags & PTE_WRITABLE));
	/* Its neighbours and the first frame of the old page: writable still. */
	KT_EXPECT_EQ(t, vmm_translate(va + PAGE_SIZE + 7, &got, &flags), 0);
	KT_EXPECT_EQ(t, got, base + 6 * PAGE_SIZE + 7);
	KT_EXPECT(t, (flags & PTE_WRITABLE) && (flags & PTE_NX));
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)phys_to_virt(base), &got, &flags),
		     0);
	KT_EXPECT_EQ(t, got, base);
	KT_EXPECT(t, flags & PTE_WRITABLE);
	KT_EXPECT_EQ(t, vmm_protect(va, 1, PAGE_KERNEL_RW), 0);
	KT_EXPECT_EQ(t, vmm_translate(va, NULL, &flags), 0);
	KT_EXPECT(t, flags & PTE_WRITABLE);
}

static bool pattern_ok(const uint8_t *p, size_t n, uint8_t tag)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != tag)
			return false;
	return true;
}

static void kmalloc_stress_returns_counters(struct ktest *t)
{
	static struct {
		uint8_t *p;
		size_t n;
	} slot[STRESS_SLOTS];
	struct mm_stats before, after;
	size_t corrupt = 0, failed = 0;

	kmalloc_trim();
	mm_get_stats(&before);
	for (int i = 0; i < STRESS_OPS; i++) {
		size_t k = rng() % STRESS_SLOTS;

		if (slot[k].p) {
			corrupt +=
				!pattern_ok(slot[k].p, slot[k].n, (uint8_t)k);
			kfree(slot[k].p);
			slot[k].p = NULL;
			continue;
		}
		slot[k].n = rng() % 8 ? 1 + rng() % 512 : 1 + rng() % 9000;
		slot[k].p = kmalloc(slot[k].n, GFP_KERNEL);
		if (!slot[k].p) {
			failed++;
			continue;
		}
		KT_EXPECT(t, ksize(slot[k].p) >= slot[k].n);
		memset(slot[k].p, (int)k, slot[k].n);
	}
	for (size_t k = 0; k < STRESS_SLOTS; k++) {
		if (slot[k].p)
			corrupt +=
				!pattern_ok(slot[k].p, slot[k].n, (uint8_t)k);
		kfree(slot[k].p);
		slot[k].p = NULL;
	}
	kmalloc_trim();
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, corrupt, 0);
	KT_EXPECT_EQ(t, failed, 0);
	KT_EXPECT_EQ(t, after.heap_bytes, before.heap_bytes);
	KT_EXPECT_EQ(t, after.heap_allocations, before.heap_allocations);
	KT_EXPECT_EQ(t, after.heap_pages, before.heap_pages);
	KT_EXPECT_EQ(t, after.frames_free, before.frames_free);
}

static void bad_frees_are_reported(struct ktest *t)
{
	struct mm_stats before, after;
	static int not_heap;
	char *p = kmalloc(100, GFP_KERNEL);
	phys_addr_t pa = frame_alloc();

	mm_get_stats(&before);
	/* The heap's own checks are tested: KASAN would catch these first. */
	kasan_disable_current();
	kfree(NULL);
	kfree(p);
	kfree(p);
	kfree(&not_heap);
	kfree(phys_to_virt(pa));
	kasan_enable_current();
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, after.heap_bad_frees, before.heap_bad_frees + 3);
	KT_EXPECT_EQ(t, after.heap_allocations, before.heap_allocations - 1);
	KT_EXPECT_EQ(t, frame_free(pa), 0);
	KT_EXPECT_EQ(t, frame_free(pa), -EINVAL);
	KT_EXPECT_EQ(t, frame_free(0x1000), -EINVAL); /* reserved */
	KT_EXPECT_EQ(t, frame_free(0x123), -EINVAL);  /* misaligned */
}

static void zeroing_and_realloc(struct ktest *t)
{
	uint8_t *p = kzalloc(300, GFP_KERNEL), *q;
	bool zero = true;

	for (size_t i = 0; i < 300; i++)
		zero &= p[i] == 0;
	KT_EXPECT(t, zero);
	memcpy(p, "sprout", 7);
	q = krealloc(p, 5000, GFP_KERNEL);
	KT_EXPECT(t, q && !strcmp((char *)q, "sprout"));
	KT_EXPECT_EQ(t, (uintptr_t)q % PAGE_SIZE, 0);
	KT_EXPECT(t, krealloc(q, 0, GFP_KERNEL) == NULL);
	KT_EXPECT(t, kmalloc(0, GFP_KERNEL) == NULL);
	KT_EXPECT(t, kmalloc(~0ul, GFP_KERNEL) == NULL);
}

struct log_find {
	const char *text;
	bool found;
};

static void log_find_line(void *arg, int level, uint64_t ns, const char *text)
{
	struct log_find *f = arg;

	f->found |= !strcmp(text, f->text);
}

static bool logged(const char *text)
{
	struct log_find f = { text, false };

	log_for_each(log_find_line, &f);
	return f.found;
}

/* Take every free frame (chained through themselves), then give all back. */
static void frame_exhaustion(struct ktest *t)
{
	struct mm_stats before, after;
	phys_addr_t head = 0, pa;
	size_t n = 0;

	kmalloc_trim();
	mm_get_stats(&before);
	while ((pa = frame_alloc())) {
		*(phys_addr_t *)phys_to_virt(pa) = head;
		head = pa;
		n++;
	}
	KT_EXPECT_EQ(t, n, before.frames_free);
	KT_EXPECT(t, kmalloc(2 * PAGE_SIZE, GFP_KERNEL) == NULL);
	KT_EXPECT(t, modarea_alloc(PAGE_SIZE, PAGE_KERNEL_RW) == NULL);
	KT_EXPECT_EQ(t, frame_alloc_contig(2, 1), 0);
	KT_EXPECT(t, logged("mm: kmalloc: out of memory for 8192 bytes"));
	KT_EXPECT(t,
		  logged("mm: out of memory: no 2 free frame(s) aligned to 1 (0 free)"));
	while (head) {
		pa = head;
		head = *(phys_addr_t *)phys_to_virt(pa);
		KT_EXPECT_EQ(t, frame_free(pa), 0);
	}
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, after.frames_free, before.frames_free);
}

static void contiguous_frames(struct ktest *t)
{
	phys_addr_t pa = frame_alloc_contig(16, 16);

	KT_EXPECT(t, pa != 0);
	KT_EXPECT_EQ(t, pa % (16 * PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, frame_free_contig(pa, 16), 0);
}

static void module_area(struct ktest *t)
{
	struct mm_stats before, after;
	uint8_t *p, *q;
	pte_t f = 0;
	bool zero = true;

	kmalloc_trim();
	mm_get_stats(&before);
	p = modarea_alloc(3 * PAGE_SIZE - 5, PAGE_KERNEL_RW);
	q = modarea_alloc(1, PAGE_KERNEL_RO);
	KT_EXPECT(t, p && (uintptr_t)p >= MODULE_AREA_START &&
			     (uintptr_t)p + 3 * PAGE_SIZE <= MODULE_AREA_END);
	KT_EXPECT(t, q && (q >= p + 4 * PAGE_SIZE || q + 2 * PAGE_SIZE <= p));
	for (size_t i = 0; p && i < 3 * PAGE_SIZE; i++)
		zero &= p[i] == 0;
	KT_EXPECT(t, zero);
	p[0] = 0xc3; /* a "ret", written while writable */
	KT_EXPECT_EQ(t, modarea_protect(p, PAGE_KERNEL_RX), 0);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p + 2 * PAGE_SIZE, NULL, &f),
		     0);
	KT_EXPECT(t, !(f & PTE_WRITABLE) && !(f & PTE_NX));
	((void (*)(void))p)();
	KT_EXPECT_EQ(t, modarea_protect(p, PTE_PRESENT | PTE_WRITABLE),
		     -EINVAL);
	KT_EXPECT_EQ(t, modarea_protect(p + 1, PAGE_KERNEL_RO), -EINVAL);
	KT_EXPECT(t, modarea_alloc(PAGE_SIZE, PTE_WRITABLE) == NULL); /* W^X */
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p + 3 * PAGE_SIZE, NULL, NULL),
		     -ENOENT);
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, after.modarea_pages, before.modarea_pages + 4);
	modarea_free(p);
	modarea_free(q);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p, NULL, NULL), -ENOENT);
	kmalloc_trim();
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, after.modarea_pages, before.modarea_pages);
	KT_EXPECT_EQ(t, after.frames_free, before.frames_free);
}

static void ioremap_above_4g(struct ktest *t)
{
	const phys_addr_t mmio = 0x4000001234ull; /* 256 GiB: no RAM there */
	uint8_t *p = ioremap(mmio, 0x2000);
	phys_addr_t got = 0;
	pte_t f = 0;

	KT_EXPECT(t, p != NULL);
	KT_EXPECT_EQ(t, (uintptr_t)p & (PAGE_SIZE - 1), 0x234);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p + 0x1000, &got, &f), 0);
	KT_EXPECT_EQ(t, got, mmio + 0x1000);
	KT_EXPECT(t, (f & PTE_PCD) && (f & PTE_NX));
	/* 0x234 + 0x2000 spans three pages. */
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p + 0x2000, NULL, NULL), 0);
	iounmap(p);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)p, NULL, NULL), -ENOENT);
	KT_EXPECT(t, ioremap(mmio, 0) == NULL);
	KT_EXPECT(t, ioremap(~0ull - 10, 100) == NULL);
}

KTEST_SUITE(mm, KTEST_CASE(map_translate_unmap),
	    KTEST_CASE(no_page_writable_and_executable),
	    KTEST_CASE(kernel_image_permissions),
	    KTEST_CASE(direct_map_covers_ram),
	    KTEST_CASE(direct_map_splits_huge_pages),
	    KTEST_CASE(kmalloc_stress_returns_counters),
	    KTEST_CASE(bad_frees_are_reported), KTEST_CASE(zeroing_and_realloc),
	    KTEST_CASE(frame_exhaustion), KTEST_CASE(contiguous_frames),
	    KTEST_CASE(module_area), KTEST_CASE(ioremap_above_4g));
