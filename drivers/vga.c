/*
 * The VGA text screen (80x25 cells at 0xb8000) as a console: scrolls, keeps a
 * hardware cursor in step, and shows what the serial port shows.  It starts
 * early, from kernel_main; its initcall turns the cursor on, which the boot
 * loader may have left hidden.
 *
 * Scrolling moves the CRTC start address down the 32 KiB text window one
 * row at a time instead of copying the screen: video memory is slow to read
 * and write (under emulation every access is a device access), and a copy
 * of 24 rows is needed only when the window is used up, every 200 lines.
 */
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>

#define VGA_TEXT_PHYS 0xb8000
#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x07		 /* light grey on black */
#define VGA_CURSOR_FIRST_LINE 13 /* an underline in the 16-line cell */
#define VGA_CURSOR_LAST_LINE 14
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5
#define CRTC_CURSOR_START 0x0a /* bit 5: off; bits 0-4: first line */
#define CRTC_CURSOR_END 0x0b   /* bits 0-4: last scan line */
#define CRTC_START_HIGH 0x0c   /* first cell shown, in cells */
#define CRTC_START_LOW 0x0d
#define CRTC_CURSOR_HIGH 0x0e /* cursor cell, from the window's start */
#define CRTC_CURSOR_LOW 0x0f
#define VGA_WINDOW_CELLS (32768 / 2) /* 0xb8000-0xbffff */

static uint16_t *vga_mem;
static unsigned int vga_origin; /* cell shown at the top left */
static int vga_row, vga_col;
static struct ansi_parser vga_ansi;

static void crtc_write16(uint8_t high_reg, uint16_t value)
{
	outb(high_reg, CRTC_INDEX);
	outb(value >> 8, CRTC_DATA);
	outb(high_reg + 1, CRTC_INDEX);
	outb(value & 0xff, CRTC_DATA);
}

/* excerpt: vga-cell */
static void vga_cell(int row, int col, char c)
{
	vga_mem[vga_origin + row * VGA_COLS + col] =
		(uint16_t)(VGA_ATTR << 8 | (uint8_t)c);
}
/* excerpt-end: vga-cell */

/*
 * Blank @count cells from cell @first of the window, four to a 64-bit store
 * where aligned: each store into video memory is one trip into the
 * emulator, however wide.
 */
static void vga_blank(unsigned int first, unsigned int count)
{
	const uint16_t blank = VGA_ATTR << 8 | ' ';
	const uint64_t four = 0x0001000100010001ull * blank;
	uint16_t *p = vga_mem + first, *end = p + count;

	while (p < end && ((uintptr_t)p & 7))
		*p++ = blank;
	for (; end - p >= 4; p += 4)
		*(volatile uint64_t *)p = four;
	while (p < end)
		*p++ = blank;
}

static void vga_scroll(void)
{
	unsigned int keep = (VGA_ROWS - 1) * VGA_COLS;

	if (vga_origin + (VGA_ROWS + 1) * VGA_COLS <= VGA_WINDOW_CELLS) {
		vga_origin += VGA_COLS;
	} else {
		memmove(vga_mem, vga_mem + vga_origin + VGA_COLS,
			keep * sizeof(uint16_t));
		vga_origin = 0;
	}
	vga_blank(vga_origin + (VGA_ROWS - 1) * VGA_COLS, VGA_COLS);
	crtc_write16(CRTC_START_HIGH, (uint16_t)vga_origin);
	vga_row = VGA_ROWS - 1;
}

static void vga_move_cursor(void)
{
	crtc_write16(CRTC_CURSOR_HIGH,
		     (uint16_t)(vga_origin + vga_row * VGA_COLS + vga_col));
}

static void vga_clear_from(int row, int col)
{
	unsigned int at = (unsigned int)(row * VGA_COLS + col);

	vga_blank(vga_origin + at, VGA_ROWS * VGA_COLS - at);
}

static void vga_clear_line(void)
{
	vga_blank(vga_origin + (unsigned int)(vga_row * VGA_COLS + vga_col),
		  (unsigned int)(VGA_COLS - vga_col));
}

static void vga_putc(char c)
{
	switch (ansi_feed(&vga_ansi, c)) {
	case ANSI_PRINT:
		break;
	case ANSI_HOME:
		vga_row = vga_col = 0;
		return;
	case ANSI_ERASE_ALL:
		vga_clear_from(0, 0);
		return;
	case ANSI_ERASE_BELOW:
		vga_clear_from(vga_row, vga_col);
		return;
	case ANSI_ERASE_LINE:
		vga_clear_line();
		return;
	default:
		return;
	}
	switch (c) {
	case '\n':
		vga_col = 0;
		vga_row++;
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\b':
		if (vga_col)
			vga_col--;
		break;
	case '\t':
		vga_col = (vga_col + 8) & ~7;
		break;
	default:
		if ((unsigned char)c < ' ')
			return;
		vga_cell(vga_row, vga_col++, c);
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
}

static void vga_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
};

void __init vga_early_init(void)
{
	vga_mem = phys_to_virt(VGA_TEXT_PHYS);
	vga_origin = 0;
	crtc_write16(CRTC_START_HIGH, 0);
	vga_blank(0, VGA_ROWS * VGA_COLS);
	vga_row = vga_col = 0;
	console_register(&vga_console);
}

static int __init vga_init(void)
{
	if (!vga_mem)
		return 0; /* not text mode: fbcon has the screen */
	outb(CRTC_CURSOR_START, CRTC_INDEX);
	outb(VGA_CURSOR_FIRST_LINE, CRTC_DATA);
	outb(CRTC_CURSOR_END, CRTC_INDEX);
	outb(VGA_CURSOR_LAST_LINE, CRTC_DATA);
	vga_move_cursor();
	pr_info("vga: %dx%d text console, cursor on\n", VGA_COLS, VGA_ROWS);
	return 0;
}
core_initcall(vga_init);
