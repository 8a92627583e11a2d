/*
 * The VGA text screen (80x25 cells at 0xb8000) as a console: scrolls, keeps a
 * hardware cursor in step, and shows what the serial port shows.
 */
#include <kernel/console.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>

#define VGA_TEXT_PHYS 0xb8000
#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x07	/* light grey on black */
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5
#define CRTC_CURSOR_HIGH 0x0e
#define CRTC_CURSOR_LOW 0x0f

/*
 * The few ECMA-48 control sequences the shell sends (§5.4: ESC [ params
 * final): CUP "ESC [ H" homes the cursor, ED "ESC [ 2 J" clears the
 * screen, EL "ESC [ K" clears to the end of the line; others are skipped.
 */
#define VGA_ESC 0x1b
#define VGA_CSI_MAX 16	/* longer sequences are garbage: give up */

enum vga_esc_state { VGA_TEXT, VGA_ESC_SEEN, VGA_CSI };

static uint16_t *vga_mem;
static int vga_row, vga_col;
static enum vga_esc_state vga_esc;
static int vga_csi_len;
static char vga_csi_param;	/* its first parameter byte, if any */

static void vga_cell(int row, int col, char c)
{
	vga_mem[row * VGA_COLS + col] = (uint16_t)(VGA_ATTR << 8 | (uint8_t)c);
}

static void vga_scroll(void)
{
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(uint16_t));
	for (int col = 0; col < VGA_COLS; col++)
		vga_cell(VGA_ROWS - 1, col, ' ');
	vga_row = VGA_ROWS - 1;
}

static void vga_move_cursor(void)
{
	uint16_t pos = (uint16_t)(vga_row * VGA_COLS + vga_col);

	outb(CRTC_INDEX, CRTC_CURSOR_HIGH);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, CRTC_CURSOR_LOW);
	outb(CRTC_DATA, pos & 0xff);
}

static void vga_clear_from(int row, int col)
{
	for (int i = row * VGA_COLS + col; i < VGA_ROWS * VGA_COLS; i++)
		vga_cell(i / VGA_COLS, i % VGA_COLS, ' ');
}

static void vga_csi_final(char c)
{
	switch (c) {
	case 'H':
		vga_row = vga_col = 0;
		break;
	case 'J':	/* 2: all of it; none or 0: from the cursor on */
		if (vga_csi_param == '2')
			vga_clear_from(0, 0);
		else
			vga_clear_from(vga_row, vga_col);
		break;
	case 'K':
		for (int col = vga_col; col < VGA_COLS; col++)
			vga_cell(vga_row, col, ' ');
		break;
	}
}

/* True if @c belongs to a control sequence (and has been dealt with). */
static bool vga_escape(char c)
{
	if (vga_esc == VGA_TEXT && c != VGA_ESC)
		return false;
	if (c == VGA_ESC) {
		vga_esc = VGA_ESC_SEEN;
	} else if (vga_esc == VGA_ESC_SEEN) {
		vga_esc = c == '[' ? VGA_CSI : VGA_TEXT;
		vga_csi_len = 0;
		vga_csi_param = 0;
	} else if (c >= 0x40 && c <= 0x7e) {
		vga_esc = VGA_TEXT;
		vga_csi_final(c);
	} else if (c < 0x20 || c > 0x3f || ++vga_csi_len > VGA_CSI_MAX) {
		vga_esc = VGA_TEXT;
	} else if (vga_csi_len == 1) {
		vga_csi_param = c;
	}
	return true;
}

static void vga_putc(char c)
{
	if (vga_escape(c))
		return;
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

void vga_early_init(void)
{
	vga_mem = phys_to_virt(VGA_TEXT_PHYS);
	for (int row = 0; row < VGA_ROWS; row++)
		for (int col = 0; col < VGA_COLS; col++)
			vga_cell(row, col, ' ');
	vga_row = vga_col = 0;
	console_register(&vga_console);
}
