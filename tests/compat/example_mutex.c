/* example_mutex.c - a mutex taken, tried while held, and released. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(mymutex);

static int __init example_mutex_init(void)
{
	int ret;

	pr_info("example_mutex init\n");
	ret = mutex_trylock(&mymutex);
	if (ret != 0) {
		pr_info("mutex is locked\n");
		if (mutex_is_locked(&mymutex) == 0)
			pr_info("The mutex failed to lock!\n");
		pr_info("trylock while held returns %d\n",
			mutex_trylock(&mymutex));
		mutex_unlock(&mymutex);
		pr_info("mutex is unlocked\n");
	} else {
		pr_info("Failed to lock\n");
	}
	mutex_lock(&mymutex);
	pr_info("mutex_lock took it: locked=%d\n", mutex_is_locked(&mymutex));
	mutex_unlock(&mymutex);
	return 0;
}

static void __exit example_mutex_exit(void)
{
	pr_info("example_mutex exit\n");
}

module_init(example_mutex_init);
module_exit(example_mutex_exit);

MODULE_DESCRIPTION("Mutex example");
MODULE_LICENSE("GPL");
