/*
 * The shell's line editor: echo, backspace, Ctrl-U, Ctrl-C, Ctrl-L, history
 * on the up/down arrow keys and Tab completion of command names and of the
 * arguments of commands that bring a completion (initrd file names).  Input may be anything (a terminal, a pipe, line noise): escape
 * sequences are parsed with bounds, other bytes it does not know are dropped.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#include "internal.h"

/* ECMA-48 §8.3.21 CUP (cursor home) and §8.3.39 ED (erase display). */
#define ANSI_CLEAR_SCREEN "\033[H\033[2J"

void shell_out(const char *s)
{
	console_write(s, strlen(s));
}

void shell_clear_screen(void)
{
	shell_out(ANSI_CLEAR_SCREEN);
}

#define CTRL(c) (0x1f & (c))
#define KEY_ESC 0x1b
#define KEY_DEL 0x7f /* what most terminals send for Backspace */
#define BELL "\a"

/*
 * Escape sequences (ECMA-48 §5.4): ESC [ parameters (0x30-0x3f),
 * intermediates (0x20-0x2f), one final byte (0x40-0x7e); the cursor keys
 * are ESC [ A / ESC [ B, or ESC O A / ESC O B in a VT100's application mode.
 * A sequence longer than this is garbage and is dropped whole.
 */
#define ESC_BODY_MAX 16
#define CSI_INTRODUCER '['
#define SS3_INTRODUCER 'O'
#define KEY_FINAL_UP 'A'
#define KEY_FINAL_DOWN 'B'

enum esc_state { ESC_NONE, ESC_SEEN, ESC_CSI, ESC_SS3, ESC_DROP };
enum key { KEY_NONE, KEY_UP, KEY_DOWN };

struct line_editor {
	const char *prompt;
	char *buf;
	size_t size, len;
	bool dropped; /* characters typed past the end were thrown away */
	enum esc_state esc;
	size_t esc_len;
	unsigned int hist_pos; /* 0: the line being typed, n: n-th newest */
	char saved[SHELL_LINE_MAX]; /* the typed line, while in history */
};

static char history[SHELL_HISTORY][SHELL_LINE_MAX];
static unsigned int history_count; /* lines ever added */
static bool after_cr; /* a '\n' right after '\r' ends no second line */

static void echo(const char *s, size_t n)
{
	console_write(s, n);
}

static void line_insert(struct line_editor *ed, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ed->len + 1 >= ed->size) {
			ed->dropped = true;
			shell_out(BELL);
			return;
		}
		ed->buf[ed->len++] = s[i];
		echo(&s[i], 1);
	}
}

static void line_erase(struct line_editor *ed, size_t n)
{
	for (; n && ed->len; n--, ed->len--)
		shell_out("\b \b");
	/* What is on the screen is again exactly what will run. */
	ed->dropped = false;
}

static void line_set(struct line_editor *ed, const char *text)
{
	line_erase(ed, ed->len);
	line_insert(ed, text, strnlen(text, SHELL_LINE_MAX - 1));
}

static void line_redraw(struct line_editor *ed)
{
	shell_out(ed->prompt);
	echo(ed->buf, ed->len);
}

static const char *history_entry(unsigned int n)
{
	return history[(history_count - n) % SHELL_HISTORY];
}

static void history_add(const char *line)
{
	if (!*line || (history_count && !strcmp(history_entry(1), line)))
		return;
	strlcpy(history[history_count % SHELL_HISTORY], line, SHELL_LINE_MAX);
	history_count++;
}

static void history_move(struct line_editor *ed, enum key key)
{
	unsigned int avail = MIN(history_count, SHELL_HISTORY);
	unsigned int pos = ed->hist_pos;

	if (key == KEY_UP ? pos == avail : pos == 0) {
		shell_out(BELL);
		return;
	}
	if (pos == 0) {
		size_t n = MIN(ed->len, sizeof(ed->saved) - 1);

		memcpy(ed->saved, ed->buf, n);
		ed->saved[n] = '\0';
	}
	pos = key == KEY_UP ? pos + 1 : pos - 1;
	ed->hist_pos = pos;
	line_set(ed, pos ? history_entry(pos) : ed->saved);
}

/* A byte that ends a sequence early is handled normally if it is a control
 * byte (so Enter and Ctrl-C always work), dropped if it is printable. */
static bool esc_abort(struct line_editor *ed, int c)
{
	ed->esc = ESC_NONE;
	return c >= ' ' && c < KEY_DEL;
}

static enum key esc_key(int final)
{
	if (final == KEY_FINAL_UP)
		return KEY_UP;
	if (final == KEY_FINAL_DOWN)
		return KEY_DOWN;
	return KEY_NONE;
}

/*
 * Feed @c to the escape parser: true if it took the byte.  As a terminal
 * parses them: an ESC anywhere starts a new sequence, and a sequence that
 * grows too long is dropped whole, up to and with its final byte.
 */
static bool esc_feed(struct line_editor *ed, int c, enum key *key)
{
	*key = KEY_NONE;
	if (c == KEY_ESC && ed->esc != ESC_NONE) {
		ed->esc = ESC_SEEN;
		return true;
	}
	switch (ed->esc) {
	case ESC_NONE:
		if (c != KEY_ESC)
			return false;
		ed->esc = ESC_SEEN;
		return true;
	case ESC_SEEN:
		ed->esc_len = 0;
		if (c == CSI_INTRODUCER)
			ed->esc = ESC_CSI;
		else if (c == SS3_INTRODUCER)
			ed->esc = ESC_SS3;
		else if (c != KEY_ESC)
			return esc_abort(ed, c); /* Alt+key */
		return true;
	case ESC_CSI:
		if (c >= 0x20 && c <= 0x3f) {
			if (++ed->esc_len > ESC_BODY_MAX)
				ed->esc = ESC_DROP;
			return true;
		}
		if (c >= 0x40 && c <= 0x7e) {
			ed->esc = ESC_NONE;
			*key = esc_key(c);
			return true;
		}
		return esc_abort(ed, c);
	case ESC_DROP:
		if (c >= 0x20 && c <= 0x3f)
			return true;
		if (c >= 0x40 && c <= 0x7e) {
			ed->esc = ESC_NONE;
			return true;
		}
		return esc_abort(ed, c);
	case ESC_SS3:
		if (c >= 0x40 && c <= 0x7e) {
			ed->esc = ESC_NONE;
			*key = esc_key(c);
			return true;
		}
		return esc_abort(ed, c);
	}
	return false;
}

/* Tab completion: one pass finds the matches, another may list them. */
struct completion {
	const char *prefix;
	size_t prefix_len;
	size_t count;
	char common[SHELL_LINE_MAX]; /* longest prefix of all matches */
	size_t common_len;
	bool is_dir; /* of the only match */
	bool listing;
};

static int complete_offer(void *arg, const char *name, size_t len, bool is_dir)
{
	struct completion *c = arg;
	size_t n = 0;

	if (len < c->prefix_len || strncmp(name, c->prefix, c->prefix_len))
		return 0;
	/* A name that would be mangled on the line or the screen is skipped. */
	for (size_t i = 0; i < len; i++)
		if (name[i] <= ' ' || name[i] >= KEY_DEL)
			return 0;
	if (c->listing) {
		console_printf("%.*s%s  ", (int)len, name, is_dir ? "/" : "");
		return 0;
	}
	if (c->count++ == 0) {
		c->common_len = MIN(len, sizeof(c->common) - 1);
		memcpy(c->common, name, c->common_len);
	} else {
		while (n < c->common_len && n < len && c->common[n] == name[n])
			n++;
		c->common_len = n;
	}
	c->is_dir = is_dir;
	return 0;
}

/* The names that fit: @cmd's arguments in @dir, or (no @cmd) commands. */
static void complete_source(struct completion *c, const struct shell_cmd *cmd,
			    const char *dir)
{
	if (cmd) {
		cmd->complete(dir, complete_offer, c);
		return;
	}
	for (cmd = shell_cmd_next(NULL); cmd; cmd = shell_cmd_next(cmd))
		complete_offer(c, cmd->name, strlen(cmd->name), false);
}

/*
 * Which names fit the word before the cursor: command names for the first
 * word (*@cmd NULL), else what the command's completion offers in the
 * directory the word names so far.  Returns false if nothing can complete
 * there.
 */
static bool complete_where(struct line_editor *ed, size_t start,
			   char dir[SHELL_LINE_MAX], const char **names_dir,
			   const struct shell_cmd **cmd, struct completion *c)
{
	char name[SHELL_LINE_MAX];
	size_t first = 0, n = 0, slash;

	c->prefix = ed->buf + start;
	c->prefix_len = ed->len - start;
	while (first < start && ed->buf[first] == ' ')
		first++;
	*cmd = NULL;
	if (first == start) {
		*names_dir = NULL;
		return true;
	}
	while (first + n < ed->len && ed->buf[first + n] != ' ')
		n++;
	memcpy(name, ed->buf + first, n);
	name[n] = '\0';
	*cmd = shell_find(name);
	if (!*cmd || !(*cmd)->complete)
		return false;
	for (slash = c->prefix_len; slash && c->prefix[slash - 1] != '/';)
		slash--;
	/* "lib/mo" lists "lib/" for "mo"; "/x" lists "/"; "x" the root. */
	memcpy(dir, c->prefix, slash);
	dir[slash] = '\0';
	*names_dir = slash ? dir : "/";
	c->prefix += slash;
	c->prefix_len -= slash;
	return true;
}

static void complete(struct line_editor *ed)
{
	struct completion c = { 0 };
	char dir[SHELL_LINE_MAX];
	const struct shell_cmd *cmd;
	const char *names_dir;
	size_t start = ed->len;

	while (start && ed->buf[start - 1] != ' ')
		start--;
	if (!complete_where(ed, start, dir, &names_dir, &cmd, &c))
		goto out_bell;
	complete_source(&c, cmd, names_dir);
	if (c.count == 0)
		goto out_bell;
	if (c.count == 1) {
		line_insert(ed, c.common + c.prefix_len,
			    c.common_len - c.prefix_len);
		line_insert(ed, c.is_dir ? "/" : " ", 1);
	} else if (c.common_len > c.prefix_len) {
		line_insert(ed, c.common + c.prefix_len,
			    c.common_len - c.prefix_len);
	} else {
		shell_out("\n");
		c.listing = true;
		complete_source(&c, cmd, names_dir);
		shell_out("\n");
		line_redraw(ed);
	}
	return;
out_bell:
	shell_out(BELL);
}

static int line_done(struct line_editor *ed)
{
	shell_out("\n");
	ed->buf[ed->len] = '\0';
	if (ed->dropped) {
		console_printf("sprout: line too long (at most %zu characters); ignored\n",
			       ed->size - 1);
		ed->buf[0] = '\0';
		return -E2BIG;
	}
	history_add(ed->buf);
	return (int)ed->len;
}

/* One byte of ordinary input; returns true when the line is complete. */
static bool line_key(struct line_editor *ed, int c)
{
	char ch = (char)c;

	switch (c) {
	case '\r':
	case '\n':
		return true;
	case '\b':
	case KEY_DEL:
		line_erase(ed, 1);
		break;
	case CTRL('U'):
		line_erase(ed, ed->len);
		break;
	case CTRL('L'):
		shell_clear_screen();
		line_redraw(ed);
		break;
	case '\t':
		complete(ed);
		break;
	default:
		/* Other control bytes and non-ASCII are not ours to show. */
		if (c >= ' ' && c < KEY_DEL)
			line_insert(ed, &ch, 1);
	}
	return false;
}

int shell_readline(const char *prompt, char *buf, size_t size)
{
	static struct line_editor ed;
	enum key key;

	ed = (struct line_editor){ .prompt = prompt,
				   .buf = buf,
				   .size = MIN(size, SHELL_LINE_MAX) };
	shell_out(prompt);
	for (;;) {
		int c = shell_getc();
		bool was_cr = after_cr;

		after_cr = c == '\r';
		if (c == '\n' && was_cr)
			continue;
		if (esc_feed(&ed, c, &key)) {
			if (key != KEY_NONE)
				history_move(&ed, key);
			continue;
		}
		if (c == CTRL('C')) {
			shell_out("^C\n");
			buf[0] = '\0';
			return 0;
		}
		if (line_key(&ed, c))
			return line_done(&ed);
	}
}
