/*
 * Shell commands of the test build, for the boot tests of the shell's
 * thread: pause sleeps until a signal, as pause(2), so that Ctrl-C has a
 * blocked command to end; bg runs a command in a thread of its own once
 * the shell is back asleep at the prompt, so that ps can be shown the
 * shell waiting for input.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/shell.h>
#include "../../kernel/shell/internal.h"

#define BG_YIELDS_MAX 100000

static struct wait_queue_head pause_wait =
	WAIT_QUEUE_HEAD_INITIALIZER(pause_wait);

static int cmd_pause(char *args)
{
	if (*args)
		return -EINVAL;
	/* Nothing wakes pause_wait: only a signal ends the wait. */
	return wait_event_interruptible(pause_wait, false);
}
SHELL_COMMAND("pause", "", "sleep until Ctrl-C (test build)", cmd_pause);

/* The shell is back at its prompt once it sleeps, waiting for input. */
static bool bg_shell_asleep(void)
{
	for (int i = 0; i < BG_YIELDS_MAX; i++) {
		if (shell_thread()->state == TASK_INTERRUPTIBLE)
			return true;
		yield();
	}
	return false;
}

static int bg_thread(void *data)
{
	char *line = data, *args = line, *name = args_word(&args);
	const struct shell_cmd *cmd = shell_find(name);

	if (!bg_shell_asleep())
		console_printf("bg: the shell did not go back to sleep\n");
	else if (!cmd)
		console_printf("bg: %s: command not found\n", name);
	else
		cmd->fn(args);
	kfree(line);
	return 0;
}

static int cmd_bg(char *args)
{
	struct task_struct *k;
	char *line;

	if (!*args)
		return -EINVAL;
	line = kstrdup(args, GFP_KERNEL);
	if (!line) {
		console_printf("bg: out of memory\n");
		return SHELL_FAILED;
	}
	k = kthread_create_task(bg_thread, line, "bg");
	if (!k) {
		kfree(line);
		console_printf("bg: out of memory\n");
		return SHELL_FAILED;
	}
	wake_up_process(k);
	return 0;
}
SHELL_COMMAND("bg", "command [args...]",
	      "run a command in a thread once the shell sleeps (test build)",
	      cmd_bg);
