/*
 * Chapter 3, exercise 1: the kernel's vsnprintf with a %b conversion,
 * checked on the host as tests/unit/test_vsnprintf.c checks the rest.  Each
 * case prints what it got; the exit status is the number of failures.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

int sprout_snprintf(char *buf, size_t size, const char *fmt, ...);

static int failures;

#define CHECK(expect, ...)                                                  \
	do {                                                                \
		char buf[128];                                              \
		int n = sprout_snprintf(buf, sizeof(buf), __VA_ARGS__);     \
		int ok = !strcmp(buf, expect) && n == (int)strlen(expect); \
		printf("%s %-24s -> \"%s\"\n", ok ? "ok  " : "FAIL", #__VA_ARGS__, \
		       buf);                                                \
		failures += !ok;                                            \
	} while (0)

int main(void)
{
	CHECK("101", "%b", 5);
	CHECK("0", "%b", 0);
	CHECK("0b101", "%#b", 5);
	CHECK("00000101", "%08b", 5);
	CHECK("  101|", "%5b|", 5);
	CHECK("11111111", "%hhb", 255);
	/* 64 digits: the widest value, and the reason tmp[] had to grow. */
	CHECK("1111111111111111111111111111111111111111111111111111111111111111",
	      "%llb", (unsigned long long)UINT64_MAX);
	/* The other conversions are unchanged. */
	CHECK("42 ff 17", "%d %x %o", 42, 255, 15);
	return failures;
}
