/*
 * The PS/2 keyboard behind the 8042 controller: IRQ 1 delivers one scan
 * code byte at a time; a tasklet turns the codes into characters with a
 * US layout and pushes them into the console input queue the shell reads.
 * The controller translates the keyboard's codes to scan code set 1, which
 * is decoded here.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/tasklet.h>
#include <kernel/x86.h>

/* 8042 ports, status bits and commands (IBM PC/AT Technical Reference). */
#define I8042_DATA 0x60
#define I8042_STATUS 0x64
#define I8042_COMMAND 0x64
#define STATUS_OUTPUT_FULL 0x01
#define STATUS_INPUT_FULL 0x02
#define CMD_READ_CONFIG 0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_DISABLE_AUX 0xa7
#define CMD_DISABLE_KBD 0xad
#define CMD_ENABLE_KBD 0xae
#define CONFIG_KBD_IRQ 0x01
#define CONFIG_AUX_IRQ 0x02
#define CONFIG_TRANSLATE 0x40
#define KBD_IRQ 1
#define I8042_SPINS 100000
#define I8042_FLUSH_MAX 32 /* bytes left over from the firmware */
#define KBD_RING_SIZE 16   /* codes between the interrupt and the tasklet */

/* Scan code set 1: a release sets bit 7; 0xe0 prefixes extended keys. */
#define SC_RELEASE 0x80
#define SC_EXTENDED 0xe0
#define SC_LCTRL 0x1d
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPSLOCK 0x3a
#define SC_EXT_UP 0x48 /* cursor keys, after 0xe0 */
#define SC_EXT_LEFT 0x4b
#define SC_EXT_RIGHT 0x4d
#define SC_EXT_DOWN 0x50

#define CTRL(c) (0x1f & (c))

/* US layout, set 1 codes 0x00-0x39; 0 = no character. */
/* clang-format off */
static const char keymap_plain[] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=',
	'\b', '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[',
	']', '\n', 0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'',
	'`', 0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,
	'*', 0, ' ',
};
/* clang-format on */

/* clang-format off */
static const char keymap_shift[] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+',
	'\b', '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{',
	'}', '\n', 0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"',
	'~', 0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,
	'*', 0, ' ',
};
/* clang-format on */

_Static_assert(sizeof(keymap_plain) == sizeof(keymap_shift),
	       "the two layers of the keymap must cover the same codes");

static struct {
	bool shift_left, shift_right, ctrl, caps_lock, extended;
} kbd;

/* The character for @code with the current modifiers, or 0. */
static char kbd_translate(uint8_t code)
{
	bool shift = kbd.shift_left || kbd.shift_right;
	char c;

	if (code >= sizeof(keymap_plain))
		return 0;
	c = shift ? keymap_shift[code] : keymap_plain[code];
	/* Caps Lock inverts Shift for letters only, as on a real keyboard. */
	if (kbd.caps_lock && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c ^= 0x20;
	if (kbd.ctrl && c >= '@' && c <= '~')
		c = CTRL(c);
	return c;
}

/*
 * Cursor keys reach the shell as a VT100 terminal sends them, ESC [ A..D
 * (ECMA-48 CUU, CUD, CUF, CUB), so serial and keyboard input read alike.
 */
static void kbd_cursor_key(uint8_t code)
{
	char final_byte;

	/* clang-format off */
	switch (code) {
	case SC_EXT_UP: final_byte = 'A'; break;
	case SC_EXT_DOWN: final_byte = 'B'; break;
	case SC_EXT_RIGHT: final_byte = 'C'; break;
	case SC_EXT_LEFT: final_byte = 'D'; break;
	default: return;
	}
	/* clang-format on */
	console_input_push(0x1b);
	console_input_push('[');
	console_input_push((uint8_t)final_byte);
}

static void kbd_scancode(uint8_t sc)
{
	bool release = sc & SC_RELEASE;
	uint8_t code = sc & ~SC_RELEASE;
	char c;

	if (sc == SC_EXTENDED) {
		kbd.extended = true;
		return;
	}
	if (kbd.extended) {
		/* Right Ctrl is 0xe0 0x1d; of the others only the cursor
		 * keys type anything. */
		kbd.extended = false;
		if (code == SC_LCTRL)
			kbd.ctrl = !release;
		else if (!release)
			kbd_cursor_key(code);
		return;
	}
	switch (code) {
	case SC_LSHIFT:
		kbd.shift_left = !release;
		return;
	case SC_RSHIFT:
		kbd.shift_right = !release;
		return;
	case SC_LCTRL:
		kbd.ctrl = !release;
		return;
	case SC_CAPSLOCK:
		if (!release)
			kbd.caps_lock = !kbd.caps_lock;
		return;
	}
	if (release)
		return;
	c = kbd_translate(code);
	if (c)
		console_input_push((uint8_t)c);
}

/* Scan codes read by the interrupt, not yet decoded; interrupts off. */
static struct {
	uint8_t codes[KBD_RING_SIZE];
	unsigned int head, tail;
} kbd_ring;

/* excerpt: kbd-halves */
static void kbd_decode(struct tasklet_struct *t)
{
	for (;;) {
		uint64_t flags = irq_save();
		uint8_t sc;

		if (kbd_ring.tail == kbd_ring.head) {
			irq_restore(flags);
			return;
		}
		sc = kbd_ring.codes[kbd_ring.tail++ % KBD_RING_SIZE];
		irq_restore(flags);
		kbd_scancode(sc);
	}
}

/*
 * The bottom half is a tasklet rather than a work item: decoding a code
 * and queueing a character never sleeps, and a tasklet runs as the
 * interrupt returns, before any thread -- so Ctrl-C reaches the shell at
 * once even while a command keeps the CPU busy, and a key press costs no
 * switch to a kworker and back.
 */
static DECLARE_TASKLET(kbd_tasklet, kbd_decode);

/* Shared, as Linux's i8042 shares it: IRQ_NONE when no byte waits. */
static irqreturn_t kbd_interrupt(int irq, void *dev_id)
{
	if (!(inb(I8042_STATUS) & STATUS_OUTPUT_FULL))
		return IRQ_NONE;
	/* Reading the byte is what the 8042 needs now; a full ring drops
	 * it, as the keyboard's own buffer would. */
	if (kbd_ring.head - kbd_ring.tail < KBD_RING_SIZE)
		kbd_ring.codes[kbd_ring.head++ % KBD_RING_SIZE] =
			inb(I8042_DATA);
	else
		inb(I8042_DATA);
	tasklet_schedule(&kbd_tasklet);
	return IRQ_HANDLED;
}
/* excerpt-end: kbd-halves */

/*
 * Busy waits, and they must be: the 8042 says it is ready only through its
 * status register.  It answers within microseconds; the bound only keeps a
 * missing controller from hanging boot.
 */
static int i8042_wait_input_empty(void)
{
	for (int i = 0; i < I8042_SPINS; i++)
		if (!(inb(I8042_STATUS) & STATUS_INPUT_FULL))
			return 0;
	return -EIO; /* the controller never answered */
}

static int i8042_wait_output_full(void)
{
	for (int i = 0; i < I8042_SPINS; i++)
		if (inb(I8042_STATUS) & STATUS_OUTPUT_FULL)
			return 0;
	return -EIO; /* the controller never answered */
}

static int i8042_command(uint8_t cmd)
{
	int err = i8042_wait_input_empty();

	if (!err)
		outb(cmd, I8042_COMMAND);
	return err;
}

/* Keyboard IRQ on, mouse IRQ off, translation to set 1 on. */
static int __init i8042_setup(void)
{
	uint8_t config;
	int err;

	if (inb(I8042_STATUS) == 0xff)
		return -ENODEV; /* nothing decodes the port */
	if ((err = i8042_command(CMD_DISABLE_KBD)) ||
	    (err = i8042_command(CMD_DISABLE_AUX)))
		return err;
	for (int i = 0;
	     i < I8042_FLUSH_MAX && (inb(I8042_STATUS) & STATUS_OUTPUT_FULL);
	     i++)
		inb(I8042_DATA);
	if ((err = i8042_command(CMD_READ_CONFIG)) ||
	    (err = i8042_wait_output_full()))
		return err;
	config = inb(I8042_DATA);
	config |= CONFIG_KBD_IRQ | CONFIG_TRANSLATE;
	config &= (uint8_t)~CONFIG_AUX_IRQ;
	if ((err = i8042_command(CMD_WRITE_CONFIG)) ||
	    (err = i8042_wait_input_empty()))
		return err;
	outb(config, I8042_DATA);
	return i8042_command(CMD_ENABLE_KBD);
}

static int __init kbd_init(void)
{
	int err = i8042_setup();

	if (err) {
		pr_err("keyboard: 8042 controller not responding (%d)\n", err);
		return err;
	}
	err = request_irq(KBD_IRQ, kbd_interrupt, IRQF_SHARED, "i8042", &kbd);
	if (err)
		return err;
	pr_info("keyboard: PS/2 on IRQ %d, US layout\n", KBD_IRQ);
	return 0;
}
device_initcall(kbd_init);
