/*
 * Walks over a loaded module for code above the loader (the shell's lsmod,
 * rmmod and modinfo): the modules holding a reference on it and its
 * .modinfo entries, so that code never reads struct module's fields.
 */
#include <kernel/module.h>
#include <kernel/string.h>

struct holder_walk {
	const struct module *mod;
	void (*fn)(const struct module *holder, void *arg);
	void *arg;
};

static void holder_one(struct module *m, void *arg)
{
	struct holder_walk *w = arg;

	for (size_t i = 0; i < m->num_uses; i++)
		if (m->uses[i] == w->mod)
			w->fn(m, w->arg);
}

void module_for_each_holder(const struct module *mod,
			    void (*fn)(const struct module *holder, void *arg),
			    void *arg)
{
	struct holder_walk w = { mod, fn, arg };

	module_for_each(holder_one, &w);
}

void module_for_each_info(const struct module *mod,
			  void (*fn)(const char *tag, size_t tag_len,
				     const char *value, void *arg),
			  void *arg)
{
	const char *end = mod->modinfo + mod->modinfo_size, *eq;

	for (const char *p = mod->modinfo; p < end; p += strlen(p) + 1) {
		eq = strchr(p, '=');
		if (eq)
			fn(p, (size_t)(eq - p), eq + 1, arg);
	}
}
