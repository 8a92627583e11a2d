/*
 * The heap core built with slab debugging (CONFIG_SLUB_DEBUG,
 * mm/slub_debug.c) over the real frame pool: objects keep their natural
 * alignment with the debug data after them, and a byte past an object, a
 * write after free, a double free, a pointer into an object and a write
 * past a neighbour are each reported in Linux's words and repaired.
 * printk, the call chain and the taint come from stand-ins below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include "../../mm/internal.h"
#include "../../mm/slub_debug.h"
#include "capture.h"
#include "heap_arena.h"

#define CALLER 0x1234ul /* the allocator's caller, as kmalloc says */

volatile unsigned long jiffies;

/* The report's lines go where capture() puts the heap's warnings. */
int printk(const char *fmt, ...)
{
	size_t len = strlen(warnings);
	va_list ap;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	va_start(ap, fmt);
	vsnprintf(warnings + len, sizeof(warnings) - len, fmt, ap);
	va_end(ap);
	return 0;
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	return 0; /* no chain: a track holds the caller alone */
}

void dump_stack(void)
{
	printk("Call Trace:\n");
}

const char *kernel_taint_string(void)
{
	return "Not tainted";
}

static int setup(void **state)
{
	heap_arena_setup();
	slub_debug_caller(CALLER);
	warnings[0] = 0;
	return 0;
}

static void *alloc(size_t size)
{
	void *p = heap_alloc(&heap, size);

	assert_non_null(p);
	return p;
}

static void expect_report(const char *line)
{
	if (!strstr(warnings, line))
		fail_msg("no \"%s\" in:\n%s", line, warnings);
}

static void layout_keeps_alignment_and_sizes(void **state)
{
	for (size_t size = 16; size <= HEAP_MAX_SMALL; size *= 2) {
		char *a = alloc(size), *b = alloc(size);

		assert_int_equal((uintptr_t)a % MIN(size, 128), 0);
		assert_int_equal((uintptr_t)b % MIN(size, 128), 0);
		assert_int_equal(heap_usable_size(&heap, a), size);
		/* The red zone, link and tracks lie between two objects. */
		assert_true(b - a >= (ptrdiff_t)slub_meta_end(size) ||
			    a - b >= (ptrdiff_t)slub_meta_end(size));
		memset(a, 0x11, size);
		memset(b, 0x22, size);
		assert_int_equal(heap_free(&heap, a), 0);
		assert_int_equal(heap_free(&heap, b), 0);
	}
	assert_int_equal(heap.bytes_in_use, 0);
	assert_string_equal(warnings, "");
}

static void byte_past_object_is_reported_at_free(void **state)
{
	char *p = alloc(64);

	p[64] = 'x';
	assert_int_equal(heap_free(&heap, p), 0);
	expect_report(
		"BUG kmalloc-64 (Not tainted): Right Redzone overwritten\n");
	expect_report(" @offset=64. First byte 0x78 instead of 0xcc\n");
	expect_report("Allocated in 0x1234 age=0 cpu=0 pid=0\n");
	expect_report("Redzone  ");
	expect_report("FIX kmalloc-64: Restoring Right Redzone ");
	assert_int_equal((unsigned char)p[64], 0xbb); /* free now */
	warnings[0] = 0;
	assert_ptr_equal(alloc(64), p);
	assert_string_equal(warnings, "");
}

static void write_after_free_is_reported_when_handed_out(void **state)
{
	char *p = alloc(128);

	assert_int_equal(heap_free(&heap, p), 0);
	assert_int_equal((unsigned char)p[0], 0x6b);
	assert_int_equal((unsigned char)p[127], 0xa5);
	p[8] = 'x';
	assert_ptr_equal(alloc(128), p);
	expect_report("BUG kmalloc-128 (Not tainted): Poison overwritten\n");
	expect_report(" @offset=8. First byte 0x78 instead of 0x6b\n");
	expect_report("Freed in 0x1234 ");
	expect_report("FIX kmalloc-128: Restoring Poison ");
}

static void double_free_is_refused(void **state)
{
	char *p = alloc(32);

	assert_int_equal(heap_free(&heap, p), 0);
	assert_int_equal(heap_free(&heap, p), -EINVAL);
	assert_int_equal(heap.bad_frees, 1);
	expect_report("BUG kmalloc-32 (Not tainted): Object already free\n");
	expect_report("not freed\n");
	/* Freed once: handed out once. */
	warnings[0] = 0;
	assert_ptr_equal(alloc(32), p);
	assert_ptr_not_equal(alloc(32), p);
	assert_string_equal(warnings, "");
}

static void pointer_into_object_is_refused(void **state)
{
	char *p = alloc(256);

	assert_int_equal(heap_free(&heap, p + 8), -EINVAL);
	expect_report("BUG kmalloc-256 (Not tainted): Invalid object pointer ");
	expect_report("not freed\n");
	warnings[0] = 0;
	assert_int_equal(heap_free(&heap, p), 0);
	assert_string_equal(warnings, "");
}

static void write_past_a_neighbour_is_found(void **state)
{
	char *a = alloc(16), *b = alloc(16);
	char *first = a < b ? a : b, *second = a < b ? b : a;

	first[16] = 'x'; /* first stays allocated */
	assert_int_equal(heap_free(&heap, second), 0);
	expect_report(
		"BUG kmalloc-16 (Not tainted): Right Redzone overwritten\n");
	expect_report(" @offset=16. First byte 0x78 instead of 0xcc\n");
	warnings[0] = 0;
	assert_int_equal(heap_free(&heap, first), 0);
	assert_string_equal(warnings, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(layout_keeps_alignment_and_sizes,
						setup, heap_arena_teardown),
		cmocka_unit_test_setup_teardown(byte_past_object_is_reported_at_free,
						setup, heap_arena_teardown),
		cmocka_unit_test_setup_teardown(write_after_free_is_reported_when_handed_out,
						setup, heap_arena_teardown),
		cmocka_unit_test_setup_teardown(double_free_is_refused, setup,
						heap_arena_teardown),
		cmocka_unit_test_setup_teardown(pointer_into_object_is_refused,
						setup, heap_arena_teardown),
		cmocka_unit_test_setup_teardown(write_past_a_neighbour_is_found,
						setup, heap_arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
