/*
 * Module reference counts: try_module_get() keeps a module loaded, and
 * module_put() lets it go.  Misuse -- a count about to overflow, a put with
 * no reference held -- is refused and reported loudly with the module's
 * name and the caller, rather than wrapping or silently ignored.
 */
#include <kernel/kallsyms.h>
#include <kernel/module.h>
#include <kernel/printk.h>

/* A reference count misused: say so, with who did it, as Linux's WARN. */
static void refcount_warn(const struct module *mod, const char *what,
			  uintptr_t caller)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), caller);
	pr_warn("%s: %s (refcount %d, called from %s)\n", mod->name, what,
		mod->refcount, sym);
}

/* THIS_MODULE is NULL in built-in code: a reference on it always holds. */
bool try_module_get(struct module *mod)
{
	if (!mod)
		return true;
	if (mod->state == MODULE_STATE_GOING)
		return false;
	if (mod->refcount == INT32_MAX) {
		refcount_warn(mod,
			      "reference count would overflow; reference refused",
			      (uintptr_t)__builtin_return_address(0));
		return false;
	}
	mod->refcount++;
	return true;
}
EXPORT_SYMBOL(try_module_get);

void module_put(struct module *mod)
{
	if (!mod)
		return;
	if (mod->refcount <= 0) {
		refcount_warn(mod,
			      "module_put() without a reference held; ignored",
			      (uintptr_t)__builtin_return_address(0));
		return;
	}
	mod->refcount--;
}
EXPORT_SYMBOL(module_put);
