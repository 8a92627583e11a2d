/*
 * libFuzzer target for the shell's line editor: the first byte picks the
 * size of the line buffer, the rest is typed -- keys, escape sequences,
 * Tab over a small command table and an initrd with long and odd names,
 * history -- line after line until the input runs out.  Every line
 * returned must fit its buffer and hold only printable characters.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/initrd.h>
#include <kernel/printk.h>
#include "../../kernel/initrd/internal.h"
#include "../../kernel/shell/internal.h"
#include "host.h"

#define FUZZ_LINE_MAX (SHELL_LINE_MAX + 16)
#define FUZZ_ARCHIVE_MAX 4096

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

/* Commands whose arguments complete as initrd paths, and some that do not. */
static const struct shell_cmd commands[] = {
	{ "help", "", "", cmd_none, NULL },
	{ "halt", "", "", cmd_none, NULL },
	{ "ls", "", "", cmd_none, initrd_list },
	{ "insmod", "", "", cmd_none, initrd_list },
	{ "cat", "", "", cmd_none, initrd_list },
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

/* The initrd: a newc archive made once, read by the kernel's cpio code. */
static uint8_t archive[FUZZ_ARCHIVE_MAX];
static struct cpio_archive initrd;
static struct cpio_entry initrd_index[16];

static size_t cpio_add(size_t pos, const char *name, unsigned int mode)
{
	size_t namesize = strlen(name) + 1;
	int n = snprintf((char *)archive + pos, sizeof(archive) - pos,
			 "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%s",
			 0u, mode, 0u, 0u, 1u, 0u, 0u, 0u, 0u, 0u, 0u,
			 (unsigned int)namesize, 0u, name);

	return ALIGN_UP(pos + (size_t)n + 1, CPIO_ALIGN);
}

static void initrd_make(void)
{
	static const char *const dirs[] = { "lib", "lib/modules", "etc" };
	static const char *const files[] = {
		"lib/modules/hello.ko",
		"lib/modules/hello_world.ko",
		"lib/modules/exporter.ko",
		"etc/modules",
		"etc/with space",
		"etc/tab\there",
		"lib/modules/a_name_long_enough_to_fill_most_of_a_line_"
		"when_it_is_completed_after_a_command_and_a_path_so_that_"
		"the_editor_must_stop_at_the_end_of_its_buffer_and_ring_"
		"the_bell_instead_of_writing_past_it_xxxxxxxxxxxxxxxxxxxx.ko"
	};
	size_t pos = 0;
	char err[FUZZ_LOG_MAX];

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		pos = cpio_add(pos, dirs[i], CPIO_S_IFDIR | 0755);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		pos = cpio_add(pos, files[i], CPIO_S_IFREG | 0644);
	pos = cpio_add(pos, CPIO_TRAILER, 0);
	if (cpio_open(&initrd, archive, pos, err, sizeof(err)))
		fuzz_check(0, err);
	fuzz_check(initrd.count <= ARRAY_SIZE(initrd_index),
		   "room for the index");
	cpio_index(&initrd, initrd_index);
}

int initrd_list(const char *path,
		int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
		void *arg)
{
	return cpio_list(&initrd, path, fn, arg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line;
	size_t line_size;
	int n;

	if (!initrd.size)
		initrd_make();
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
