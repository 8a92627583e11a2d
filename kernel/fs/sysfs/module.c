/*
 * /sys/module/<name>/ for every loaded module, and for built-in code
 * with parameters, as Linux's: parameters/ (each parameter a file of its
 * module_param() mode, read and written through its ops), refcnt,
 * initstate, coresize, initsize and sections/ (each loaded section's
 * address, what gdb's lx-symbols gives add-symbol-file).  The module
 * layer tells sysfs of each module through its notifier chain.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/module.h>
#include <kernel/notifier.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

/* A file of /sys/module/<name>/, as Linux's struct module_attribute. */
struct module_attribute {
	struct attribute attr;
	ssize_t (*show)(struct module_attribute *mattr,
			struct module_kobject *mk, char *buf);
	ssize_t (*store)(struct module_attribute *mattr,
			 struct module_kobject *mk, const char *buf,
			 size_t count);
};

/* A parameter's file, or a section's; @attrs of the group end in NULL. */
struct module_file {
	struct module_attribute mattr;
	const struct kernel_param *param;
	uintptr_t address;
};

struct module_kobject {
	struct kobject kobj;
	struct module *mod; /* NULL: built-in code */
	struct attribute_group params, sections;
	struct module_file *files; /* the parameters', then the sections' */
	struct list_head builtin;  /* in builtin_modules (built-in only) */
};

#define to_mk(k) container_of(k, struct module_kobject, kobj)
#define to_mattr(a) container_of(a, struct module_attribute, attr)
#define to_file(m) container_of(m, struct module_file, mattr)

/* /sys/module, and the built-in code's directories in it. */
static struct kobject *module_kobj;
static LIST_HEAD(builtin_modules);

static ssize_t module_attr_show(struct kobject *kobj, struct attribute *attr,
				char *buf)
{
	struct module_attribute *mattr = to_mattr(attr);

	return mattr->show ? mattr->show(mattr, to_mk(kobj), buf) : -EIO;
}

static ssize_t module_attr_store(struct kobject *kobj, struct attribute *attr,
				 const char *buf, size_t count)
{
	struct module_attribute *mattr = to_mattr(attr);

	return mattr->store ? mattr->store(mattr, to_mk(kobj), buf, count) :
			      -EIO;
}

static const struct sysfs_ops module_sysfs_ops = {
	.show = module_attr_show,
	.store = module_attr_store,
};

static void module_kobj_release(struct kobject *kobj)
{
	struct module_kobject *mk = to_mk(kobj);

	kfree(mk->params.attrs); /* one allocation with the sections' */
	kfree(mk->files);
	kfree(mk);
}

static const struct kobj_type module_ktype = {
	.release = module_kobj_release,
	.sysfs_ops = &module_sysfs_ops,
};

static ssize_t param_attr_show(struct module_attribute *mattr,
			       struct module_kobject *mk, char *buf)
{
	const struct kernel_param *kp = to_file(mattr)->param;
	int count;

	if (!kp->ops->get)
		return -EPERM;
	kernel_param_lock(mk->mod);
	count = kp->ops->get(buf, kp);
	kernel_param_unlock(mk->mod);
	return count;
}

/* Through the type's parser, as insmod's: its error, the value kept. */
static ssize_t param_attr_store(struct module_attribute *mattr,
				struct module_kobject *mk, const char *buf,
				size_t len)
{
	const struct kernel_param *kp = to_file(mattr)->param;
	int err;

	if (!kp->ops->set)
		return -EPERM;
	kernel_param_lock(mk->mod);
	err = kp->ops->set(buf, kp);
	kernel_param_unlock(mk->mod);
	return err ? err : (ssize_t)len;
}

static ssize_t section_show(struct module_attribute *mattr,
			    struct module_kobject *mk, char *buf)
{
	return sysfs_emit(buf, "0x%016lx\n", to_file(mattr)->address);
}

/* Is @name the name of one of @mod's first @n sections? */
static bool section_seen(const struct module *mod, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(mod->sections[i].name, name))
			return true;
	return false;
}

/* The parameters among @params[0..@count) with a mode, named @prefix... */
static bool param_listed(const struct kernel_param *kp, const char *prefix,
			 size_t plen)
{
	return kp->perm && !strncmp(kp->name, prefix, plen) &&
	       (!plen || kp->name[plen] == '.');
}

/*
 * The files of @mk: one per listed parameter (its name after @prefix's
 * dot) and one per distinct section of @mk->mod; the groups point at
 * them.  0 or -ENOMEM.
 */
static int mk_build_files(struct module_kobject *mk,
			  const struct kernel_param *params, size_t count,
			  const char *prefix, size_t plen)
{
	const struct module *mod = mk->mod;
	size_t nsec = mod ? mod->num_sections : 0, np = 0, ns = 0;
	struct module_file *f;
	struct attribute **list;

	for (size_t i = 0; i < count; i++)
		np += param_listed(&params[i], prefix, plen);
	f = kzalloc((np + nsec) * sizeof(*f) + 1, GFP_KERNEL);
	list = kzalloc((np + nsec + 2) * sizeof(*list), GFP_KERNEL);
	if (!f || !list) {
		kfree(f);
		kfree(list);
		return -ENOMEM;
	}
	mk->files = f;
	mk->params = (struct attribute_group){ "parameters", NULL, list };
	for (size_t i = 0; i < count; i++) {
		const struct kernel_param *kp = &params[i];

		if (!param_listed(kp, prefix, plen))
			continue;
		f->param = kp;
		f->mattr = (struct module_attribute){
			{ kp->name + (plen ? plen + 1 : 0), kp->perm },
			param_attr_show,
			param_attr_store
		};
		*list++ = &f++->mattr.attr;
	}
	list++; /* the parameters' NULL */
	mk->sections = (struct attribute_group){ "sections", NULL, list };
	for (size_t i = 0; i < nsec; i++) {
		if (section_seen(mod, i, mod->sections[i].name))
			continue; /* one file per name, as sysfs can hold */
		f->address = mod->sections[i].addr;
		f->mattr = (struct module_attribute){
			{ mod->sections[i].name, 0400 }, section_show, NULL
		};
		list[ns++] = &f++->mattr.attr;
	}
	return 0;
}

static ssize_t initstate_show(struct module_attribute *mattr,
			      struct module_kobject *mk, char *buf)
{
	static const char *const initstate_names[] = {
		[MODULE_STATE_LIVE] = "live",
		[MODULE_STATE_COMING] = "coming",
		[MODULE_STATE_GOING] = "going",
	};

	return sysfs_emit(buf, "%s\n",
			  initstate_names[module_get_state(mk->mod)]);
}

static ssize_t refcnt_show(struct module_attribute *mattr,
			   struct module_kobject *mk, char *buf)
{
	return sysfs_emit(buf, "%i\n", module_refcount(mk->mod));
}

static ssize_t coresize_show(struct module_attribute *mattr,
			     struct module_kobject *mk, char *buf)
{
	return sysfs_emit(buf, "%zu\n", mk->mod->core_size);
}

/* Its init region's size, 0 once init_module returned and it was freed. */
static ssize_t initsize_show(struct module_attribute *mattr,
			     struct module_kobject *mk, char *buf)
{
	return sysfs_emit(buf, "%zu\n", mk->mod->init ? mk->mod->init_size : 0);
}

static struct module_attribute module_initstate = __ATTR_RO(initstate);
static struct module_attribute module_refcnt = __ATTR_RO(refcnt);
static struct module_attribute module_coresize = __ATTR_RO(coresize);
static struct module_attribute module_initsize = __ATTR_RO(initsize);

static struct attribute *module_attrs[] = {
	&module_initstate.attr,
	&module_refcnt.attr,
	&module_coresize.attr,
	&module_initsize.attr,
	NULL,
};

/* What a loaded module has and built-in code has not. */
static const struct attribute_group module_attr_group = {
	.attrs = module_attrs,
};

/* /sys/module/@name/ with its files: the kobject, or NULL (logged). */
static struct module_kobject *mk_create(const char *name, struct module *mod,
					const struct kernel_param *params,
					size_t count, size_t plen)
{
	struct module_kobject *mk = kzalloc(sizeof(*mk), GFP_KERNEL);
	int len = plen ? (int)plen : (int)strlen(name);
	int err = -ENOMEM;

	if (!mk)
		goto fail;
	mk->mod = mod;
	INIT_LIST_HEAD(&mk->builtin);
	kobject_init(&mk->kobj, &module_ktype);
	err = mk_build_files(mk, params, count, name, plen);
	if (!err)
		err = kobject_add(&mk->kobj, module_kobj, "%.*s", len, name);
	if (!err && mk->params.attrs[0])
		err = sysfs_create_group(&mk->kobj, &mk->params);
	if (!err && mod)
		err = sysfs_create_group(&mk->kobj, &mk->sections);
	if (!err && mod)
		err = sysfs_create_group(&mk->kobj, &module_attr_group);
	if (!err)
		return mk;
	kobject_put(&mk->kobj);
fail:
	pr_err("%.*s: cannot make /sys/module/%.*s: %s\n", len, name, len, name,
	       errno_name(err));
	return NULL;
}

static int module_sysfs_notify(struct notifier_block *nb, unsigned long state,
			       void *data)
{
	struct module *mod = data;

	if (state == MODULE_STATE_COMING) {
		mod->mkobj = mk_create(mod->name, mod, mod->params,
				       mod->num_params, 0);
		return notifier_from_errno(mod->mkobj ? 0 : -ENOMEM);
	}
	if (state == MODULE_STATE_GOING && mod->mkobj) {
		kobject_put(&mod->mkobj->kobj); /* waits for its files' calls */
		mod->mkobj = NULL;
	}
	return NOTIFY_DONE;
}

static struct notifier_block module_sysfs_nb = {
	.notifier_call = module_sysfs_notify,
};

extern const struct kernel_param __start___param[], __stop___param[];

/* Built-in code's parameters: "<file>.<param>", one directory per file. */
static void __init param_sysfs_builtin(void)
{
	const struct kernel_param *kp = __start___param;
	size_t count = (size_t)(__stop___param - __start___param);

	for (size_t i = 0; i < count; i++) {
		const char *dot = strchr(kp[i].name, '.');
		struct module_kobject *mk;
		bool made = false;

		if (!kp[i].perm || !dot)
			continue;
		list_for_each_entry(mk, &builtin_modules, builtin)
			made |= !strncmp(kobject_name(&mk->kobj), kp[i].name,
					 dot - kp[i].name) &&
				!kobject_name(&mk->kobj)[dot - kp[i].name];
		if (made)
			continue;
		mk = mk_create(kp[i].name, NULL, kp, count, dot - kp[i].name);
		if (mk)
			list_add_tail(&mk->builtin, &builtin_modules);
	}
}

/* Before the boot-time modules load (late_initcall_sync). */
static int __init module_sysfs_init(void)
{
	module_kobj = kobject_create_and_add("module", NULL);
	if (!module_kobj)
		panic("sysfs: cannot make /sys/module");
	param_sysfs_builtin();
	return register_module_notifier(&module_sysfs_nb);
}
fs_initcall(module_sysfs_init);
