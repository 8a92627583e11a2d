/*
 * Shared between the shell's command runner and its line editor.
 */
#ifndef KERNEL_SHELL_INTERNAL_H
#define KERNEL_SHELL_INTERNAL_H

#include <kernel/shell.h>

#define SHELL_LINE_MAX 256 /* bytes, with the terminating NUL */
#define SHELL_HISTORY 16   /* lines kept for up/down */

/* The command table (linker.ld, .shell_cmds). */
extern const struct shell_cmd __shell_cmds_start[], __shell_cmds_end[];

/*
 * shell_cmd_next - the command after @prev (NULL: the first), built-in
 * ones first, then each loaded module's in the order loaded; NULL at the
 * end.  (table.c)
 */
const struct shell_cmd *shell_cmd_next(const struct shell_cmd *prev);

/* shell_find - the command named @name, or NULL.  (table.c) */
const struct shell_cmd *shell_find(const char *name);

/* shell_out - write @s to every console, bypassing the log.  (readline.c) */
void shell_out(const char *s);

/* shell_clear_screen - clear every console, home the cursor.  (readline.c) */
void shell_clear_screen(void);

/* shell_run - read and run commands for ever: the shell's thread's body,
 * which waits for input.  (shell.c) */
__noreturn void shell_run(void);

/*
 * shell_input_attach - make current the reader of console input: it is
 * woken when input arrives and sent SIGINT on Ctrl-C.  (input.c)
 */
void shell_input_attach(void);

/*
 * shell_getc - the next byte of console input, sleeping until there is one
 * (Ctrl-C included: the SIGINT it also sent is dropped).  Only the reader
 * shell_input_attach() made calls it.  (input.c)
 */
int shell_getc(void);

/*
 * shell_input_interrupted - after a command that a Ctrl-C interrupted: drop
 * the input up to and with that Ctrl-C (what was typed ahead before it, as
 * a terminal drops it on an interrupt), and the signal.  (input.c)
 */
void shell_input_interrupted(void);

/* shell_thread - the shell's task (PID 1).  (thread.c) */
struct task_struct *shell_thread(void);

/*
 * shell_readline - show @prompt and read one line into @buf (@size bytes)
 * with editing, history and completion.  Returns its length, or -E2BIG if
 * more was typed than fits (the line is then discarded, with a message).
 * Ctrl-C prints ^C and gives an empty line.  Waits for input.
 */
int shell_readline(const char *prompt, char *buf, size_t size);

#endif
