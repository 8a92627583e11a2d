/*
 * The shell's thread: PID 1, the task that plays the part Linux's init and
 * login shell play.  Created early in boot so that it gets that number,
 * woken once boot is over; it reads and runs commands until poweroff.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/sched.h>

#include "internal.h"

static struct task_struct *shell_task;

struct task_struct *shell_thread(void)
{
	return shell_task;
}

static void shell_main(void *unused)
{
	int ret;

	shell_input_attach();
	ret = shell_stdio_init();
	if (ret)
		pr_err("sh: no console descriptors (%d); commands print to the consoles\n",
		       ret);
	shell_run();
}

int __init shell_init(void)
{
	shell_task = sched_create_task(shell_main, NULL, "sh");
	return shell_task ? 0 : -ENOMEM;
}

void shell_start(void)
{
	wake_up_process(shell_task);
}
