/*
 * hexdump -C: util-linux's canonical format -- an offset, sixteen bytes in
 * hex in two groups of eight, the same bytes as text between bars -- with
 * a '*' standing for lines that repeat the one before, and the length as
 * the last line.  Reads its files or its input a chunk at a time.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#include "internal.h"

#define HEX_LINE 16	   /* bytes a line shows */
#define HEX_TEXT_COLUMN 60 /* where the text between bars starts */

struct hexdump {
	unsigned char line[HEX_LINE], prev[HEX_LINE];
	size_t fill;		   /* bytes in line */
	unsigned long long offset; /* of line's first byte */
	bool have_prev, starred;
};

static void hex_print_line(const struct hexdump *h)
{
	char out[HEX_TEXT_COLUMN + HEX_LINE + 4];
	int n = snprintf(out, sizeof(out), "%08llx  ", h->offset);

	for (size_t i = 0; i < h->fill; i++)
		n += snprintf(out + n, sizeof(out) - (size_t)n, "%02x %s",
			      h->line[i], i == 7 ? " " : "");
	memset(out + n, ' ', HEX_TEXT_COLUMN - (size_t)n);
	n = HEX_TEXT_COLUMN;
	out[n++] = '|';
	for (size_t i = 0; i < h->fill; i++)
		out[n++] = h->line[i] >= ' ' && h->line[i] < 0x7f ?
				   (char)h->line[i] :
				   '.';
	out[n++] = '|';
	out[n] = '\0';
	console_printf("%s\n", out);
}

/* A line is complete (or the input ended): print it or a '*'. */
static void hex_flush(struct hexdump *h)
{
	bool same = h->have_prev && h->fill == HEX_LINE &&
		    !memcmp(h->line, h->prev, HEX_LINE);

	if (same && !h->starred)
		console_printf("*\n");
	else if (!same)
		hex_print_line(h);
	h->starred = same;
	h->have_prev = h->fill == HEX_LINE;
	memcpy(h->prev, h->line, HEX_LINE);
	h->offset += h->fill;
	h->fill = 0;
}

static int hex_feed(struct hexdump *h, int fd, const char *name)
{
	char buf[256];
	ssize_t n;

	while ((n = shell_read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++) {
			h->line[h->fill++] = (unsigned char)buf[i];
			if (h->fill == HEX_LINE)
				hex_flush(h);
		}
	if (n < 0 && n != -ERESTARTSYS)
		console_eprintf("hexdump: %s: %s\n", name, errno_text((int)n));
	return n == -ERESTARTSYS ? (int)n : n ? SHELL_FAILED : 0;
}

static int cmd_hexdump(char *args)
{
	struct hexdump h = { 0 };
	char *opt = args_word(&args), *name;
	int status = 0;

	if (!opt || strcmp(opt, "-C"))
		return -EINVAL;
	name = args_word(&args);
	for (bool first = true; name || first; name = args_word(&args)) {
		int fd = name ? do_sys_open(name, O_RDONLY, 0) : 0;

		first = false;
		if (fd < 0) {
			console_eprintf("hexdump: %s: %s\n", name,
					errno_text(fd));
			status = SHELL_FAILED;
			continue;
		}
		status = hex_feed(&h, fd, name ? name : "stdin") ?: status;
		if (fd)
			close_fd(fd);
		if (status < 0)
			return status;
	}
	if (h.fill)
		hex_flush(&h);
	console_printf("%08llx\n", h.offset);
	return status;
}
SHELL_COMMAND_COMPLETE("hexdump", "-C [file...]",
		       "show bytes in hex and as text", cmd_hexdump,
		       shell_complete_path);
