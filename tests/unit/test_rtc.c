/*
 * The CMOS clock's decoding (drivers/rtc.c, included here so its static
 * functions can be reached): BCD and binary registers, 12- and 24-hour
 * modes, the century register, range checks with leap years, weekdays and
 * the printed form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/string.h>

#include "../../drivers/rtc.c"

int printk(const char *fmt, ...)
{
	return 0;
}

void console_printf(const char *fmt, ...)
{
}

/* The driver's interrupt and its wait: linked, never reached here (only
 * the decoding runs). */
unsigned int __preempt_count;

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	return -ENODEV;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	return NULL;
}

void init_completion(struct completion *x)
{
}

void complete(struct completion *x)
{
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return 0;
}

#define BCD_24H STATUS_B_24H
#define BIN_24H (STATUS_B_24H | STATUS_B_BINARY)

static void decodes_bcd_24_hour(void **state)
{
	const uint8_t raw[RAW_COUNT] = { 0x59, 0x07, 0x23, 0x22,
					 0x11, 0x26, 0x20 };
	struct rtc_time t;

	assert_int_equal(rtc_decode(raw, BCD_24H, &t), 0);
	assert_int_equal(t.year, 2026);
	assert_int_equal(t.month, 11);
	assert_int_equal(t.day, 22);
	assert_int_equal(t.hour, 23);
	assert_int_equal(t.minute, 7);
	assert_int_equal(t.second, 59);
}

static void decodes_binary_12_hour(void **state)
{
	/* 12-hour mode: bit 7 of the hour is PM; 12 AM is midnight. */
	uint8_t raw[RAW_COUNT] = { 5, 30, 0x80 | 3, 1, 2, 99, 19 };
	struct rtc_time t;

	assert_int_equal(rtc_decode(raw, STATUS_B_BINARY, &t), 0);
	assert_int_equal(t.year, 1999);
	assert_int_equal(t.hour, 15);
	raw[RAW_HOUR] = 12;
	assert_int_equal(rtc_decode(raw, STATUS_B_BINARY, &t), 0);
	assert_int_equal(t.hour, 0);
	raw[RAW_HOUR] = 0x80 | 12;
	assert_int_equal(rtc_decode(raw, STATUS_B_BINARY, &t), 0);
	assert_int_equal(t.hour, 12);
}

static void missing_century_means_2000s(void **state)
{
	const uint8_t raw[RAW_COUNT] = { 0, 0, 0, 1, 1, 30, 0 };
	struct rtc_time t;

	assert_int_equal(rtc_decode(raw, BIN_24H, &t), 0);
	assert_int_equal(t.year, 2030);
}

static void rejects_impossible_times(void **state)
{
	static const uint8_t bad[][RAW_COUNT] = {
		{ 60, 0, 0, 1, 1, 24, 20 }, /* second 60 */
		{ 0, 60, 0, 1, 1, 24, 20 }, /* minute 60 */
		{ 0, 0, 24, 1, 1, 24, 20 }, /* hour 24 */
		{ 0, 0, 0, 0, 1, 24, 20 },  /* day 0 */
		{ 0, 0, 0, 1, 13, 24, 20 }, /* month 13 */
		{ 0, 0, 0, 31, 4, 24, 20 }, /* 31 April */
		{ 0, 0, 0, 29, 2, 23, 20 }, /* 29 February 2023 */
		{ 0, 0, 0, 29, 2, 0, 19 },  /* 1900 was not a leap year */
	};
	const uint8_t leap[RAW_COUNT] = { 0, 0, 0, 29, 2, 0, 20 };
	struct rtc_time t;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(rtc_decode(bad[i], BIN_24H, &t), -EINVAL);
	assert_int_equal(rtc_decode(leap, BIN_24H, &t), 0); /* 2000 was */
}

static void weekdays(void **state)
{
	static const struct {
		struct rtc_time t;
		const char *day;
	} cases[] = {
		{ { 2000, 1, 1, 0, 0, 0 }, "Sat" },
		{ { 2000, 2, 29, 0, 0, 0 }, "Tue" },
		{ { 1999, 12, 31, 0, 0, 0 }, "Fri" },
		{ { 2024, 2, 29, 0, 0, 0 }, "Thu" },
		{ { 2026, 11, 22, 0, 0, 0 }, "Sun" },
		{ { 2038, 1, 19, 0, 0, 0 }, "Tue" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_string_equal(weekday_names[rtc_weekday(&cases[i].t)],
				    cases[i].day);
}

static void formats_like_date(void **state)
{
	const struct rtc_time t = { 2026, 3, 7, 9, 5, 1 };
	char buf[48];

	rtc_format(buf, sizeof(buf), &t);
	assert_string_equal(buf, "Sat 2026-03-07 09:05:01 UTC");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_bcd_24_hour),
		cmocka_unit_test(decodes_binary_12_hour),
		cmocka_unit_test(missing_century_means_2000s),
		cmocka_unit_test(rejects_impossible_times),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(formats_like_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
