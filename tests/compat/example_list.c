/*
 * example_list.c - a linked list of kmalloc'd entries: added at the tail,
 * walked, and torn down with the _safe walk that allows freeing.
 */
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>

struct animal {
	char name[16];
	int legs;
	struct list_head list;
};

static LIST_HEAD(animals);

static int add_animal(const char *name, int legs)
{
	struct animal *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	strscpy(a->name, name, sizeof(a->name));
	a->legs = legs;
	INIT_LIST_HEAD(&a->list);
	list_add_tail(&a->list, &animals);
	return 0;
}

static int __init example_list_init(void)
{
	struct animal *a;
	int *squares, total = 0;

	if (add_animal("spider", 8) || add_animal("cat", 4) ||
	    add_animal("bird", 2))
		return -ENOMEM;
	list_for_each_entry(a, &animals, list) {
		pr_info("list: %s has %d legs\n", a->name, a->legs);
		total += a->legs;
	}
	pr_info("list: %d legs in all, list empty: %d\n", total,
		list_empty(&animals));

	squares = kcalloc(3, sizeof(int), GFP_KERNEL);
	if (!squares)
		return -ENOMEM;
	squares = krealloc(squares, 4 * sizeof(int), GFP_KERNEL);
	for (int i = 0; i < 4; i++)
		squares[i] = i * i;
	pr_info("krealloc kept the array: %d %d %d %d\n", squares[0],
		squares[1], squares[2], squares[3]);
	kfree(squares);
	return 0;
}

static void __exit example_list_exit(void)
{
	struct animal *a, *next;
	int freed = 0;

	list_for_each_entry_safe(a, next, &animals, list) {
		list_del(&a->list);
		kfree(a);
		freed++;
	}
	pr_info("list: freed %d entries, list empty: %d\n", freed,
		list_empty(&animals));
}

module_init(example_list_init);
module_exit(example_list_exit);

MODULE_LICENSE("GPL");
