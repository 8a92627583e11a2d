/*
 * For unit tests of code that reports through a printf-like callback: pass
 * capture() as the callback and look for messages in warnings[] (cleared by
 * the test with warnings[0] = 0).
 */
#ifndef TESTS_UNIT_CAPTURE_H
#define TESTS_UNIT_CAPTURE_H

#include <stdarg.h>
#include <string.h>
#include <kernel/string.h>

static char warnings[8192];

static void capture(const char *fmt, ...)
{
	size_t len = strlen(warnings);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(warnings + len, sizeof(warnings) - len, fmt, ap);
	va_end(ap);
}

#endif
