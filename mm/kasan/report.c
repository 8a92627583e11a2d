/*
 * KASAN's reports, in Linux 6.1's words and layout (mm/kasan/report.c):
 * the bug type read from the shadow, the access, the task and its call
 * trace, the object's allocation and free stacks, where the address lies
 * in the object, and the shadow around it.  Built uninstrumented: the
 * report reads poisoned memory's shadow, and must not report itself.
 */
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "../slub_debug.h"
#include "internal.h"

#define COMM_LEN 16
#define ROW_BYTES 16 /* shadow bytes per row of the memory state */
#define ROWS_AROUND 2

bool kasan_in_report;

/* The shadow byte that says why @addr is bad: past a partial granule, the
 * next one. */
static uint8_t bad_shadow(uintptr_t addr)
{
	int8_t *s = kasan_mem_to_shadow((void *)addr);

	if (*s > 0 && *s < (int8_t)KASAN_GRANULE_SIZE)
		s++;
	return (uint8_t)*s;
}

static const char *bug_type(uintptr_t addr)
{
	switch (bad_shadow(addr)) {
	case KASAN_PAGE_REDZONE:
	case KASAN_SLAB_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_GLOBAL_REDZONE:
		return "global-out-of-bounds";
	case KASAN_PAGE_FREE:
	case KASAN_SLAB_FREE:
		return "use-after-free";
	case KASAN_STACK_LEFT:
	case KASAN_STACK_MID:
	case KASAN_STACK_RIGHT:
		return "stack-out-of-bounds";
	case KASAN_USE_AFTER_SCOPE:
		return "use-after-scope";
	case KASAN_ALLOCA_LEFT:
	case KASAN_ALLOCA_RIGHT:
		return "alloca-out-of-bounds";
	default:
		return "unknown-crash";
	}
}

static void print_separator(void)
{
	pr_err("=================================================="
	       "================\n");
}

/* "CPU: 0 PID: 1 Comm: sh Not tainted Sprout 0.1", then the call trace. */
static void print_task_and_trace(void)
{
	dump_stack_print_info(KERN_ERR);
	dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
	pr_err("\n");
}

static void print_object(struct kasan_object *o, uintptr_t addr)
{
	size_t size = o->cache ? o->cache->object_size : o->region;
	const char *where = "inside";
	size_t rel = addr - o->addr;
	char name[SLAB_NAME_LEN];

	pr_err("Allocated by task %d:\n", o->alloc_pid);
	kasan_print_stack(o->alloc_stack);
	pr_err("\n");
	if (o->freed) {
		pr_err("Freed by task %d:\n", o->free_pid);
		kasan_print_stack(o->free_stack);
		pr_err("\n");
	}
	if (o->cache)
		strlcpy(name, o->cache->name, sizeof(name));
	else
		snprintf(name, sizeof(name), "kmalloc-%u", o->region);
	pr_err("The buggy address belongs to the object at %016lx\n"
	       " which belongs to the cache %s of size %zu\n",
	       o->addr, name, size);
	if (rel >= size) {
		where = "to the right of";
		rel -= size;
	}
	pr_err("The buggy address is located %zu bytes %s of\n"
	       " %zu-byte region [%016lx, %016lx)\n",
	       rel, where, size, o->addr, o->addr + size);
}

/* Each local of the frame as Linux lists it, "[32, 40) 'buf'", from
 * GCC's description: the count, then offset, size, name length and name
 * of each ("buf:16", with its line). */
static void print_frame_locals(const char *descr)
{
	unsigned long n, off, size, len;
	char name[KSYM_NAME_LEN];
	int used;

	if (sscanf(descr, "%lu%n", &n, &used) != 1)
		return;
	descr += used;
	pr_err("This frame has %lu %s:\n", n, n == 1 ? "object" : "objects");
	for (unsigned long i = 0; i < n; i++, descr += used) {
		if (sscanf(descr, "%lu %lu %lu %127s%n", &off, &size, &len,
			   name, &used) != 4)
			return;
		/* The line, without its file, says little: as Linux, not shown. */
		if (strchr(name, ':'))
			*strchr(name, ':') = '\0';
		pr_err(" [%lu, %lu) '%s'\n", off, off + size, name);
	}
}

/* A stack address: whose stack, and which frame and local, as Linux's. */
static void print_stack_address(uintptr_t addr)
{
	char sym[KSYM_SYMBOL_LEN], comm[COMM_LEN];
	struct kasan_frame f;

	mm_debug_comm(comm, sizeof(comm));
	pr_err("The buggy address belongs to stack of task %s/%d\n", comm,
	       mm_debug_pid());
	if (!kasan_find_frame(addr, &f))
		return;
	sprint_symbol(sym, sizeof(sym), f.pc);
	pr_err(" and is located at offset %lu in frame:\n", f.offset);
	pr_err(" %s\n", sym);
	pr_err("\n");
	print_frame_locals(f.descr);
}

/* What the address belongs to: a heap object, a variable, a page. */
static void print_address_description(uintptr_t addr)
{
	char sym[KSYM_SYMBOL_LEN];
	struct kasan_object *o = kasan_object_containing(addr);
	const struct kasan_global *g;

	if (o) {
		print_object(o, addr);
	} else if (kasan_stack_address(addr)) {
		print_stack_address(addr);
	} else if ((g = kasan_global_find(addr))) {
		pr_err("The buggy address belongs to the variable:\n");
		pr_err(" %s+0x%lx/0x%zx\n", g->name, addr - (uintptr_t)g->beg,
		       g->size);
	} else if (addr >= KERNEL_VIRT_BASE) {
		sprint_symbol(sym, sizeof(sym), addr);
		pr_err("The buggy address belongs to the code or data at:\n");
		pr_err(" %s\n", sym);
	} else {
		pr_err("The buggy address belongs to the physical page:\n");
		pr_err("page: pfn:0x%lx\n",
		       (unsigned long)(virt_to_phys((void *)addr) >>
				       PAGE_SHIFT));
	}
	pr_err("\n");
}

/* Five rows of shadow around @addr, the row holding it marked '>', and a
 * caret under its shadow byte. */
static void print_memory_state(uintptr_t addr)
{
	uintptr_t row_bytes = ROW_BYTES << KASAN_GRANULE_SHIFT;
	uintptr_t row = ALIGN_DOWN(addr, row_bytes) - ROWS_AROUND * row_bytes;

	pr_err("Memory state around the buggy address:\n");
	for (int i = 0; i <= 2 * ROWS_AROUND; i++, row += row_bytes) {
		const uint8_t *s =
			(const uint8_t *)kasan_mem_to_shadow((void *)row);
		bool here = addr >= row && addr < row + row_bytes;

		if (!kasan_shadow_covers(row) ||
		    !kasan_shadow_covers(row + row_bytes - 1))
			continue;
		pr_err("%c%016lx: %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x %02x\n",
		       here ? '>' : ' ', row, s[0], s[1], s[2], s[3], s[4],
		       s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13],
		       s[14], s[15]);
		if (here)
			/* Past ">" the address and ": ", three columns a byte. */
			pr_err("%*c\n",
			       (int)(1 + 16 + 2 +
				     3 * ((addr - row) >> KASAN_GRANULE_SHIFT) +
				     1),
			       '^');
	}
}

static bool report_begin(void)
{
	if (kasan_in_report)
		return false;
	kasan_in_report = true;
	print_separator();
	return true;
}

static void report_end(uintptr_t addr)
{
	print_address_description(addr);
	print_memory_state(addr);
	print_separator();
	kasan_in_report = false;
}

void kasan_report(uintptr_t addr, size_t size, bool write, uintptr_t ip)
{
	uintptr_t bad = kasan_first_bad(addr, size);
	char sym[KSYM_SYMBOL_LEN], comm[COMM_LEN];
	int pid;

	if (!report_begin())
		return;
	sprint_symbol(sym, sizeof(sym), ip);
	pid = mm_debug_pid();
	mm_debug_comm(comm, sizeof(comm));
	pr_err("BUG: KASAN: %s in %s\n", bug_type(bad ? bad : addr), sym);
	pr_err("%s of size %zu at addr %016lx by task %s/%d\n",
	       write ? "Write" : "Read", size, addr, comm, pid);
	pr_err("\n");
	print_task_and_trace();
	report_end(addr);
}

void kasan_report_invalid_free(uintptr_t addr, uintptr_t ip, bool double_free)
{
	char sym[KSYM_SYMBOL_LEN];

	if (!report_begin())
		return;
	sprint_symbol(sym, sizeof(sym), ip);
	pr_err("BUG: KASAN: %s in %s\n",
	       double_free ? "double-free" : "invalid-free", sym);
	pr_err("\n");
	print_task_and_trace();
	report_end(addr);
}
