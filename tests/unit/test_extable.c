/*
 * The exception table's sort and search (kernel/lib/extable.c): a table
 * in any order comes out ordered by instruction address with each entry
 * still naming its own fixup, and the binary search finds every listed
 * address and nothing else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/extable.h>

#define ENTRIES 64

/* Stand-in code the entries point into, and the table, close together. */
static char code[4 * ENTRIES];
static struct exception_table_entry table[ENTRIES];

/* Entry @i names code[@insn] and, as its fixup, code[@insn + 1]. */
static void set_entry(size_t i, size_t insn)
{
	table[i].insn =
		(int32_t)((intptr_t)&code[insn] - (intptr_t)&table[i].insn);
	table[i].fixup = (int32_t)((intptr_t)&code[insn + 1] -
				   (intptr_t)&table[i].fixup);
}

/* Instructions at code[2k] for k in a scrambled order (37 is prime). */
static void fill_scrambled(size_t num)
{
	size_t i;

	for (i = 0; i < num; i++)
		set_entry(i, 2 * ((i * 37) % num));
}

static void sort_orders_by_address_keeping_fixups(void **state)
{
	size_t i;

	(void)state;
	fill_scrambled(ENTRIES);
	extable_sort(table, ENTRIES);
	for (i = 0; i < ENTRIES; i++) {
		assert_ptr_equal(ex_insn_addr(&table[i]), &code[2 * i]);
		assert_ptr_equal(ex_fixup_addr(&table[i]), &code[2 * i + 1]);
	}
}

static void sort_keeps_a_sorted_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ENTRIES; i++)
		set_entry(i, 2 * i);
	extable_sort(table, ENTRIES);
	for (i = 0; i < ENTRIES; i++)
		assert_ptr_equal(ex_insn_addr(&table[i]), &code[2 * i]);
	extable_sort(table, 0);
	extable_sort(table, 1);
	assert_ptr_equal(ex_insn_addr(&table[0]), &code[0]);
}

static void search_finds_each_listed_address(void **state)
{
	const struct exception_table_entry *e;
	size_t i;

	(void)state;
	fill_scrambled(ENTRIES);
	extable_sort(table, ENTRIES);
	for (i = 0; i < ENTRIES; i++) {
		e = extable_search(table, ENTRIES, (uintptr_t)&code[2 * i]);
		assert_ptr_equal(e, &table[i]);
		assert_ptr_equal(ex_fixup_addr(e), &code[2 * i + 1]);
	}
}

static void search_misses_unlisted_addresses(void **state)
{
	size_t i;

	(void)state;
	fill_scrambled(ENTRIES);
	extable_sort(table, ENTRIES);
	for (i = 0; i < ENTRIES; i++)
		assert_null(extable_search(table, ENTRIES,
					   (uintptr_t)&code[2 * i + 1]));
	assert_null(extable_search(table, ENTRIES, (uintptr_t)&code[0] - 1));
	assert_null(
		extable_search(table, ENTRIES, (uintptr_t)&code[2 * ENTRIES]));
	assert_null(extable_search(table, 0, (uintptr_t)&code[0]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sort_orders_by_address_keeping_fixups),
		cmocka_unit_test(sort_keeps_a_sorted_table),
		cmocka_unit_test(search_finds_each_listed_address),
		cmocka_unit_test(search_misses_unlisted_addresses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
