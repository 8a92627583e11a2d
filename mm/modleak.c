/*
 * Per-module leak records (CONFIG_DEBUG_KMEMLEAK_MODULES): every heap or
 * kmem_cache allocation made with a module's code on the call chain is
 * recorded -- its size, the call chain, the task, the time -- and its
 * free, by whoever, drops the record.  When the module unloads, what it
 * still has is listed as Linux's kmemleak lists unreferenced objects, and
 * counted in totals that /sys/kernel/debug/kmemleak shows.
 */
#include <kernel/kallsyms.h>
#include <kernel/mm_debug.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "slub_debug.h"

#define MODLEAK_DEPTH 8	     /* call chain kept per record */
#define MODLEAK_BUCKETS 256  /* hash of object addresses */
#define MODLEAK_SITE_LEN 96  /* the module's frame, named at allocation */
#define MODLEAK_MODULES 32   /* modules with totals, after the sum */
#define MODLEAK_HEX_BYTES 32 /* kmemleak's hex dump: the first 32 bytes */

struct modleak_record {
	struct modleak_record *next; /* in its bucket or list */
	const void *ptr;
	size_t size;
	const void *owner;
	unsigned long seq; /* allocation order, for the report */
	unsigned long when;
	int pid;
	char comm[MM_DEBUG_COMM_LEN];
	unsigned long trace[MODLEAK_DEPTH];
	unsigned int nr_trace;
	unsigned int site; /* trace[site] is the module's code */
	/*
	 * Named now: an allocation in an __init function is listed after
	 * its init text and symbols are gone.
	 */
	char site_name[MODLEAK_SITE_LEN];
};

static struct modleak_record *buckets[MODLEAK_BUCKETS];
static struct modleak_record *free_records; /* from whole frames */
static const struct modleak_owner_ops *owner_ops;
static struct modleak_totals totals[1 + MODLEAK_MODULES];
static bool warned_no_record;
static unsigned long next_seq;

void modleak_owner_register(const struct modleak_owner_ops *ops)
{
	owner_ops = ops;
}

static struct modleak_record **bucket(const void *ptr)
{
	uintptr_t a = (uintptr_t)ptr >> 4;

	return &buckets[(a ^ a >> 8 ^ a >> 16) % MODLEAK_BUCKETS];
}

/* A record from the pool, which grows a frame at a time.  Interrupts off. */
static struct modleak_record *record_get(void)
{
	struct modleak_record *r = free_records;

	if (!r) {
		phys_addr_t pa = frame_alloc();
		struct modleak_record *page;

		if (!pa)
			return NULL;
		page = phys_to_virt(pa);
		for (size_t i = 0; i < PAGE_SIZE / sizeof(*r); i++) {
			page[i].next = free_records;
			free_records = &page[i];
		}
		r = free_records;
	}
	free_records = r->next;
	return r;
}

static void record_put(struct modleak_record *r)
{
	r->next = free_records;
	free_records = r;
}

/* excerpt: modleak-find-owner */
/*
 * The module code on @r's chain, from the allocator's caller up.  In an
 * interrupt handler or a softirq the chain goes on into whatever code was
 * interrupted (the entry code makes its frame look like a call), which
 * did not ask for the memory: there only the allocator's direct caller
 * counts -- a module's own handler calling kmalloc().
 */
static bool find_owner(struct modleak_record *r)
{
	unsigned int depth = in_hardirq() || in_serving_softirq() ?
				     MIN(r->nr_trace, 1u) :
				     r->nr_trace;
	const char *name;

	for (unsigned int i = 0; i < depth; i++) {
		uintptr_t a = r->trace[i];

		if (a < MODULE_AREA_START || a >= MODULE_AREA_END)
			continue;
		r->owner = owner_ops->owner(a, &name);
		if (r->owner) {
			r->site = i;
			sprint_symbol(r->site_name, sizeof(r->site_name), a);
			return true;
		}
	}
	return false;
}
/* excerpt-end: modleak-find-owner */

/* Interrupts are off: the allocators call this inside their section. */
void modleak_alloc(const void *ptr, size_t size, unsigned long ip)
{
	unsigned long chain[MODLEAK_DEPTH + 8];
	unsigned int n, i = 0;
	struct modleak_record *r;

	if (!ptr || !owner_ops)
		return;
	n = stack_trace_save(chain, ARRAY_SIZE(chain), 0);
	while (i < n && chain[i] != ip)
		i++;
	if (i == n)
		return; /* not called as the allocators do */
	r = record_get();
	if (!r) {
		if (!warned_no_record)
			pr_warn("kmemleak: no memory for a record of %p; leaks may go unreported\n",
				ptr);
		warned_no_record = true;
		return;
	}
	r->nr_trace = MIN(n - i, (unsigned int)MODLEAK_DEPTH);
	memcpy(r->trace, &chain[i], r->nr_trace * sizeof(chain[0]));
	if (!find_owner(r)) {
		record_put(r);
		return;
	}
	r->ptr = ptr;
	r->size = size;
	r->seq = next_seq++;
	r->when = jiffies;
	r->pid = mm_debug_pid();
	mm_debug_comm(r->comm, sizeof(r->comm));
	r->next = *bucket(ptr);
	*bucket(ptr) = r;
}

/* Interrupts may be on: kfree() calls this before KASAN's quarantine. */
void modleak_free(const void *ptr)
{
	struct modleak_record **p;
	uint64_t irq;

	if (!ptr)
		return;
	irq = irq_save();
	for (p = bucket(ptr); *p; p = &(*p)->next)
		if ((*p)->ptr == ptr) {
			struct modleak_record *r = *p;

			*p = r->next;
			record_put(r);
			break;
		}
	irq_restore(irq);
}

void modleak_realloc(const void *old, const void *ptr, size_t size,
		     unsigned long ip)
{
	if (old && !ptr && size)
		return; /* failed: @old is untouched */
	modleak_free(old);
	modleak_alloc(ptr, size, ip);
}

/* ---- The report at unload ---- */

/*
 * Take @owner's records out of the table, into a list in the order they
 * were allocated, as kmemleak lists its objects.  Interrupts off.
 */
static struct modleak_record *take_records(const void *owner, size_t *count,
					   size_t *bytes)
{
	struct modleak_record *list = NULL;

	*count = *bytes = 0;
	for (size_t b = 0; b < MODLEAK_BUCKETS; b++) {
		struct modleak_record **p = &buckets[b];

		while (*p) {
			struct modleak_record *r = *p, **at = &list;

			if (r->owner != owner) {
				p = &r->next;
				continue;
			}
			*p = r->next;
			while (*at && (*at)->seq < r->seq)
				at = &(*at)->next;
			r->next = *at;
			*at = r;
			(*count)++;
			*bytes += r->size;
		}
	}
	return list;
}

/* kmemleak's hex dump rows: 16 bytes, then their characters. */
static void print_hex(const uint8_t *p, size_t len)
{
	for (size_t row = 0; row < len; row += 16) {
		char hex[16 * 3 + 1], ascii[17];

		mm_debug_hex_row(p + row, MIN(len - row, (size_t)16), hex,
				 ascii);
		pr_warn("    %-49s%s\n", hex, ascii);
	}
}

/* One object as kmemleak's print_unreferenced() shows it. */
static void print_unreferenced(const struct modleak_record *r)
{
	unsigned long age = (jiffies - r->when) * (1000 / HZ);
	size_t dump = MIN(r->size, (size_t)MODLEAK_HEX_BYTES);

	pr_warn("unreferenced object %p (size %zu):\n", r->ptr, r->size);
	pr_warn("  comm \"%s\", pid %d, jiffies %lu (age %lu.%03lus)\n",
		r->comm, r->pid, r->when, age / 1000, age % 1000);
	pr_warn("  hex dump (first %zu bytes):\n", dump);
	print_hex(r->ptr, dump);
	pr_warn("  backtrace:\n");
	for (unsigned int i = 0; i < r->nr_trace; i++) {
		if (i == r->site)
			pr_warn("    [<%016lx>] %s\n", r->trace[i],
				r->site_name);
		else
			pr_warn("    [<%016lx>] %pS\n", r->trace[i],
				(void *)r->trace[i]);
	}
}

static void count_totals(const char *name, size_t count, size_t bytes)
{
	struct modleak_totals *t = &totals[1];

	while (t < totals + ARRAY_SIZE(totals) && t->name[0] &&
	       strcmp(t->name, name))
		t++;
	totals[0].reports++;
	totals[0].objects += count;
	totals[0].bytes += bytes;
	if (t == totals + ARRAY_SIZE(totals))
		return; /* the sum has it; no room for one more name */
	strlcpy(t->name, name, sizeof(t->name));
	t->reports++;
	t->objects += count;
	t->bytes += bytes;
}

void modleak_module_gone(const void *owner, const char *name)
{
	uint64_t irq = irq_save();
	size_t count, bytes;
	struct modleak_record *list = take_records(owner, &count, &bytes);

	irq_restore(irq);
	if (!list)
		return;
	count_totals(name, count, bytes);
	pr_warn("%s: %zu object%s (%zu bytes) allocated by the module %s not freed at unload:\n",
		name, count, count == 1 ? "" : "s", bytes,
		count == 1 ? "was" : "were");
	for (struct modleak_record *r = list; r; r = r->next)
		print_unreferenced(r);
	irq = irq_save();
	while (list) {
		struct modleak_record *r = list;

		list = r->next;
		record_put(r);
	}
	irq_restore(irq);
}

size_t modleak_totals_get(struct modleak_totals *out, size_t max)
{
	uint64_t irq = irq_save();
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(totals) && n < max; i++)
		if (i == 0 || totals[i].name[0])
			out[n++] = totals[i];
	irq_restore(irq);
	return n;
}
