/*
 * The module notifier chain: how the layers above the loader (sysfs's
 * /sys/module/<name>/) learn that a module is coming, live or going
 * without the loader calling up into them, as Linux's
 * register_module_notifier().
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/module.h>
#include <kernel/mutex.h>
#include <kernel/notifier.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include "internal.h"

/* The chain, highest priority first; the lock also keeps calls in order. */
static struct notifier_block *module_notify_list;
static struct mutex module_notify_lock = MUTEX_INITIALIZER(module_notify_lock);

int register_module_notifier(struct notifier_block *nb)
{
	struct notifier_block **p;

	mutex_lock_at(&module_notify_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	for (p = &module_notify_list; *p; p = &(*p)->next)
		if (nb->priority > (*p)->priority)
			break;
	nb->next = *p;
	*p = nb;
	mutex_unlock_at(&module_notify_lock, _THIS_IP_);
	return 0;
}
EXPORT_SYMBOL(register_module_notifier);

int unregister_module_notifier(struct notifier_block *nb)
{
	struct notifier_block **p;
	int ret = -ENOENT;

	mutex_lock_at(&module_notify_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	for (p = &module_notify_list; *p; p = &(*p)->next)
		if (*p == nb) {
			*p = nb->next;
			ret = 0;
			break;
		}
	mutex_unlock_at(&module_notify_lock, _THIS_IP_);
	return ret;
}
EXPORT_SYMBOL(unregister_module_notifier);

/*
 * Tell the blocks from the first up to @stop (exclusive; NULL: all) of
 * @state; the first refusal ends the walk.  Its block, or NULL.
 */
static struct notifier_block *notify_until(struct module *mod,
					   enum module_state state,
					   struct notifier_block *stop,
					   int *err)
{
	struct notifier_block *nb;

	*err = 0;
	for (nb = module_notify_list; nb != stop; nb = nb->next) {
		int ret = nb->notifier_call(nb, state, mod);

		if (ret & NOTIFY_STOP_MASK) {
			*err = notifier_to_errno(ret);
			if (!*err)
				*err = -EINVAL;
			return nb;
		}
	}
	return NULL;
}

int module_notify(struct module *mod, enum module_state state)
{
	struct notifier_block *refused;
	int err, ignored;

	mutex_lock_at(&module_notify_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	refused = notify_until(mod, state, NULL, &err);
	/* Those told a module is coming before one refused hear it go. */
	if (refused && state == MODULE_STATE_COMING)
		notify_until(mod, MODULE_STATE_GOING, refused, &ignored);
	mutex_unlock_at(&module_notify_lock, _THIS_IP_);
	if (refused && state == MODULE_STATE_COMING) {
		pr_err("%s: refused by %ps: %s\n", mod->name,
		       (void *)refused->notifier_call, errno_name(err));
		return err;
	}
	return 0;
}
