/*
 * libFuzzer target for the shell's line editor: the first byte picks the
 * size of the line buffer, the rest is typed -- keys, escape sequences,
 * Tab over a small command table and a file tree with long and odd names,
 * history -- line after line until the input runs out.  Every line
 * returned must fit its buffer and hold only printable characters.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include "../../kernel/shell/internal.h"
#include "host.h"

#define FUZZ_LINE_MAX (SHELL_LINE_MAX + 16)

static const uint8_t *input;
static size_t input_len, input_pos;
static size_t screen_bytes;

/* The keyboard: the fuzzer's bytes, then Enter for ever. */
int shell_getc(void)
{
	return input_pos < input_len ? input[input_pos++] : '\n';
}

void console_write(const char *s, size_t n)
{
	/* Touch every byte, so ASan sees what the editor sends. */
	for (size_t i = 0; i < n; i++)
		screen_bytes += (unsigned char)s[i] != 0;
}

/* The editor's listings of completions. */
void console_printf(const char *fmt, ...)
{
	char buf[FUZZ_LOG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, strlen(buf));
}

static int cmd_none(char *args)
{
	return 0;
}

static int tree_list(const char *dir,
		     int (*fn)(void *arg, const char *name, size_t len,
			       bool is_dir),
		     void *arg);

/* Commands whose arguments complete as paths, and some that do not. */
static const struct shell_cmd commands[] = {
	{ "help", "", "", cmd_none, NULL },
	{ "halt", "", "", cmd_none, NULL },
	{ "ls", "", "", cmd_none, tree_list },
	{ "insmod", "", "", cmd_none, tree_list },
	{ "cat", "", "", cmd_none, tree_list },
	{ "lsmod", "", "", cmd_none, NULL },
};

const struct shell_cmd *shell_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

const struct shell_cmd *shell_cmd_next(const struct shell_cmd *prev)
{
	const struct shell_cmd *next = prev ? prev + 1 : commands;

	return next < commands + sizeof(commands) / sizeof(commands[0]) ? next :
									  NULL;
}

/* The files Tab completes, in place of the VFS: each name in its directory. */
static const struct {
	const char *dir, *name;
	bool is_dir;
} tree[] = {
	{ "", "etc", true },
	{ "", "lib", true },
	{ "etc", "modules", false },
	{ "etc", "tab\there", false },
	{ "etc", "with space", false },
	{ "lib", "modules", true },
	{ "lib/modules",
	  "a_name_long_enough_to_fill_most_of_a_line_"
	  "when_it_is_completed_after_a_command_and_a_path_so_that_"
	  "the_editor_must_stop_at_the_end_of_its_buffer_and_ring_"
	  "the_bell_instead_of_writing_past_it_xxxxxxxxxxxxxxxxxxxx.ko",
	  false },
	{ "lib/modules", "exporter.ko", false },
	{ "lib/modules", "hello.ko", false },
	{ "lib/modules", "hello_world.ko", false },
};

/*
 * A shell_complete_fn over the tree: @dir as the editor gives it ("/",
 * "lib/", "/lib/modules/"), the names in it in order; -ENOENT for a
 * directory that is not there, -ENOTDIR for a file.
 */
static int tree_list(const char *dir,
		     int (*fn)(void *arg, const char *name, size_t len,
			       bool is_dir),
		     void *arg)
{
	size_t len, found = 0;
	int ret;

	while (*dir == '/')
		dir++;
	len = strlen(dir);
	while (len && dir[len - 1] == '/')
		len--;
	for (size_t i = 0; i < sizeof(tree) / sizeof(tree[0]); i++) {
		size_t dlen = strlen(tree[i].dir), nlen = strlen(tree[i].name);

		if (len == dlen + !!dlen + nlen &&
		    !memcmp(dir, tree[i].dir, dlen) &&
		    (!dlen || dir[dlen] == '/') &&
		    !memcmp(dir + dlen + !!dlen, tree[i].name, nlen) &&
		    !tree[i].is_dir)
			return -ENOTDIR;
		if (strlen(tree[i].dir) != len || memcmp(tree[i].dir, dir, len))
			continue;
		found++;
		ret = fn(arg, tree[i].name, nlen, tree[i].is_dir);
		if (ret)
			return ret;
	}
	return found ? 0 : -ENOENT;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line;
	size_t line_size;
	int n;

	if (size < 1)
		return 0;
	/* The buffer, exactly its size, so a write past it is caught. */
	line_size = 1 + data[0] % FUZZ_LINE_MAX;
	line = malloc(line_size);
	if (!line)
		abort();
	input = data + 1;
	input_len = size - 1;
	input_pos = 0;
	while (input_pos < input_len) {
		n = shell_readline("sprout> ", line, line_size);
		fuzz_check(n == -E2BIG || (n >= 0 && (size_t)n < line_size),
			   "shell_readline returns a length that fits or -E2BIG");
		fuzz_check(strlen(line) == (n < 0 ? 0 : (size_t)n),
			   "the line is as long as returned");
		for (int i = 0; i < n; i++)
			fuzz_check(line[i] >= ' ' && line[i] < 0x7f,
				   "the line holds only printable characters");
	}
	free(line);
	return 0;
}
