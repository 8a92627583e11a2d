/*
 * Pipelines and redirection, as a POSIX shell reads them: "a | b | c",
 * "< in", "> out", ">> out".  A lone command runs in the shell's own
 * thread with its descriptors pointed for the time it runs (as bash runs
 * a builtin); a pipeline runs each command in a thread of its own, joined
 * by pipes, and the shell waits for all of them.  Ctrl-C interrupts every
 * thread of the pipeline.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#include "internal.h"

struct shell_stage {
	char *words;	/* the command's name and arguments */
	char *in, *out; /* redirection targets, or NULL */
	bool append;	/* ">>" rather than ">" */
	const struct shell_cmd *cmd;
	struct file *files[3]; /* its descriptors 0, 1 and 2 */
	struct task_struct *task;
	int ret;
	bool interrupted; /* a signal ended it */
};

struct shell_pipeline {
	struct shell_stage stages[SHELL_STAGES_MAX];
	size_t count;
	char names[SHELL_LINE_MAX]; /* the redirection targets, unquoted */
	size_t names_len;
	char cwd[PATH_MAX];
};

static bool shell_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool shell_operator(char c)
{
	return c == '<' || c == '>' || c == '|';
}

/* bash's words for a line it cannot read. */
static int shell_syntax_error(const char *token)
{
	console_eprintf("sh: syntax error near unexpected token `%s'\n", token);
	return -EINVAL;
}

/*
 * Cut the redirection target that starts at @p out of the line (blanking
 * it there) into @pl->names, quotes removed; @p moves past it.
 */
static char *parse_target(struct shell_pipeline *pl, char **p)
{
	char *s = *p, *name = pl->names + pl->names_len;
	bool quoted = false;

	while (shell_blank(*s))
		s++;
	for (; *s && (quoted || (!shell_blank(*s) && !shell_operator(*s)));
	     *s++ = ' ')
		if (*s == '"')
			quoted = !quoted;
		else
			pl->names[pl->names_len++] = *s;
	*p = s;
	if (name == pl->names + pl->names_len)
		return NULL;
	pl->names[pl->names_len++] = '\0';
	return name;
}

/* Take the redirections out of @st->words. */
static int parse_redirections(struct shell_pipeline *pl, struct shell_stage *st)
{
	bool quoted = false;

	for (char *p = st->words; *p;) {
		char op = *p;
		char **target = op == '<' ? &st->in : &st->out;

		if (*p == '"')
			quoted = !quoted;
		if (quoted || (op != '<' && op != '>')) {
			p++;
			continue;
		}
		*p++ = ' ';
		st->append = op == '>' && *p == '>';
		if (st->append)
			*p++ = ' ';
		*target = parse_target(pl, &p);
		if (!*target)
			return shell_syntax_error(*p ? (char[]){ *p, 0 } :
						       "newline");
	}
	return 0;
}

/* Split @line at each '|' outside quotes into @pl's stages. */
static int parse_pipeline(struct shell_pipeline *pl, char *line)
{
	bool quoted = false;
	char *start = line;

	memset(pl, 0, offsetof(struct shell_pipeline, cwd));
	for (char *p = line;; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (*p && (quoted || *p != '|'))
			continue;
		if (pl->count == SHELL_STAGES_MAX) {
			console_eprintf("sh: more than %d commands in a pipeline\n",
					SHELL_STAGES_MAX);
			return -E2BIG;
		}
		pl->stages[pl->count++].words = start;
		if (!*p)
			break;
		*p = '\0';
		start = p + 1;
	}
	for (size_t i = 0; i < pl->count; i++) {
		struct shell_stage *st = &pl->stages[i];
		int ret = parse_redirections(pl, st);

		if (ret)
			return ret;
		while (shell_blank(*st->words))
			st->words++;
		if (!*st->words && (pl->count > 1 || st->in || st->out))
			return shell_syntax_error(pl->count > 1 ? "|" :
								  "newline");
	}
	return 0;
}

/* Find @st's command; its arguments are the rest of the words. */
static int stage_lookup(struct shell_stage *st, char **args)
{
	char *name = st->words, *end = name + strlen(name), *p;

	while (end > name && shell_blank(end[-1]))
		*--end = '\0';
	for (p = name; *p && !shell_blank(*p); p++)
		;
	if (*p)
		*p++ = '\0';
	while (shell_blank(*p))
		p++;
	*args = p;
	st->cmd = shell_find(name);
	if (st->cmd)
		return 0;
	console_eprintf("sprout: %s: command not found (type 'help')\n", name);
	return -ENOENT;
}

/* Point @st's descriptor @fd at @name opened with @flags. */
static int stage_redirect(struct shell_stage *st, int fd, const char *name,
			  int flags)
{
	struct file *f;
	int ret = file_open_name(name, flags, 0644, &f);

	if (ret) {
		console_eprintf("sh: %s: %s\n", name, errno_text(ret));
		return ret;
	}
	fput(st->files[fd]);
	st->files[fd] = f;
	return 0;
}

/* Give each stage its descriptors: the shell's, pipes, redirections. */
static int pipeline_files(struct shell_pipeline *pl)
{
	for (size_t i = 0; i < pl->count; i++) {
		struct shell_stage *st = &pl->stages[i];
		struct file *pipe[2];
		int ret;

		for (unsigned int fd = 0; fd < 3; fd++)
			if (!st->files[fd])
				st->files[fd] = fget(fd);
		if (i + 1 < pl->count) {
			ret = create_pipe_files(pipe, 0);
			if (ret)
				return ret;
			fput(st->files[1]);
			st->files[1] = pipe[1];
			pl->stages[i + 1].files[0] = pipe[0];
		}
		if (st->in && stage_redirect(st, 0, st->in, O_RDONLY))
			return SHELL_FAILED;
		if (st->out &&
		    stage_redirect(st, 1, st->out,
				   O_WRONLY | O_CREAT |
					   (st->append ? O_APPEND : O_TRUNC)))
			return SHELL_FAILED;
	}
	return 0;
}

static void stage_put_files(struct shell_stage *st)
{
	for (unsigned int fd = 0; fd < 3; fd++) {
		if (st->files[fd])
			fput(st->files[fd]);
		st->files[fd] = NULL;
	}
}

/* Install @st's descriptors in current's table (which takes them over),
 * run its command, and note how it ended. */
static void stage_run(struct shell_stage *st, char *args)
{
	for (unsigned int fd = 0; fd < 3; fd++)
		replace_fd(fd, st->files[fd], 0);
	stage_put_files(st);
	st->ret = st->cmd->fn(args);
	st->interrupted = signal_pending(current) &&
			  (st->ret == -ERESTARTSYS || st->ret == -EINTR);
}

struct stage_start {
	struct shell_stage *st;
	char *args;
	const char *cwd;
};

static int stage_main(void *data)
{
	struct stage_start *start = data;

	allow_signal(SIGINT);
	allow_signal(SIGPIPE);
	/* The shell's directory; one removed meanwhile leaves the root. */
	ksys_chdir(start->cwd);
	stage_run(start->st, start->args);
	return 0;
}

/* A lone command, in the shell's thread, its descriptors put back after. */
static void run_here(struct shell_stage *st, char *args)
{
	struct file *saved[3];

	for (unsigned int fd = 0; fd < 3; fd++)
		saved[fd] = fget(fd);
	stage_run(st, args);
	for (unsigned int fd = 0; fd < 3; fd++) {
		replace_fd(fd, saved[fd], 0);
		if (saved[fd])
			fput(saved[fd]);
	}
}

/* Start a thread per stage, wait for every one, let them go. */
static void run_threads(struct shell_pipeline *pl, char **args)
{
	struct stage_start starts[SHELL_STAGES_MAX];
	struct task_struct *tasks[SHELL_STAGES_MAX];
	size_t n = 0;

	if (vfs_getcwd(pl->cwd, sizeof(pl->cwd)) < 0)
		strcpy(pl->cwd, "/");
	for (; n < pl->count; n++) {
		struct shell_stage *st = &pl->stages[n];

		starts[n] = (struct stage_start){ st, args[n], pl->cwd };
		st->task = kthread_create_task(stage_main, &starts[n], "%s",
					       st->cmd->name);
		if (!st->task) {
			console_eprintf("sh: fork: %s\n", errno_text(-ENOMEM));
			break;
		}
		get_task_struct(st->task);
		tasks[n] = st->task;
	}
	shell_input_foreground(tasks, n);
	/* A stage not started leaves its neighbours a closed pipe end. */
	for (size_t i = n; i < pl->count; i++)
		stage_put_files(&pl->stages[i]);
	for (size_t i = 0; i < n; i++)
		wake_up_process(pl->stages[i].task);
	for (size_t i = 0; i < n; i++)
		wait_for_completion(&pl->stages[i].task->exited);
	shell_input_foreground(NULL, 0);
	for (size_t i = 0; i < n; i++)
		put_task_struct(pl->stages[i].task);
}

/* What the shell says after a command: ^C, or its usage. */
static void shell_report(struct shell_pipeline *pl)
{
	bool interrupted = false;

	for (size_t i = 0; i < pl->count; i++)
		interrupted |= pl->stages[i].interrupted;
	if (interrupted) {
		shell_out("^C\n");
		shell_input_interrupted();
		return;
	}
	for (size_t i = 0; i < pl->count; i++) {
		const struct shell_cmd *cmd = pl->stages[i].cmd;

		if (cmd && pl->stages[i].ret == -EINVAL)
			console_eprintf("usage: %s %s\n", cmd->name,
					cmd->usage);
	}
}

void shell_pipeline_run(char *line)
{
	static struct shell_pipeline pl; /* the shell's thread's only */
	char *args[SHELL_STAGES_MAX];
	size_t i;

	if (parse_pipeline(&pl, line))
		return;
	if (pl.count == 1 && !*pl.stages[0].words && !pl.stages[0].in &&
	    !pl.stages[0].out)
		return; /* an empty line */
	for (i = 0; i < pl.count; i++)
		if (stage_lookup(&pl.stages[i], &args[i]))
			return;
	if (pipeline_files(&pl)) {
		for (i = 0; i < pl.count; i++)
			stage_put_files(&pl.stages[i]);
		return;
	}
	if (pl.count == 1)
		run_here(&pl.stages[0], args[0]);
	else
		run_threads(&pl, args);
	shell_report(&pl);
}
