/*
 * A directory's children sorted by name in a treap: a binary search tree
 * by name that is also a heap by a random priority, which keeps it
 * balanced in expectation with a few rotations.  Pure: no locks, no
 * allocation (the dentries are the nodes), so a lookup in a directory of
 * any size costs O(log n) and a listing comes out in name order.
 */
#include "internal.h"

#include <kernel/string.h>

static unsigned int dtree_seed = 2463534242u;

/* Marsaglia's xorshift32: priorities need only be spread, not secret. */
static unsigned int dtree_random(void)
{
	dtree_seed ^= dtree_seed << 13;
	dtree_seed ^= dtree_seed >> 17;
	dtree_seed ^= dtree_seed << 5;
	return dtree_seed;
}

/* Byte order, then the shorter first: "a" < "ab" < "b". */
static int dtree_cmp(const struct qstr *a, const struct qstr *b)
{
	unsigned int n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->name, b->name, n);

	if (c)
		return c;
	return (int)a->len - (int)b->len;
}

struct dentry *dtree_find(struct dentry *root, const struct qstr *name)
{
	while (root) {
		int c = dtree_cmp(name, &root->d_name);

		if (!c)
			return root;
		root = c < 0 ? root->d_left : root->d_right;
	}
	return NULL;
}

/* Insert below *@link, rotating @d up while its priority beats its parent's. */
static void dtree_insert_at(struct dentry **link, struct dentry *d)
{
	struct dentry *n = *link;

	if (!n) {
		*link = d;
		return;
	}
	if (dtree_cmp(&d->d_name, &n->d_name) < 0) {
		dtree_insert_at(&n->d_left, d);
		if (n->d_left->d_prio > n->d_prio) {
			*link = n->d_left;
			n->d_left = (*link)->d_right;
			(*link)->d_right = n;
		}
	} else {
		dtree_insert_at(&n->d_right, d);
		if (n->d_right->d_prio > n->d_prio) {
			*link = n->d_right;
			n->d_right = (*link)->d_left;
			(*link)->d_left = n;
		}
	}
}

void dtree_insert(struct dentry **root, struct dentry *d)
{
	d->d_left = d->d_right = NULL;
	d->d_prio = dtree_random();
	dtree_insert_at(root, d);
}

/* Join two treaps, every name of @l before every name of @r. */
static struct dentry *dtree_merge(struct dentry *l, struct dentry *r)
{
	if (!l)
		return r;
	if (!r)
		return l;
	if (l->d_prio > r->d_prio) {
		l->d_right = dtree_merge(l->d_right, r);
		return l;
	}
	r->d_left = dtree_merge(l, r->d_left);
	return r;
}

void dtree_erase(struct dentry **root, struct dentry *d)
{
	struct dentry **link = root;

	while (*link && *link != d)
		link = dtree_cmp(&d->d_name, &(*link)->d_name) < 0 ?
			       &(*link)->d_left :
			       &(*link)->d_right;
	if (*link)
		*link = dtree_merge(d->d_left, d->d_right);
	d->d_left = d->d_right = NULL;
}

struct dtree_walk_state {
	unsigned long skip, seen;
	dtree_fn fn;
	void *arg;
	bool stopped;
};

static void dtree_walk_at(struct dentry *n, struct dtree_walk_state *w)
{
	if (!n || w->stopped)
		return;
	dtree_walk_at(n->d_left, w);
	if (w->stopped)
		return;
	if (w->seen >= w->skip && !w->fn(n, w->arg)) {
		w->stopped = true;
		return;
	}
	w->seen++;
	dtree_walk_at(n->d_right, w);
}

unsigned long dtree_walk(struct dentry *root, unsigned long skip, dtree_fn fn,
			 void *arg)
{
	struct dtree_walk_state w = { skip, 0, fn, arg, false };

	dtree_walk_at(root, &w);
	return w.seen;
}
