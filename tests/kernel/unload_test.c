/*
 * The module unload rule: nothing a module started may outlive it.
 * modules/lingering's exit forgets its thread; rmmod must then refuse to
 * free the module (kept GOING, "Used by -1"), name the thread, not run
 * cleanup_module twice, and free everything once the thread has ended.
 * modules/hello_timer's exit forgets its timer: rmmod refuses until the
 * timer has fired; modules/hello_work's its delayed work, until it has
 * run; modules/hello_wq's its workqueue, until it is destroyed;
 * modules/hello_irq's its IRQ handler, until someone frees it;
 * modules/hello_tasklet's its tasklet, until it has run.
 */
#include <kernel/errno.h>
#include <kernel/irq.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/tasklet.h>
#include <kernel/x86.h>
#include "../../kernel/shell/internal.h"
#include "../../kernel/workqueue/internal.h"
#include "modfiles.h"

/* ---- What a shell command printed ---- */

static char seen[512];
static size_t seen_len;

static void capture_write(struct console *con, const char *s, size_t n)
{
	n = MIN(n, sizeof(seen) - 1 - seen_len);
	memcpy(seen + seen_len, s, n);
	seen_len += n;
	seen[seen_len] = '\0';
}

/* Run shell command @name with @args; what it printed is in seen. */
static int run_captured(struct ktest *t, const char *name, const char *args)
{
	struct console capture = { .name = "ktest", .write = capture_write };
	const struct shell_cmd *cmd = shell_find(name);
	char buf[64];
	int ret;

	if (!cmd) {
		ktest_fail(t, __FILE__, __LINE__, "no command %s", name);
		return 0;
	}
	strlcpy(buf, args, sizeof(buf));
	seen_len = 0;
	seen[0] = '\0';
	console_register(&capture);
	ret = cmd->fn(buf);
	console_unregister(&capture);
	return ret;
}

/* rmmod @name twice: refused each time, printing the line @want. */
static void rmmod_refused_twice(struct ktest *t, const char *name,
				const char *want)
{
	for (int i = 0; i < 2; i++) {
		KT_EXPECT_EQ(t, run_captured(t, "rmmod", name), SHELL_FAILED);
		/* The log's lines reach the console too: find rmmod's. */
		if (!strstr(seen, want))
			ktest_fail(t, __FILE__, __LINE__,
				   "rmmod printed '%s', expected '%s'", seen,
				   want);
	}
}

/* ---- Tasks ---- */

/* The task called @comm, with a reference held; NULL if none. */
static struct task_struct *find_task(const char *comm)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (!strcmp(p->comm, comm) && p->state != TASK_DEAD) {
			get_task_struct(p);
			return p;
		}
	return NULL;
}

static void snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

static int deep_caller(void *data);

/*
 * Two rmmods refused while the thread runs; the lsmod line meanwhile.
 * False if the module is gone: its thread then sleeps in freed code,
 * and must not be woken.
 */
static bool expect_refused(struct ktest *t, struct task_struct *k)
{
	struct module *mod;
	char want[128];

	snprintf(want, sizeof(want),
		 "rmmod: ERROR: lingering: thread lingering (pid %d) still running linger_fn [lingering]\n",
		 k->pid);
	rmmod_refused_twice(t, "lingering", want);
	mod = module_find("lingering");
	KT_EXPECT(t, mod != NULL);
	if (!mod)
		return false;
	KT_EXPECT_EQ(t, module_get_state(mod), MODULE_STATE_GOING);
	run_captured(t, "lsmod", "");
	KT_EXPECT(t, strstr(seen, "\nlingering ") != NULL);
	KT_EXPECT(t, strstr(strstr(seen, "\nlingering ") ?: seen, "  -1\n"));
	/* cleanup_module ran at the first rmmod only. */
	KT_EXPECT_EQ(t, ktest_log_count("lingering: exit, thread left running"),
		     1);
	return true;
}

static void rmmod_refuses_while_a_thread_runs_module_code(struct ktest *t)
{
	struct mm_stats before, after;
	struct task_struct *k;

	if (!ktest_have_module_files(t))
		return;
	/*
	 * A load and unload and a thread first: what the first of each
	 * builds stays (the export hash, as module_test.c explains, and the
	 * page tables of the stack area).
	 */
	if (ktest_load_quiet("hello", NULL) == 0)
		KT_EXPECT_EQ(t, ktest_remove_quiet("hello"), 0);
	k = kthread_create_task(deep_caller, NULL, "warm");
	if (k)
		kthread_stop(k);
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("lingering", NULL), 0);
	yield(); /* the thread goes to sleep in linger_fn */
	k = find_task("lingering");
	KT_EXPECT(t, k != NULL);
	if (!k)
		return;
	if (!expect_refused(t, k))
		return;
	/* Told to end, the thread leaves the module's code... */
	send_sig(SIGTERM, k, 0);
	wait_for_completion(&k->exited);
	put_task_struct(k);
	yield(); /* it switches away for good and is freed */
	/* ...and the next rmmod frees the module without a second exit. */
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "lingering"), 0);
	KT_EXPECT(t, !strstr(seen, "rmmod: ERROR"));
	KT_EXPECT(t, module_find("lingering") == NULL);
	KT_EXPECT_EQ(t, ktest_log_count("lingering: exit, thread left running"),
		     1);
	snapshot(&after);
	ktest_same_mm(t, "lingering module and its thread", &before, &after);
}

static void rmmod_refuses_while_a_timer_is_pending(struct ktest *t)
{
	struct mm_stats before, after;
	const char *want =
		"rmmod: ERROR: hello_timer: timer hello_timer_fn [hello_timer] still pending\n";

	if (!ktest_have_module_files(t))
		return;
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("hello_timer", "delay_ms=200"), 0);
	rmmod_refused_twice(t, "hello_timer", want);
	KT_EXPECT_EQ(t,
		     ktest_log_count("hello_timer: exit, timer left pending"),
		     1);
	msleep(300); /* the timer fires: nothing calls into the module now */
	KT_EXPECT_EQ(t, ktest_log_count("hello_timer: fired"), 1);
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello_timer"), 0);
	KT_EXPECT(t, module_find("hello_timer") == NULL);
	snapshot(&after);
	ktest_same_mm(t, "hello_timer module", &before, &after);
}

static void warm_fn(struct work_struct *work)
{
}

static DECLARE_WORK(warm_work, warm_fn);

static void rmmod_refuses_while_a_work_item_is_pending(struct ktest *t)
{
	struct mm_stats before, after;
	const char *want =
		"rmmod: ERROR: hello_work: work hello_work_fn [hello_work] still delayed\n";

	if (!ktest_have_module_files(t))
		return;
	/* The first item on system_wq makes its pool's spare worker, which
	 * stays: the run of a work item first, as the lingering case does. */
	schedule_work(&warm_work);
	flush_work(&warm_work);
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("hello_work", "delay_ms=200"), 0);
	rmmod_refused_twice(t, "hello_work", want);
	KT_EXPECT_EQ(t, ktest_log_count("hello_work: exit, work left pending"),
		     1);
	msleep(300); /* the work runs: nothing calls into the module now */
	flush_workqueue(system_wq);
	KT_EXPECT_EQ(t, ktest_log_count("hello_work: ran"), 1);
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello_work"), 0);
	KT_EXPECT(t, module_find("hello_work") == NULL);
	snapshot(&after);
	ktest_same_mm(t, "hello_work module", &before, &after);
}

/* The workqueue called @name, as the module left it; NULL if none. */
static struct workqueue_struct *find_workqueue(const char *name)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &wq_all, list)
		if (!strcmp(wq->name, name))
			return wq;
	return NULL;
}

static void rmmod_refuses_while_a_workqueue_is_allocated(struct ktest *t)
{
	struct mm_stats before, after;
	struct workqueue_struct *wq;
	const char *want =
		"rmmod: ERROR: hello_wq: workqueue hello_wq still allocated\n";

	if (!ktest_have_module_files(t))
		return;
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("hello_wq", NULL), 0);
	rmmod_refused_twice(t, "hello_wq", want);
	KT_EXPECT_EQ(t, ktest_log_count("hello_wq: work ran"), 1);
	/* A module loaded over hello_wq's freed init code is not blamed. */
	KT_EXPECT_EQ(t, ktest_load_quiet("hello", NULL), 0);
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello"), 0);
	/* What the module's exit should have done, done for it. */
	wq = find_workqueue("hello_wq");
	KT_EXPECT(t, wq != NULL);
	if (!wq)
		return;
	destroy_workqueue(wq);
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello_wq"), 0);
	KT_EXPECT(t, module_find("hello_wq") == NULL);
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "hello_wq: exit, workqueue left allocated"),
		     1);
	snapshot(&after);
	ktest_same_mm(t, "hello_wq module and its workqueue", &before, &after);
}

/* The address of @mod's export @name, or 0. */
static uintptr_t module_export(const struct module *mod, const char *name)
{
	for (size_t i = 0; i < mod->num_syms; i++)
		if (!strcmp(mod->syms[i].name, name))
			return mod->syms[i].value;
	return 0;
}

static void rmmod_refuses_while_an_irq_handler_is_requested(struct ktest *t)
{
	struct mm_stats before, after;
	const char *want =
		"rmmod: ERROR: hello_irq: irq 5 handler hello_irq_handler [hello_irq] (hello_irq) still requested\n";
	struct module *mod;
	uintptr_t dev;

	if (!ktest_have_module_files(t))
		return;
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("hello_irq", NULL), 0);
	mod = module_find("hello_irq");
	dev = mod ? module_export(mod, "hello_irq_dev") : 0;
	KT_EXPECT(t, dev != 0);
	rmmod_refused_twice(t, "hello_irq", want);
	KT_EXPECT_EQ(t,
		     ktest_log_count("hello_irq: exit, IRQ 5 left requested"),
		     1);
	/* The free_irq() the module forgot: then nothing can call it. */
	if (dev)
		KT_EXPECT(t, !strcmp(free_irq(5, (void *)dev), "hello_irq"));
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello_irq"), 0);
	KT_EXPECT(t, module_find("hello_irq") == NULL);
	snapshot(&after);
	ktest_same_mm(t, "hello_irq module", &before, &after);
}

/* The tasklet @mod left on a list, NULL if none. */
static struct tasklet_struct *tasklet_left_by(const struct module *mod)
{
	uint64_t irq = irq_save();
	struct tasklet_struct *left =
		tasklet_find_pending(mod->core,
				     (char *)mod->core + mod->core_text_size);

	irq_restore(irq);
	return left;
}

static void rmmod_refuses_while_a_tasklet_is_scheduled(struct ktest *t)
{
	struct mm_stats before, after;
	const char *want =
		"rmmod: ERROR: hello_tasklet: tasklet hello_tasklet_fn [hello_tasklet] still scheduled\n";
	struct tasklet_struct *left;
	struct module *mod;

	if (!ktest_have_module_files(t))
		return;
	snapshot(&before);
	KT_EXPECT_EQ(t, ktest_load_quiet("hello_tasklet", NULL), 0);
	rmmod_refused_twice(t, "hello_tasklet", want);
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "hello_tasklet: exit, tasklet left scheduled"),
		     1);
	mod = module_find("hello_tasklet");
	left = mod ? tasklet_left_by(mod) : NULL;
	KT_EXPECT(t, left != NULL);
	if (!left)
		return;
	/* Enabled, as the rest of a driver would: it runs, and then
	 * nothing calls into the module any more. */
	tasklet_enable(left);
	tasklet_kill(left);
	KT_EXPECT_EQ(t, ktest_log_count("hello_tasklet: ran"), 1);
	KT_EXPECT_EQ(t, run_captured(t, "rmmod", "hello_tasklet"), 0);
	KT_EXPECT(t, module_find("hello_tasklet") == NULL);
	snapshot(&after);
	ktest_same_mm(t, "hello_tasklet module", &before, &after);
}

/* ---- The stack check, on the test kernel's own code ---- */

static struct completion deep_release;

/* noinline: its return address must be on the sleeping thread's stack. */
static __attribute__((noinline)) void deep_sleep(void)
{
	wait_for_completion(&deep_release);
	__asm__ volatile(""); /* a call, not a tail call */
}

static __attribute__((noinline)) int deep_caller(void *data)
{
	deep_sleep();
	return 0;
}

static void a_return_address_on_a_stack_is_found(struct ktest *t)
{
	struct task_struct *k = kthread_create_task(deep_caller, NULL, "deep");
	uintptr_t where = 0, lo = (uintptr_t)deep_sleep, self;
	struct task_struct *found;
	size_t size = 0, offset;

	KT_EXPECT(t, k != NULL);
	if (!k)
		return;
	KT_EXPECT(t, kallsyms_lookup(lo, &size, &offset) != NULL);
	init_completion(&deep_release);
	get_task_struct(k);
	wake_up_process(k);
	yield();
	/* deep_sleep is not the thread's function: only the walk finds it. */
	found = sched_find_task_in_code(lo, lo + size, &where);
	KT_EXPECT(t, found == k);
	KT_EXPECT(t, where > lo && where < lo + size);
	if (found)
		put_task_struct(found);
	/* current is never reported, though it runs this function. */
	self = (uintptr_t)a_return_address_on_a_stack_is_found;
	KT_EXPECT(t, !sched_find_task_in_code(self, self + 1, &where));
	complete(&deep_release);
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
	put_task_struct(k);
}

KTEST_SUITE(module_unload,
	    KTEST_CASE(rmmod_refuses_while_a_thread_runs_module_code),
	    KTEST_CASE(rmmod_refuses_while_a_timer_is_pending),
	    KTEST_CASE(rmmod_refuses_while_a_work_item_is_pending),
	    KTEST_CASE(rmmod_refuses_while_a_workqueue_is_allocated),
	    KTEST_CASE(rmmod_refuses_while_an_irq_handler_is_requested),
	    KTEST_CASE(rmmod_refuses_while_a_tasklet_is_scheduled),
	    KTEST_CASE(a_return_address_on_a_stack_is_found));
