/*
 * The kernel services the fuzz targets' kernel code calls, on the host:
 * printk through the kernel's own formatter into a buffer, kmalloc as
 * malloc (so AddressSanitizer watches every allocation), and the
 * registrations the loader's initcalls make, which a fuzzer never runs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/interrupt.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include "host.h"

char fuzz_log[FUZZ_LOG_MAX];

int vprintk(const char *fmt, va_list ap)
{
	return vsnprintf(fuzz_log, sizeof(fuzz_log), fmt, ap);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = size ? malloc(size) : NULL;

	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void kfree(const void *ptr)
{
	free((void *)ptr);
}

void *fuzz_copy(const uint8_t *data, size_t size)
{
	/* malloc: 16-byte aligned, and ASan knows the exact end. */
	void *buf = malloc(size ? size : 1);

	if (!buf)
		abort();
	memcpy(buf, data, size);
	return buf;
}

char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void fuzz_check(int ok, const char *what)
{
	if (ok)
		return;
	fprintf(stderr, "fuzz check failed: %s\n", what);
	abort();
}

/* module/kallsyms.c registers these at boot; no fuzz target boots. */
void kallsyms_register_source(struct kallsyms_source *src)
{
}

void fault_explainer_register(struct fault_explainer *fe)
{
}
