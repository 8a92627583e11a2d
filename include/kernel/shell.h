/*
 * The kernel shell on the consoles: a prompt, a line editor and commands.
 * Any file can add a command with SHELL_COMMAND(); the table is a linker
 * section (.shell_cmds), so subsystems keep their commands next to their
 * code and never call the shell: commands print with console_printf() and
 * bring their own Tab completion.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include <kernel/types.h>

/*
 * The names a command's argument can take, for Tab: @offer is called with
 * each entry of directory @dir ("/" is the top) and @arg.  Returns 0 or a
 * negative errno (@dir does not exist).  shell_complete_path() is one.
 */
typedef int (*shell_complete_fn)(const char *dir,
				 int (*offer)(void *arg, const char *name,
					      size_t len, bool is_dir),
				 void *arg);

struct shell_cmd {
	const char *name;
	const char *usage; /* arguments, e.g. "[-l level]" */
	const char *help;  /* one line */
	/*
	 * fn - run with @args, the rest of the line as typed (blanks around
	 * it trimmed, quotes kept), which it may write to; it splits the
	 * words with args_next() or args_word() (<kernel/args.h>).  0 or a
	 * negative errno; -EINVAL makes the shell print the usage.  A
	 * command that has said why it failed returns SHELL_FAILED instead,
	 * whatever the errno: a usage line after its message would mislead.
	 */
	int (*fn)(char *args);
	shell_complete_fn complete; /* NULL: arguments do not complete */
};

/* What a command returns when it failed and has said why (see fn above). */
#define SHELL_FAILED 1

/*
 * SHELL_COMMAND - add a command to the table; SHELL_COMMAND_COMPLETE - one
 * whose arguments Tab completes with @ccomplete.
 */
#define SHELL_COMMAND_COMPLETE(cname, cusage, chelp, cfn, ccomplete)      \
	static const struct shell_cmd __shell_cmd_##cfn __used __section( \
		".shell_cmds") __aligned(8) = { .name = cname,            \
						.usage = cusage,          \
						.help = chelp,            \
						.fn = cfn,                \
						.complete = ccomplete }
#define SHELL_COMMAND(cname, cusage, chelp, cfn) \
	SHELL_COMMAND_COMPLETE(cname, cusage, chelp, cfn, NULL)

/*
 * shell_init - create the shell's thread, which will read and run commands
 * for ever (poweroff and reboot are the way out).  Called before any other
 * thread is created, so that it is PID 1, as init is on Linux.  0 or
 * -ENOMEM.  __init.
 */
int shell_init(void);

/* shell_start - let the shell's thread run: boot is over. */
void shell_start(void);

#endif
