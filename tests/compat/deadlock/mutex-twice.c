/*
 * mutex-twice.c - unlocks a mutex it does not hold (reported, ignored),
 * then locks one twice: on Linux the task sleeps for ever.
 */
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(twice_mutex);

static int __init mutex_twice_init(void)
{
	mutex_unlock(&twice_mutex);
	mutex_lock(&twice_mutex);
	pr_info("mutex-twice: locking it again\n");
	mutex_lock(&twice_mutex);
	mutex_unlock(&twice_mutex);
	return 0;
}

module_init(mutex_twice_init);
MODULE_LICENSE("GPL");
