/*
 * A text console on the linear framebuffer GRUB leaves behind (under UEFI
 * there is no VGA text mode): 8x16 cells drawn from the kernel's own font,
 * scrolling, with an underline cursor.  When it starts it replays the log
 * so far, so the screen shows the whole boot.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/font.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* Light grey on black, as on the VGA text screen. */
#define FBCON_FG 0xaaaaaa
#define FBCON_BG 0x000000
#define FBCON_TAB 8
#define FBCON_CURSOR_ROWS 2 /* underline: the cell's bottom two rows */

static struct fbcon {
	uint8_t *base;
	uint32_t pitch, width, height;
	unsigned int bytes_pp;
	uint32_t fg, bg; /* in the framebuffer's pixel format */
	unsigned int cols, rows, col, row;
} fb;

/* An 0xRRGGBB colour in the framebuffer's layout (Multiboot2 §3.6.12). */
static uint32_t fbcon_pixel(const struct boot_framebuffer *f, uint32_t rgb)
{
	uint32_t r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;

	return (r >> (8 - f->red_size)) << f->red_pos |
	       (g >> (8 - f->green_size)) << f->green_pos |
	       (b >> (8 - f->blue_size)) << f->blue_pos;
}

static void fbcon_put_pixel(uint8_t *p, uint32_t v)
{
	switch (fb.bytes_pp) {
	case 4:
		*(volatile uint32_t *)p = v;
		break;
	case 3:
		p[0] = (uint8_t)v;
		p[1] = (uint8_t)(v >> 8);
		p[2] = (uint8_t)(v >> 16);
		break;
	default:
		*(volatile uint16_t *)p = (uint16_t)v;
	}
}

/* The bitmap for @c; a hollow box for anything outside the font. */
static const uint8_t *fbcon_glyph(char c)
{
	static const uint8_t box[FONT_HEIGHT] = {
		0, 0, 0, 0x7e, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x7e,
	};

	if (c < FONT_FIRST || c > FONT_LAST)
		return box;
	return font_glyphs[c - FONT_FIRST];
}

/* excerpt: fbcon-draw */
static void fbcon_draw(unsigned int col, unsigned int row, char c)
{
	const uint8_t *glyph = fbcon_glyph(c);
	uint8_t *line = fb.base + (size_t)row * FONT_HEIGHT * fb.pitch +
			(size_t)col * FONT_WIDTH * fb.bytes_pp;

	for (int y = 0; y < FONT_HEIGHT; y++, line += fb.pitch)
		for (int x = 0; x < FONT_WIDTH; x++)
			fbcon_put_pixel(line + x * fb.bytes_pp,
					glyph[y] & (0x80 >> x) ? fb.fg : fb.bg);
}
/* excerpt-end: fbcon-draw */

static void fbcon_cursor(uint32_t colour)
{
	uint8_t *line = fb.base +
			((size_t)fb.row * FONT_HEIGHT + FONT_HEIGHT -
			 FBCON_CURSOR_ROWS) *
				fb.pitch +
			(size_t)fb.col * FONT_WIDTH * fb.bytes_pp;

	for (int y = 0; y < FBCON_CURSOR_ROWS; y++, line += fb.pitch)
		for (int x = 0; x < FONT_WIDTH; x++)
			fbcon_put_pixel(line + x * fb.bytes_pp, colour);
}

static void fbcon_clear_rows(unsigned int first, unsigned int count)
{
	for (unsigned int r = first; r < first + count; r++)
		for (unsigned int c = 0; c < fb.cols; c++)
			fbcon_draw(c, r, ' ');
}

static void fbcon_scroll(void)
{
	size_t text_row = (size_t)FONT_HEIGHT * fb.pitch;

	memmove(fb.base, fb.base + text_row, (fb.rows - 1) * text_row);
	fbcon_clear_rows(fb.rows - 1, 1);
	fb.row = fb.rows - 1;
}

static void fbcon_clear_line(void)
{
	for (unsigned int c = fb.col; c < fb.cols; c++)
		fbcon_draw(c, fb.row, ' ');
}

/* Control sequences from the shell (clear); false for ordinary output. */
static bool fbcon_control(char c)
{
	static struct ansi_parser ansi;

	switch (ansi_feed(&ansi, c)) {
	case ANSI_PRINT:
		return false;
	case ANSI_HOME:
		fb.row = fb.col = 0;
		break;
	case ANSI_ERASE_ALL:
		fbcon_clear_rows(0, fb.rows);
		break;
	case ANSI_ERASE_BELOW:
		fbcon_clear_line();
		fbcon_clear_rows(fb.row + 1, fb.rows - fb.row - 1);
		break;
	case ANSI_ERASE_LINE:
		fbcon_clear_line();
		break;
	case ANSI_NONE:
		break;
	}
	return true;
}

static void fbcon_putc(char c)
{
	if (fbcon_control(c))
		return;
	switch (c) {
	case '\n':
		fb.col = 0;
		fb.row++;
		break;
	case '\r':
		fb.col = 0;
		break;
	case '\b':
		if (fb.col)
			fb.col--;
		break;
	case '\t':
		fb.col = (fb.col + FBCON_TAB) & ~(FBCON_TAB - 1u);
		break;
	default:
		if ((unsigned char)c < ' ')
			return;
		fbcon_draw(fb.col++, fb.row, c);
	}
	if (fb.col >= fb.cols) {
		fb.col = 0;
		fb.row++;
	}
	if (fb.row >= fb.rows)
		fbcon_scroll();
}

static void fbcon_write(struct console *con, const char *s, size_t n)
{
	fbcon_cursor(fb.bg);
	for (size_t i = 0; i < n; i++)
		fbcon_putc(s[i]);
	fbcon_cursor(fb.fg);
}

static struct console fbcon_console = {
	.name = "fb0",
	.write = fbcon_write,
};

static void __init fbcon_replay(void *arg, int level, uint64_t ns,
				const char *text)
{
	char stamp[32];
	int n = log_format_stamp(stamp, sizeof(stamp), ns);

	if (level >= console_loglevel)
		return;
	fbcon_write(&fbcon_console, stamp, (size_t)n);
	fbcon_write(&fbcon_console, text, strlen(text));
	fbcon_write(&fbcon_console, "\n", 1);
}

/*
 * The framebuffer's pixels, mapped for the kernel to write.  For now the
 * boot page tables' direct map of 0-4 GiB covers the framebuffers QEMU's
 * firmware sets up; once mm/ provides ioremap() this becomes
 * "return ioremap(addr, size);", which also maps it as device memory
 * rather than write-back RAM.
 */
static int __init fbcon_check(const struct boot_framebuffer *f)
{
	if (f->type != MB2_FB_RGB) {
		pr_err("fbcon: framebuffer type %u is not direct RGB\n",
		       f->type);
		return -EINVAL;
	}
	if (f->bpp != 16 && f->bpp != 24 && f->bpp != 32) {
		pr_err("fbcon: %u bits per pixel not supported\n", f->bpp);
		return -EINVAL;
	}
	if (f->width < FONT_WIDTH || f->height < FONT_HEIGHT ||
	    f->pitch < f->width * (f->bpp / 8u) || f->red_size > 8 ||
	    f->green_size > 8 || f->blue_size > 8) {
		pr_err("fbcon: inconsistent framebuffer %ux%u pitch %u\n",
		       f->width, f->height, f->pitch);
		return -EINVAL;
	}
	return 0;
}

static int __init fbcon_init(void)
{
	const struct boot_framebuffer *f = &boot_info.fb;
	size_t size = (size_t)f->pitch * f->height;
	int err;

	/* BIOS text mode: the VGA text console has the screen. */
	if (!f->present || f->type == MB2_FB_EGA_TEXT)
		return 0;
	err = fbcon_check(f);
	if (err)
		return err;
	fb.base = ioremap(f->addr, size);
	if (!fb.base) {
		pr_err("fbcon: cannot map the framebuffer at %#llx\n",
		       (unsigned long long)f->addr);
		return -ENOMEM;
	}
	fb.pitch = f->pitch;
	fb.width = f->width;
	fb.height = f->height;
	fb.bytes_pp = f->bpp / 8u;
	fb.fg = fbcon_pixel(f, FBCON_FG);
	fb.bg = fbcon_pixel(f, FBCON_BG);
	fb.cols = f->width / FONT_WIDTH;
	fb.rows = f->height / FONT_HEIGHT;
	fbcon_clear_rows(0, fb.rows);
	log_for_each(fbcon_replay, NULL);
	console_register(&fbcon_console);
	pr_info("fbcon: %ux%u, %u bpp at %#llx: %ux%u text console\n", f->width,
		f->height, f->bpp, (unsigned long long)f->addr, fb.cols,
		fb.rows);
	return 0;
}
core_initcall(fbcon_init);
