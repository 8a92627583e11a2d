/*
 * Reports for spinning locks used wrongly (include/kernel/spinlock.h,
 * rwlock.h).  On one CPU every such misuse is a deadlock of the caller's
 * own code path; the messages read as Linux's lock debugging prints them.
 */
#include <kernel/export.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/rwlock.h>
#include <kernel/spinlock.h>

void spin_bug(const struct spinlock *lock, const char *what, uintptr_t ip)
{
	panic("BUG: spinlock %s on CPU#0, lock %p, at %pS", what, lock,
	      (void *)ip);
}
EXPORT_SYMBOL(spin_bug);

void rwlock_bug(const struct rwlock *lock, const char *what, uintptr_t ip)
{
	panic("BUG: rwlock %s on CPU#0, lock %p (%d readers, %s), at %pS", what,
	      lock, lock->readers,
	      lock->writer ? "write-locked" : "not write-locked", (void *)ip);
}
EXPORT_SYMBOL(rwlock_bug);
