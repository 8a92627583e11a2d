/*
 * Who a module is.  As in Linux, a module is the name= in its .modinfo
 * (KBUILD_MODNAME at build time: its file name with '-' made '_'), not
 * the name of the file it came from: a renamed copy of a loaded module is
 * the same module, and module_blacklist= applies to it.  A module's struct
 * module moves here into its own __this_module (THIS_MODULE), as Linux's
 * lives in the module's .gnu.linkonce.this_module.
 */
#include <kernel/errno.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

#define THIS_MODULE_SYMBOL "__this_module"

void module_name_normalize(char *name)
{
	for (; *name; name++)
		if (*name == '-')
			*name = '_';
}

int module_take_identity(struct load_info *info, struct module *mod)
{
	const char *name =
		modinfo_get(info->modinfo, info->modinfo_size, "name", 0);
	int err;

	/* rmmod could not name a module called "a/b" or "x.ko". */
	err = module_check_name(info, name ? name : mod->name,
				name ? ".modinfo name=" : "file name");
	if (err)
		return err;
	if (name)
		strlcpy(mod->name, name, sizeof(mod->name));
	module_name_normalize(mod->name);
	if (module_blacklisted(mod->name)) {
		snprintf(info->why, sizeof(info->why),
			 "%s: module is blacklisted (module_blacklist=)",
			 mod->name);
		return -EPERM;
	}
	if (module_find(mod->name)) {
		snprintf(info->why, sizeof(info->why),
			 "%s: a module of that name is already loaded",
			 mod->name);
		return -EEXIST;
	}
	return 0;
}

int module_set_this_module(struct load_info *info, struct module **modp)
{
	struct module *this;
	int err = module_writable_symbol(info, THIS_MODULE_SYMBOL,
					 sizeof(*this), (void **)&this);

	if (err || !this)
		return err;
	/*
	 * The core is written at its run address (alloc_regions(): mem is
	 * addr), so the slot is where the module's code sees __this_module.
	 * The caller's struct stays its own, to free.
	 */
	memcpy(this, *modp, sizeof(*this));
	this->in_core = true;
	*modp = this;
	return 0;
}
