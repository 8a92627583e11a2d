/*
 * The rest of lockdep's reports, one per load, chosen by bug=: "unlock"
 * releases a mutex that is not held (bad unlock balance), "freed" frees
 * memory holding a held mutex (held lock freed), "exit" ends a thread
 * with a mutex held (still has locks held), "unload" leaves cleanup_module
 * holding the module's own mutex, so the module's memory is freed with
 * the lock in it.  lockdep turns itself off after its first report: one
 * bug per boot.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *bug = "";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "unlock, freed, exit or unload");

static DEFINE_MUTEX(misuse_mutex);

struct misuse_obj {
	struct mutex lock;
	int value;
};

static DECLARE_COMPLETION(misuse_locked);

static int misuse_exit_fn(void *data)
{
	mutex_lock(&misuse_mutex);
	complete(&misuse_locked);
	return 0; /* still holding it: lockdep reports as the thread ends */
}

static int misuse_freed(void)
{
	struct misuse_obj *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	mutex_init(&obj->lock);
	mutex_lock(&obj->lock);
	kfree(obj); /* with the mutex held in it: lockdep reports here */
	return 0;
}

static int misuse_thread_exit(void)
{
	struct task_struct *t =
		kthread_create(misuse_exit_fn, NULL, "misuse_exit");

	/* Held before it runs: it may run to its end at once, and be freed. */
	if (IS_ERR(t))
		return PTR_ERR(t);
	get_task_struct(t);
	wake_up_process(t);
	/* A thread stopped before it ran would never run its function. */
	wait_for_completion(&misuse_locked);
	kthread_stop(t);
	put_task_struct(t);
	return 0;
}

static int __init lockdep_misuse_init(void)
{
	int ret = 0;

	if (!strcmp(bug, "unlock"))
		mutex_unlock(&misuse_mutex); /* never locked */
	else if (!strcmp(bug, "freed"))
		ret = misuse_freed();
	else if (!strcmp(bug, "exit"))
		ret = misuse_thread_exit();
	else if (strcmp(bug, "unload"))
		ret = -EINVAL;
	if (!ret)
		pr_info("lockdep_misuse: bug=%s done, the kernel goes on\n",
			bug);
	return ret;
}

static void __exit lockdep_misuse_exit(void)
{
	/* bug=unload: taken and never given back, so freed with the module. */
	if (!strcmp(bug, "unload")) {
		mutex_lock(&misuse_mutex);
		pr_info("lockdep_misuse: unloading with misuse_mutex held\n");
	}
}

module_init(lockdep_misuse_init);
module_exit(lockdep_misuse_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"Bad unlock, held lock freed, locks held at thread exit and unload, for CONFIG_LOCKDEP");
