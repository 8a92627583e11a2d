/*
 * Reports for locks used wrongly (include/kernel/spinlock.h, mutex.h).
 * On one CPU with one task every such misuse is a bug of the caller; the
 * messages read as Linux's lock debugging prints them.
 */
#include <kernel/export.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

void spin_bug(const struct spinlock *lock, const char *what, uintptr_t ip)
{
	panic("BUG: spinlock %s on CPU#0, lock %p, at %pS", what, lock,
	      (void *)ip);
}
EXPORT_SYMBOL(spin_bug);

void mutex_lock_at(struct mutex *lock, uintptr_t ip)
{
	if (lock->locked)
		panic("BUG: mutex %s locked again at %pS: deadlock (one task, nobody will unlock it)",
		      lock->name ? lock->name : "?", (void *)ip);
	lock->locked = true;
}
EXPORT_SYMBOL(mutex_lock_at);

void mutex_unlock_at(struct mutex *lock, uintptr_t ip)
{
	if (!lock->locked) {
		pr_warn("WARNING: mutex %s unlocked at %pS but not locked; ignored\n",
			lock->name ? lock->name : "?", (void *)ip);
		dump_stack();
		return;
	}
	lock->locked = false;
}
EXPORT_SYMBOL(mutex_unlock_at);
