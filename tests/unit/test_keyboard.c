/*
 * The PS/2 keyboard's scan code decoding (drivers/keyboard.c, included here
 * so its static functions can be reached): set 1 make and break codes, the
 * US layout, Shift, Caps Lock, Ctrl, extended codes, and codes outside the
 * map, which produce nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kernel/string.h>

#include "../../drivers/keyboard.c"

/* What the driver pushed into the console input queue. */
static char pushed[64];
static size_t npushed;

void console_input_push(uint8_t c)
{
	if (npushed + 1 < sizeof(pushed))
		pushed[npushed++] = (char)c;
	pushed[npushed] = '\0';
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	return 0;
}

void __tasklet_schedule(struct tasklet_struct *t)
{
}

int printk(const char *fmt, ...)
{
	return 0;
}

static int reset(void **state)
{
	memset(&kbd, 0, sizeof(kbd));
	npushed = 0;
	pushed[0] = '\0';
	return 0;
}

static void feed(const uint8_t *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kbd_scancode(codes[i]);
}

#define FEED(...)                                         \
	do {                                              \
		const uint8_t codes_[] = { __VA_ARGS__ }; \
		feed(codes_, sizeof(codes_));             \
	} while (0)

/* Press and release: make code, then make code | 0x80. */
#define KEY(code) (code), (code) | 0x80

static void plain_keys(void **state)
{
	FEED(KEY(0x23), KEY(0x17), KEY(0x39), KEY(0x02), KEY(0x0b), KEY(0x1c));
	assert_string_equal(pushed, "hi 10\n");
}

static void shift_gives_capitals_and_symbols(void **state)
{
	/* Left Shift held over "a1", right Shift over "/", released before "b". */
	FEED(0x2a, KEY(0x1e), KEY(0x02), 0xaa, 0x36, KEY(0x35), 0xb6,
	     KEY(0x30));
	assert_string_equal(pushed, "A!?b");
}

static void caps_lock_affects_letters_only(void **state)
{
	FEED(KEY(0x3a), KEY(0x1e), KEY(0x02), 0x2a, KEY(0x1e), 0xaa, KEY(0x3a),
	     KEY(0x1e));
	assert_string_equal(pushed, "A1aa");
}

static void ctrl_makes_control_codes(void **state)
{
	/* Ctrl-C with left Ctrl, then Ctrl-U with right Ctrl (0xe0 0x1d). */
	FEED(0x1d, KEY(0x2e), 0x9d, 0xe0, 0x1d, KEY(0x16), 0xe0, 0x9d,
	     KEY(0x16));
	assert_int_equal(npushed, 3);
	assert_int_equal(pushed[0], 0x03);
	assert_int_equal(pushed[1], 0x15);
	assert_int_equal(pushed[2], 'u');
}

static void extended_and_unmapped_codes_give_nothing(void **state)
{
	/* Insert (0xe0 0x52), F1 (0x3b), a code past the map, a break of a
	 * key never pressed; then the next plain key still works. */
	FEED(0xe0, 0x52, 0xe0, 0xd2, KEY(0x3b), KEY(0x58), 0x9e, KEY(0x1e));
	assert_string_equal(pushed, "a");
}

static void cursor_keys_send_escape_sequences(void **state)
{
	/* Up, Down, Right, Left (0xe0 prefixed, press and release each). */
	FEED(0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x50, 0xe0, 0xd0, 0xe0, 0x4d, 0xe0,
	     0xcd, 0xe0, 0x4b, 0xe0, 0xcb, KEY(0x1e));
	assert_string_equal(pushed, "\033[A\033[B\033[C\033[Da");
}

static void backspace_tab_and_escape(void **state)
{
	FEED(KEY(0x0e), KEY(0x0f), KEY(0x01));
	assert_int_equal(npushed, 3);
	assert_int_equal(pushed[0], '\b');
	assert_int_equal(pushed[1], '\t');
	assert_int_equal(pushed[2], 27);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(plain_keys, reset),
		cmocka_unit_test_setup(shift_gives_capitals_and_symbols, reset),
		cmocka_unit_test_setup(caps_lock_affects_letters_only, reset),
		cmocka_unit_test_setup(ctrl_makes_control_codes, reset),
		cmocka_unit_test_setup(extended_and_unmapped_codes_give_nothing,
				       reset),
		cmocka_unit_test_setup(cursor_keys_send_escape_sequences,
				       reset),
		cmocka_unit_test_setup(backspace_tab_and_escape, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
