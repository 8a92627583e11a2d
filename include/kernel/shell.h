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

/* shell_printf - print command output to every console. */
void shell_printf(const char *fmt, ...) __printf(1, 2);

/* shell_run - read and run commands until poweroff; returns on end of input. */
void shell_run(void);

#endif
