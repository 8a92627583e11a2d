/*
 * The kernel shell on the consoles: a prompt, a line editor and commands.
 * Any file can add a command with SHELL_COMMAND(); the table is a linker
 * section (.shell_cmds), so subsystems keep their commands next to their code.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include <kernel/types.h>

struct shell_cmd {
	const char *name;
	const char *usage;	/* arguments, e.g. "[-l level]" */
	const char *help;	/* one line */
	int (*fn)(int argc, char **argv);	/* 0 or a negative errno */
	unsigned int flags;	/* SHELL_ARGS_* */
};

/* The arguments are initrd paths: Tab completes file names. */
#define SHELL_ARGS_PATHS 0x1

#define SHELL_COMMAND_FLAGS(cname, cusage, chelp, cfn, cflags)             \
	static const struct shell_cmd __shell_cmd_##cfn __used              \
		__section(".shell_cmds") __aligned(8) = {                   \
			.name = cname, .usage = cusage, .help = chelp,      \
			.fn = cfn, .flags = cflags }
#define SHELL_COMMAND(cname, cusage, chelp, cfn)                            \
	SHELL_COMMAND_FLAGS(cname, cusage, chelp, cfn, 0)
#define SHELL_COMMAND_PATHS(cname, cusage, chelp, cfn)                      \
	SHELL_COMMAND_FLAGS(cname, cusage, chelp, cfn, SHELL_ARGS_PATHS)

/*
 * A block of commands added at run time: a loaded module's .shell_cmds
 * table.  The caller owns the block and keeps it until it is removed.
 */
struct shell_cmd_block {
	const struct shell_cmd *cmds;
	size_t count;
	struct shell_cmd_block *next;
};

/*
 * shell_cmd_next - the command after @prev (NULL: the first), built-in
 * ones first, then each added block in the order added; NULL at the end.
 */
const struct shell_cmd *shell_cmd_next(const struct shell_cmd *prev);

/*
 * shell_cmd_clash - the first name in @cmds[0..@count) that is already a
 * command, or NULL if none is.  Check before shell_add_cmds().
 */
const char *shell_cmd_clash(const struct shell_cmd *cmds, size_t count);

/*
 * shell_add_cmds - make the commands of @block (cmds and count set) known
 * to the shell until shell_remove_cmds(@block).
 */
void shell_add_cmds(struct shell_cmd_block *block);
void shell_remove_cmds(struct shell_cmd_block *block);

/* shell_printf - print command output to every console. */
void shell_printf(const char *fmt, ...) __printf(1, 2);

/* shell_run - read and run commands until poweroff; returns on end of input. */
void shell_run(void);

#endif
