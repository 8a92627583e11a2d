/*
 * Shared between the shell's command runner and its line editor.
 */
#ifndef KERNEL_SHELL_INTERNAL_H
#define KERNEL_SHELL_INTERNAL_H

#include <kernel/shell.h>

struct task_struct;

#define SHELL_LINE_MAX 256    /* bytes, with the terminating NUL */
#define SHELL_HISTORY 16      /* lines kept for up/down */
#define SHELL_STAGES_MAX 8    /* commands in one pipeline */
#define CONSOLE_EOF_CHAR 0x04 /* Ctrl-D, termios(3) VEOF */

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

/*
 * shell_input_foreground - the @count threads of the pipeline now running
 * (0: none), which Ctrl-C sends SIGINT as it does the shell.  (input.c)
 */
void shell_input_foreground(struct task_struct **tasks, size_t count);

/*
 * shell_input_read - a command's read of the console: up to @size bytes
 * of one line as typed, echoed, ending with its newline; 0 for Ctrl-D at
 * the start of a line (end of file); -ERESTARTSYS on Ctrl-C.  Sleeps for
 * input.  (input.c)
 */
ssize_t shell_input_read(char *buf, size_t size);

/*
 * shell_stdio_init - give current descriptors 0, 1 and 2 on the console
 * (the shell's thread, before its first prompt); command output goes
 * through a command thread's descriptors from boot on.  0 or -ENOMEM.
 * (stdio.c)
 * shell_is_command_thread - does @t run commands: the shell's thread (the
 * reader of input) or a stage of the foreground pipeline?  (input.c)
 */
int shell_stdio_init(void);
bool shell_is_command_thread(const struct task_struct *t);

/*
 * shell_write - write all @n bytes of @buf to current's descriptor @fd
 * (the buffer lent as user memory): 0 or the write's -errno.  shell_read -
 * read up to @n bytes: bytes read, 0 at the end, or -errno.  (stdio.c)
 */
int shell_write(int fd, const void *buf, size_t n);
ssize_t shell_read(int fd, void *buf, size_t n);

/*
 * shell_pipeline_run - run @line: commands joined by '|', each with its
 * redirections ('<', '>', '>>'); one command runs in the shell's thread,
 * a pipeline in a thread per command, waited for.  (pipeline.c)
 */
void shell_pipeline_run(char *line);

/*
 * Shared by the file commands (ls.c): shell_mode_string - ls's ten
 * characters for @mode ("drwxr-xr-x").  shell_dir_first - the first name
 * in directory @dir into @buf: 1, 0 if it is empty, or -errno.
 * shell_complete_path - Tab completion over the VFS (shell_complete_fn).
 */
void shell_mode_string(unsigned int mode, char out[11]);
int shell_dir_first(const char *dir, char *buf, size_t size);
int shell_complete_path(const char *dir,
			int (*offer)(void *arg, const char *name, size_t len,
				     bool is_dir),
			void *arg);

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
