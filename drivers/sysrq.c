/*
 * The magic SysRq keys, through /proc/sysrq-trigger as Linux's
 * drivers/tty/sysrq.c offers them: writing a key's letter runs its
 * action and logs what it does ("sysrq: Show State"); any other letter
 * logs the help line listing the keys Sprout has.
 */
#define pr_fmt(fmt) "sysrq: " fmt

#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/lockdep.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>

struct sysrq_key_op {
	char key;
	void (*handler)(char key);
	const char *help_msg;	/* in the HELP line, as Linux's */
	const char *action_msg; /* logged before the action */
};

static void sysrq_handle_showallcpus(char key)
{
	pr_info("CPU0:\n");
	dump_stack();
}

static void sysrq_handle_showmem(char key)
{
	struct mm_stats st;

	mm_get_stats(&st);
	printk(KERN_INFO "Mem-Info:\n");
	printk(KERN_INFO "free:%zu slab:%zu kernel_stack:%zukB\n",
	       st.frames_free, st.heap_pages,
	       st.stack_pages * (PAGE_SIZE >> 10));
	printk(KERN_INFO "%zu pages RAM\n", st.frames_total);
	printk(KERN_INFO "%zu pages reserved\n", st.frames_reserved);
}

static void sysrq_handle_showstate(char key)
{
	show_state();
}

/* Only a kernel with lockdep knows the locks held, as in Linux's table. */
#ifdef CONFIG_LOCKDEP
static void sysrq_handle_showlocks(char key)
{
	debug_show_all_locks();
}
#endif

/* In key order, as Linux's sysrq_key_table lists them in the help. */
static const struct sysrq_key_op sysrq_ops[] = {
#ifdef CONFIG_LOCKDEP
	{ 'd', sysrq_handle_showlocks, "show-all-locks(d)", "Show Locks Held" },
#endif
	{ 'l', sysrq_handle_showallcpus, "show-backtrace-all-active-cpus(l)",
	  "Show backtrace of all active CPUs" },
	{ 'm', sysrq_handle_showmem, "show-memory-usage(m)", "Show Memory" },
	{ 't', sysrq_handle_showstate, "show-task-states(t)", "Show State" },
};

/* Run @key's action, or log the help line if Sprout has none for it. */
static void handle_sysrq(char key)
{
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_ops); i++)
		if (sysrq_ops[i].key == key) {
			pr_info("%s\n", sysrq_ops[i].action_msg);
			sysrq_ops[i].handler(key);
			return;
		}
	pr_info("HELP : ");
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_ops); i++)
		pr_cont("%s ", sysrq_ops[i].help_msg);
	pr_cont("\n");
}

/* Only the first byte counts, as in Linux 6.1; the write takes them all. */
static ssize_t write_sysrq_trigger(struct file *file, const char __user *buf,
				   size_t count, loff_t *ppos)
{
	char c;

	if (count) {
		if (get_user(c, buf))
			return -EFAULT;
		handle_sysrq(c);
	}
	return count;
}

static const struct proc_ops sysrq_trigger_proc_ops = {
	.proc_write = write_sysrq_trigger,
	.proc_lseek = noop_llseek,
};

static int __init sysrq_init(void)
{
	return proc_create("sysrq-trigger", 0200, NULL,
			   &sysrq_trigger_proc_ops) ?
		       0 :
		       -ENOMEM;
}
device_initcall(sysrq_init);
