/*
 * /proc/lockdep_stats in the debug kernel (CONFIG_LOCKDEP): how full
 * lockdep's fixed tables are and how its classes are used around
 * interrupts, in the lines and layout of Linux's (a subset: Sprout keeps
 * no lock chains).  lockdep itself sits far below the file system, so
 * procfs asks it here.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/lockdep.h>
#include "internal.h"

static int lockdep_stats_show(struct seq_file *m, void *v)
{
	struct lockdep_stats st;

	lockdep_get_stats(&st);
	seq_printf(m, " lock-classes:                  %11lu [max: %lu]\n",
		   st.classes, st.max_classes);
	seq_printf(m, " direct dependencies:           %11lu [max: %lu]\n",
		   st.dependencies, st.max_dependencies);
	seq_printf(m, " stack-trace entries:           %11lu [max: %lu]\n",
		   st.trace_entries, st.max_trace_entries);
	seq_printf(m, " hardirq-safe locks:            %11lu\n",
		   st.hardirq_safe);
	seq_printf(m, " hardirq-unsafe locks:          %11lu\n",
		   st.hardirq_unsafe);
	seq_printf(m, " softirq-safe locks:            %11lu\n",
		   st.softirq_safe);
	seq_printf(m, " softirq-unsafe locks:          %11lu\n",
		   st.softirq_unsafe);
	seq_printf(m, " max locking depth:             %11u\n", st.max_depth);
	seq_printf(m, " debug_locks:                   %11d\n", st.debug_locks);
	return 0;
}

static int __init proc_lockdep_init(void)
{
	if (!proc_create_single("lockdep_stats", 0, NULL, lockdep_stats_show))
		return -ENOMEM;
	return 0;
}
fs_initcall_sync(proc_lockdep_init);
