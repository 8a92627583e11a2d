/*
 * Fault injection for the allocators (include/kernel/fault_inject.h): the
 * decision Linux's should_fail() makes, one attribute per allocator, set
 * from the command line or by the tests.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>

#define FAULT_SPEC_MAX 64 /* longest failslab= value */
#define FAULT_PERCENT 100

static const char *const fault_names[FAULT_KINDS] = {
	[FAULT_KMALLOC] = "kmalloc",
	[FAULT_FRAME] = "frame",
	[FAULT_MODAREA] = "module area",
};

static struct fault_attr fault_attrs[FAULT_KINDS];
static bool fault_armed; /* some attribute may fail: the fast test */
static unsigned int loader_depth;
static uint64_t fault_rng = 1;

/*
 * xorshift64* (Vigna, 2016): a seeded, repeatable sequence whose high bits
 * are good enough for a percentage.
 */
#define XORSHIFT64STAR_MULT 0x2545f4914f6cdd1dull

static unsigned int fault_random_percent(void)
{
	fault_rng ^= fault_rng >> 12;
	fault_rng ^= fault_rng << 25;
	fault_rng ^= fault_rng >> 27;
	return (unsigned int)(((fault_rng * XORSHIFT64STAR_MULT) >> 32) %
			      FAULT_PERCENT);
}

static void fault_report(enum fault_kind kind, const struct fault_attr *a,
			 size_t size, const void *caller)
{
	char where[KSYM_SYMBOL_LEN];

	sprint_symbol(where, sizeof(where), (uintptr_t)caller);
	pr_info("FAULT_INJECTION: forcing a failure of %s allocation #%lu (%zu bytes) from %s\n",
		fault_names[kind], a->calls, size, where);
}

/*
 * Linux's should_fail(): space, then interval, then probability, then
 * times.  A failure is counted, and @caller kept as where it happened.
 */
static bool fault_decide(struct fault_attr *a, size_t size, const void *caller)
{
	if (a->times == 0 || (a->loader_only && !loader_depth))
		return false;
	if (a->space > size) {
		a->space -= size;
		return false;
	}
	a->calls++;
	if (a->interval > 1 && a->calls % a->interval)
		return false;
	if (a->probability <= fault_random_percent())
		return false;
	if (a->times > 0)
		a->times--;
	a->failures++;
	a->caller = caller;
	return true;
}

/* excerpt: fault-should-fail */
bool fault_should_fail(enum fault_kind kind, size_t size, const void *caller)
{
	struct fault_attr *a = &fault_attrs[kind];
	uint64_t irq;
	bool fail;

	if (!fault_armed)
		return false;
	irq = irq_save();
	fail = fault_decide(a, size, caller);
	irq_restore(irq);
	if (fail)
		fault_report(kind, a, size, caller);
	return fail;
}
/* excerpt-end: fault-should-fail */

static void fault_rearm(void)
{
	fault_armed = false;
	for (int k = 0; k < FAULT_KINDS; k++)
		fault_armed |= fault_attrs[k].times != 0;
}

void fault_inject_set(enum fault_kind kind, const struct fault_attr *attr)
{
	uint64_t irq = irq_save();

	fault_attrs[kind] = *attr;
	fault_attrs[kind].calls = fault_attrs[kind].failures = 0;
	fault_rearm();
	irq_restore(irq);
}

void fault_inject_get(enum fault_kind kind, struct fault_attr *attr)
{
	*attr = fault_attrs[kind];
}

void fault_inject_off(void)
{
	uint64_t irq = irq_save();

	memset(fault_attrs, 0, sizeof(fault_attrs));
	fault_armed = false;
	irq_restore(irq);
}

void fault_loader_enter(void)
{
	loader_depth++;
}

void fault_loader_exit(void)
{
	loader_depth--;
}

/* The next comma-separated field of *@s as a signed number. */
static int fault_field(char **s, long long *val)
{
	char *comma = strchr(*s, ',');
	int err;

	if (comma)
		*comma = '\0';
	err = kstrtoll(*s, 0, val);
	*s = comma ? comma + 1 : *s + strlen(*s);
	return err;
}

/* "<interval>,<probability>,<space>,<times>[,loader]" into @a. */
static int __init fault_parse(const char *val, struct fault_attr *a)
{
	char buf[FAULT_SPEC_MAX], *s = buf;
	long long v[4];

	if (!val || strlen(val) >= sizeof(buf))
		return -EINVAL;
	strlcpy(buf, val, sizeof(buf));
	for (int i = 0; i < 4; i++)
		if (!*s || fault_field(&s, &v[i]))
			return -EINVAL;
	if (v[0] < 0 || v[1] < 0 || v[1] > FAULT_PERCENT || v[2] < 0 ||
	    v[3] < -1 || (*s && strcmp(s, "loader")))
		return -EINVAL;
	*a = (struct fault_attr){ .interval = (unsigned long)v[0],
				  .probability = (unsigned int)v[1],
				  .space = (size_t)v[2],
				  .times = (long)v[3],
				  .loader_only = *s != '\0' };
	return 0;
}

static int __init fault_setup(enum fault_kind kind, const char *val)
{
	struct fault_attr a;
	int err = fault_parse(val, &a);

	if (err)
		return err;
	fault_inject_set(kind, &a);
	pr_info("fault injection: %s allocations: interval %lu, probability %u%%, space %zu, times %ld%s\n",
		fault_names[kind], a.interval, a.probability, a.space, a.times,
		a.loader_only ? ", only while loading modules" : "");
	return 0;
}

static int __init failslab_setup(const char *val)
{
	return fault_setup(FAULT_KMALLOC, val);
}
__setup("failslab", failslab_setup);

static int __init fail_page_alloc_setup(const char *val)
{
	return fault_setup(FAULT_FRAME, val);
}
__setup("fail_page_alloc", fail_page_alloc_setup);

static int __init fail_modarea_setup(const char *val)
{
	return fault_setup(FAULT_MODAREA, val);
}
__setup("fail_modarea", fail_modarea_setup);

/* fail_seed=<n>: the generator behind the probabilities (0 is not a seed). */
static int __init fail_seed_setup(const char *val)
{
	unsigned long long seed;

	if (!val || kstrtoull(val, 0, &seed) || !seed)
		return -EINVAL;
	fault_rng = seed;
	return 0;
}
__setup("fail_seed", fail_seed_setup);
