/*
 * In-kernel tests of /proc's built-in files in Linux's formats: meminfo
 * line by line, modules with a module loaded and after it is removed,
 * kallsyms, version, cmdline, uptime, interrupts, and /proc/<pid>/ of a
 * thread started here: its status and stack, and nothing left once it
 * ended, a file still open on it reading -ESRCH.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "modfiles.h"

#define BUF_SIZE (512u << 10) /* /proc/kallsyms fits */

/* All of @name, NUL-ended, in a kmalloc'd buffer (kfree it), or NULL. */
static char *read_file(const char *name, ssize_t *len)
{
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL);
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	*len = -ENOMEM;
	if (!buf)
		return NULL;
	*len = file_open_name(name, O_RDONLY, 0, &f);
	if (*len) {
		kfree(buf);
		return NULL;
	}
	while ((n = kernel_read(f, buf + pos, BUF_SIZE - 1 - pos, &pos)) > 0)
		;
	filp_close(f);
	*len = n < 0 ? n : pos;
	buf[pos] = '\0';
	return buf;
}

/*
 * The line of @text starting with @prefix, copied without its newline
 * into @out (of OUT_SIZE bytes), or NULL.
 */
#define OUT_SIZE 128
static char *line_with(const char *text, const char *prefix, char *out)
{
	for (const char *l = text; l && *l;
	     l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (!strncmp(l, prefix, strlen(prefix))) {
			const char *end = strchr(l, '\n');
			size_t n = end ? (size_t)(end - l) : strlen(l);

			if (n >= OUT_SIZE)
				return NULL;
			memcpy(out, l, n);
			out[n] = '\0';
			return out;
		}
	return NULL;
}

/* "Name:" padded to 16 columns, the value in 8, " kB": Linux's layout. */
static unsigned long meminfo_value(struct ktest *t, char *text,
				   const char *name)
{
	char line[OUT_SIZE], want[64], *end;
	char *l = line_with(text, name, line);
	unsigned long v = 0;

	KT_EXPECT(t, l && strlen(l) == 27);
	if (!l || strlen(l) != 27)
		return 0;
	end = l + 24;
	*end = '\0';
	for (l += 16; *l == ' '; l++)
		;
	KT_EXPECT_EQ(t, kstrtoul(l, 10, &v), 0);
	l = end - 24;
	*end = ' ';
	snprintf(want, sizeof(want), "%-15s %8lu kB", name, v);
	KT_EXPECT(t, !strcmp(l, want));
	return v;
}

static void meminfo_fields(struct ktest *t)
{
	ssize_t len;
	char *text = read_file("/proc/meminfo", &len);
	struct mm_stats st;
	unsigned long total, free;

	KT_EXPECT(t, text && len > 0);
	if (!text)
		return;
	mm_get_stats(&st);
	total = meminfo_value(t, text, "MemTotal:");
	free = meminfo_value(t, text, "MemFree:");
	KT_EXPECT_EQ(t, total, st.frames_total * (PAGE_SIZE >> 10));
	KT_EXPECT(t, free > 0 && free < total);
	KT_EXPECT(t, meminfo_value(t, text, "MemAvailable:") > 0);
	KT_EXPECT(t, meminfo_value(t, text, "Slab:") > 0);
	KT_EXPECT(t, meminfo_value(t, text, "KernelStack:") >= 16);
	KT_EXPECT(t, meminfo_value(t, text, "VmallocUsed:") > 0);
	kfree(text);
}

static void modules_and_kallsyms(struct ktest *t)
{
	struct module *mod;
	char want[128], line[OUT_SIZE], *text;
	ssize_t len;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("twoobj", NULL), 0);
	mod = module_find("twoobj");
	KT_EXPECT(t, mod);
	if (!mod)
		return;
	snprintf(want, sizeof(want), "twoobj %zu 0 - Live 0x%016lx",
		 module_size(mod), (unsigned long)mod->core);
	text = read_file("/proc/modules", &len);
	KT_EXPECT(t, text && line_with(text, "twoobj ", line) &&
			     !strcmp(line, want));
	kfree(text);
	text = read_file("/proc/kallsyms", &len);
	KT_EXPECT(t, text && strstr(text, "\ttwoobj_init\t[twoobj]\n") == NULL);
	/* module_exit()'s alias, whatever the compiler did with the rest. */
	KT_EXPECT(t, text && strstr(text, " t cleanup_module\t[twoobj]\n"));
	snprintf(want, sizeof(want), "%016lx T schedule\n",
		 (unsigned long)kallsyms_lookup_name("schedule"));
	KT_EXPECT(t, text && strstr(text, want));
	kfree(text);
	KT_EXPECT_EQ(t, ktest_remove_quiet("twoobj"), 0);
	text = read_file("/proc/modules", &len);
	KT_EXPECT(t, text && !line_with(text, "twoobj ", line));
	kfree(text);
}

static void small_files(struct ktest *t)
{
	char want[512], *text;
	ssize_t len;
	unsigned long up, idle;

	text = read_file("/proc/version", &len);
	snprintf(want, sizeof(want), "Sprout version %s (", SPROUT_VERSION);
	KT_EXPECT(t, text && !strncmp(text, want, strlen(want)));
	kfree(text);
	text = read_file("/proc/cmdline", &len);
	snprintf(want, sizeof(want), "%s\n", saved_command_line);
	KT_EXPECT(t, text && !strcmp(text, want));
	kfree(text);
	/* "%lu.%02lu %lu.%02lu\n", idle never above the time up. */
	text = read_file("/proc/uptime", &len);
	KT_EXPECT(t, text && len >= 10 && text[len - 1] == '\n');
	if (text && len >= 10) {
		char *dot = strchr(text, '.'), *sp = strchr(text, ' ');

		KT_EXPECT(t, dot && sp && sp == dot + 3);
		KT_EXPECT(t, text[len - 4] == '.');
		text[len - 4] = '\0';
		*dot = '\0';
		KT_EXPECT_EQ(t, kstrtoul(text, 10, &up), 0);
		KT_EXPECT_EQ(t, kstrtoul(sp + 1, 10, &idle), 0);
		KT_EXPECT(t, idle <= up);
	}
	kfree(text);
	/* The interrupts command's rows: the header and ERR are the same. */
	text = read_file("/proc/interrupts", &len);
	irq_show_row(0, want, sizeof(want));
	KT_EXPECT(t, text && !strncmp(text, want, strlen(want)));
	irq_show_row(IRQ_SHOW_ROWS - 2, want, sizeof(want));
	KT_EXPECT(t, text && strstr(text, want));
	kfree(text);
}

static struct completion status_started;

static int status_thread(void *unused)
{
	complete(&status_started);
	return ktest_sleep_until_stopped();
}

static void pid_status_and_stack(struct ktest *t)
{
	struct task_struct *k;
	char name[64], want[64], line[OUT_SIZE], *text;
	struct file *open;
	ssize_t len;
	loff_t pos = 0;
	int pid;

	init_completion(&status_started);
	k = kthread_create_task(status_thread, NULL, "kt_status");
	KT_EXPECT(t, k);
	if (!k)
		return;
	wake_up_process(k);
	wait_for_completion(&status_started);
	msleep(5); /* asleep in ktest_sleep_until_stopped() by now */
	snprintf(name, sizeof(name), "/proc/%d/status", k->pid);
	text = read_file(name, &len);
	KT_EXPECT(t, text);
	KT_EXPECT(t,
		  text && !strncmp(text,
				   "Name:\tkt_status\nState:\tS (sleeping)\n",
				   36));
	snprintf(want, sizeof(want), "Pid:\t%d", k->pid);
	KT_EXPECT(t, text && line_with(text, want, line));
	KT_EXPECT(t,
		  text && line_with(text, "voluntary_ctxt_switches:\t", line));
	kfree(text);
	snprintf(name, sizeof(name), "/proc/%d/stack", k->pid);
	text = read_file(name, &len);
	KT_EXPECT(t, text && !strncmp(text, "[<0>] ", 6));
	KT_EXPECT(t,
		  text && strstr(text, "[<0>] ktest_sleep_until_stopped+0x"));
	kfree(text);
	snprintf(name, sizeof(name), "/proc/%d/status", k->pid);
	KT_EXPECT_EQ(t, file_open_name(name, O_RDONLY, 0, &open), 0);
	/* kthread_stop() frees the task: its pid is read before. */
	pid = k->pid;
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
	KT_EXPECT_EQ(t, kernel_read(open, want, sizeof(want), &pos), -ESRCH);
	filp_close(open);
	text = read_file(name, &len);
	KT_EXPECT(t, !text && len == -ENOENT);
	snprintf(name, sizeof(name), "/proc/%d", pid);
	text = read_file(name, &len);
	KT_EXPECT(t, !text && len == -ENOENT);
}

/* The debug kernel's lockdep adds Linux's show-all-locks(d) to the keys. */
#ifdef CONFIG_LOCKDEP
#define SYSRQ_HELP_LOCKS "show-all-locks(d) "
#else
#define SYSRQ_HELP_LOCKS ""
#endif

static int sysrq(const char *keys)
{
	struct file *f;
	loff_t pos = 0;
	int ret = file_open_name("/proc/sysrq-trigger", O_WRONLY, 0, &f);

	if (ret)
		return ret;
	ret = kernel_write(f, keys, strlen(keys), &pos);
	filp_close(f);
	return ret;
}

/* t: every task's state line and trace; others: the help line. */
static void sysrq_trigger(struct ktest *t)
{
	int state = ktest_log_count("sysrq: Show State");
	int shell = ktest_log_count("task:sh              state:");
	int help = ktest_log_count(
		"sysrq: HELP : " SYSRQ_HELP_LOCKS
		"show-backtrace-all-active-cpus(l) show-memory-usage(m) show-task-states(t) ");
	int mem = ktest_log_count("pages RAM");
	struct file *f;

	KT_EXPECT_EQ(t, sysrq("t"), 1);
	KT_EXPECT_EQ(t, ktest_log_count("sysrq: Show State"), state + 1);
	KT_EXPECT_EQ(t, ktest_log_count("task:sh              state:"),
		     shell + 1);
	KT_EXPECT_EQ(t, sysrq("hx"), 2);
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "sysrq: HELP : " SYSRQ_HELP_LOCKS
			     "show-backtrace-all-active-cpus(l) show-memory-usage(m) show-task-states(t) "),
		     help + 1);
	KT_EXPECT_EQ(t, sysrq("m"), 1);
	KT_EXPECT_EQ(t, ktest_log_count("pages RAM"), mem + 1);
	KT_EXPECT_EQ(t, file_open_name("/proc/sysrq-trigger", O_RDONLY, 0, &f),
		     -EACCES);
}

KTEST_SUITE(procfs_files, KTEST_CASE(meminfo_fields),
	    KTEST_CASE(modules_and_kallsyms), KTEST_CASE(small_files),
	    KTEST_CASE(pid_status_and_stack), KTEST_CASE(sysrq_trigger));
