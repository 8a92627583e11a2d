/*
 * /proc/modules and /proc/kallsyms in Linux's formats, read by lsmod and
 * by tools written for Linux.  The module list has no lock of its own:
 * it changes only in a thread, so each walk runs with preemption off,
 * which on one CPU keeps every other thread out of it meanwhile.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/module.h>
#include <kernel/preempt.h>
#include "internal.h"

struct deps_state {
	struct seq_file *m;
	bool any;
};

static void modules_holder(const struct module *holder, void *arg)
{
	struct deps_state *d = arg;

	seq_printf(d->m, "%s,", module_name(holder));
	d->any = true;
}

/*
 * Linux's m_show(): "name size refcnt holders state address (flags)";
 * the holders end with a comma, "-" if none, "[permanent]," for a module
 * with init but no exit.
 */
static void modules_one(struct module *mod, void *arg)
{
	struct deps_state d = { .m = arg };

	seq_printf(d.m, "%s %zu %d ", module_name(mod), module_size(mod),
		   module_refcount(mod));
	module_for_each_holder(mod, modules_holder, &d);
	if (mod->init_fn && !mod->exit_fn) {
		seq_puts(d.m, "[permanent],");
		d.any = true;
	}
	if (!d.any)
		seq_putc(d.m, '-');
	seq_printf(d.m, " %s 0x%016lx",
		   module_state_name(module_get_state(mod)),
		   (unsigned long)mod->core);
	if (!module_gpl_compatible(mod))
		seq_puts(d.m, " (P)");
	seq_putc(d.m, '\n');
}

static int modules_show(struct seq_file *m, void *v)
{
	preempt_disable();
	module_for_each(modules_one, m);
	preempt_enable();
	return 0;
}

/*
 * /proc/kallsyms: one record per function of the image ("T": the table
 * does not tell global from local), then one for every module's, each
 * "address type name\t[module]" as Linux's s_show().
 */
/* Records 0 .. n-1 are the image's n functions, record n the modules'. */
static void *kallsyms_record(loff_t pos)
{
	uintptr_t addr;

	if (kallsyms_symbol_at(pos, &addr) || pos == 0 ||
	    kallsyms_symbol_at(pos - 1, &addr))
		return (void *)(uintptr_t)(pos + 1);
	return NULL;
}

static void *kallsyms_start(struct seq_file *m, loff_t *pos)
{
	return kallsyms_record(*pos);
}

static void *kallsyms_next(struct seq_file *m, void *v, loff_t *pos)
{
	return kallsyms_record(++*pos);
}

static void kallsyms_stop(struct seq_file *m, void *v)
{
}

static void kallsyms_function(const char *name, uintptr_t addr, void *arg)
{
	struct seq_file *m = arg;

	seq_printf(m, "%016lx t %s\t[%s]\n", (unsigned long)addr, name,
		   module_name(m->private));
}

static void kallsyms_module(struct module *mod, void *arg)
{
	struct seq_file *m = arg;

	m->private = mod;
	module_for_each_function(mod, kallsyms_function, m);
}

static int kallsyms_show(struct seq_file *m, void *v)
{
	size_t i = (uintptr_t)v - 1;
	const char *name;
	uintptr_t addr;

	name = kallsyms_symbol_at(i, &addr);
	if (name) {
		seq_printf(m, "%016lx T %s\n", (unsigned long)addr, name);
		return 0;
	}
	preempt_disable();
	module_for_each(kallsyms_module, m);
	preempt_enable();
	m->private = NULL;
	return 0;
}

static const struct seq_operations kallsyms_ops = {
	.start = kallsyms_start,
	.next = kallsyms_next,
	.stop = kallsyms_stop,
	.show = kallsyms_show,
};

static int __init proc_modules_init(void)
{
	if (!proc_create_single("modules", 0, NULL, modules_show) ||
	    !proc_create_seq("kallsyms", 0400, NULL, &kallsyms_ops))
		return -ENOMEM;
	return 0;
}
fs_initcall_sync(proc_modules_init);
