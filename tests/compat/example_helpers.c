/*
 * example_helpers.c - the small helpers every driver leans on:
 * ARRAY_SIZE, min/max/clamp, container_of, likely, WARN_ON_ONCE, the
 * string functions and kstrtoint, and THIS_MODULE.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

struct point {
	int x, y;
};

/* noinline: the warning then names this function, not its caller. */
static noinline int warn_twice(int v)
{
	return WARN_ON_ONCE(v < 0);
}

static int __init example_helpers_init(void)
{
	static const int values[] = { 7, -3, 12, 5 };
	struct point p = { 3, 4 };
	int *py = &p.y, n, hits = 0;
	char buf[8], *dup;

	pr_info("helpers: %zu values, min %d max %d clamp(42, 0, 10) %d\n",
		ARRAY_SIZE(values), min(values[0], values[1]),
		max(values[2], values[3]), clamp(42, 0, 10));
	pr_info("helpers: container_of finds x=%d\n",
		container_of(py, struct point, y)->x);
	if (likely(kstrtoint("-123", 10, &n) == 0) && unlikely(n < 0))
		pr_info("helpers: kstrtoint gave %d, \"12x\" gives %d\n", n,
			kstrtoint("12x", 10, &n));
	pr_info("helpers: strscpy into 8 bytes returns %zd: \"%s\"\n",
		strscpy(buf, "a longer string", sizeof(buf)), buf);
	dup = kstrdup("copied", GFP_KERNEL);
	snprintf(buf, sizeof(buf), "%d-%s", strlen(dup) == 6, dup);
	pr_info("helpers: snprintf truncates to \"%s\", strcmp %d\n", buf,
		strcmp(dup, "copied"));
	kfree(dup);
	hits += warn_twice(-1);
	hits += warn_twice(-2);
	pr_info("helpers: WARN_ON_ONCE was true %d times, reported once\n",
		hits);
	BUG_ON(hits != 2);
	pr_info("helpers: I am %s\n", module_name(THIS_MODULE));
	return 0;
}

static void __exit example_helpers_exit(void)
{
	pr_info("helpers: bye\n");
}

module_init(example_helpers_init);
module_exit(example_helpers_exit);

MODULE_LICENSE("GPL");
