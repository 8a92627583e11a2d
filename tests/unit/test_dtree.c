/*
 * A directory's sorted tree of children (kernel/fs/dtree.c) on dentries
 * made here: every name inserted is found, others are not, a walk gives
 * them in byte order from any position and can stop, erasing keeps the
 * rest, and the tree stays shallow for names inserted in sorted order
 * (the worst case of an unbalanced tree).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "../../kernel/fs/internal.h"

#define N 5000

struct named {
	struct dentry d;
	char name[16];
};

static struct named nodes[N];
static struct dentry *root;

static struct qstr q(const char *s)
{
	return (struct qstr){ s, (unsigned int)strlen(s) };
}

/* Insert names "%05d" of 0 .. N-1 in the order @stride gives. */
static void fill(unsigned int stride)
{
	root = NULL;
	for (unsigned int i = 0; i < N; i++) {
		unsigned int k = i * stride % N;

		memset(&nodes[k].d, 0, sizeof(nodes[k].d));
		snprintf(nodes[k].name, sizeof(nodes[k].name), "%05u", k);
		nodes[k].d.d_name = q(nodes[k].name);
		dtree_insert(&root, &nodes[k].d);
	}
}

static unsigned int depth(const struct dentry *d)
{
	unsigned int l, r;

	if (!d)
		return 0;
	l = depth(d->d_left);
	r = depth(d->d_right);
	return 1 + (l > r ? l : r);
}

struct order {
	char prev[16];
	unsigned int count, stop_at;
};

static bool check_order(struct dentry *d, void *arg)
{
	struct order *o = arg;

	if (o->count == o->stop_at)
		return false;
	if (o->count || o->prev[0])
		assert_true(strcmp(o->prev, d->d_name.name) < 0);
	snprintf(o->prev, sizeof(o->prev), "%s", d->d_name.name);
	o->count++;
	return true;
}

static void finds_every_name_and_no_other(void **state)
{
	fill(7919);
	for (unsigned int k = 0; k < N; k++) {
		struct qstr name = q(nodes[k].name);

		assert_ptr_equal(dtree_find(root, &name), &nodes[k].d);
	}
	struct qstr missing = q("5000"), prefix = q("0001"),
		    longer = q("000011");

	assert_null(dtree_find(root, &missing));
	assert_null(dtree_find(root, &prefix));
	assert_null(dtree_find(root, &longer));
}

static void walks_in_byte_order_from_any_position(void **state)
{
	struct order o = { .stop_at = N + 1 };

	fill(7919);
	assert_int_equal(dtree_walk(root, 0, check_order, &o), N);
	assert_int_equal(o.count, N);
	o = (struct order){ .stop_at = 10 };
	dtree_walk(root, 100, check_order, &o);
	assert_int_equal(o.count, 10);
	assert_string_equal(o.prev, "00109"); /* positions 100 .. 109 */
}

static void erase_keeps_the_rest(void **state)
{
	struct order o = { .stop_at = N + 1 };

	fill(7919);
	for (unsigned int k = 0; k < N; k += 2)
		dtree_erase(&root, &nodes[k].d);
	for (unsigned int k = 0; k < N; k++) {
		struct qstr name = q(nodes[k].name);

		assert_ptr_equal(dtree_find(root, &name),
				 k % 2 ? &nodes[k].d : NULL);
	}
	dtree_walk(root, 0, check_order, &o);
	assert_int_equal(o.count, N / 2);
	for (unsigned int k = 1; k < N; k += 2)
		dtree_erase(&root, &nodes[k].d);
	assert_null(root);
}

static void sorted_inserts_stay_shallow(void **state)
{
	fill(1); /* in order: a plain search tree would be a list */
	/* log2(5000) is 12.3; a treap's expected depth is about 3 times. */
	assert_true(depth(root) < 60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_every_name_and_no_other),
		cmocka_unit_test(walks_in_byte_order_from_any_position),
		cmocka_unit_test(erase_keeps_the_rest),
		cmocka_unit_test(sorted_inserts_stay_shallow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
