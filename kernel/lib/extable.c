/*
 * Sorting and searching an exception table (include/kernel/extable.h).
 * Pure, so the build's tools/sortextable, the module loader and the host
 * unit test all run the same code.
 */
#include <kernel/extable.h>

/*
 * While sorting, each entry holds its addresses as offsets from the
 * table's start, which do not change when the entry moves.
 * @sign is +1 to go from self-relative to table-relative, -1 back.
 */
static void extable_rebase(struct exception_table_entry *tab, size_t num,
			   int sign)
{
	size_t i;

	for (i = 0; i < num; i++) {
		int32_t at = (int32_t)(i * sizeof(*tab));

		tab[i].insn += sign * at;
		tab[i].fixup += sign * (at + (int32_t)sizeof(tab[i].insn));
	}
}

/* An insertion sort: tables hold tens of entries, and it needs no memory. */
void extable_sort(struct exception_table_entry *tab, size_t num)
{
	size_t i, j;

	extable_rebase(tab, num, 1);
	for (i = 1; i < num; i++) {
		struct exception_table_entry e = tab[i];

		for (j = i; j > 0 && tab[j - 1].insn > e.insn; j--)
			tab[j] = tab[j - 1];
		tab[j] = e;
	}
	extable_rebase(tab, num, -1);
}

const struct exception_table_entry *
extable_search(const struct exception_table_entry *tab, size_t num,
	       uintptr_t addr)
{
	size_t lo = 0, hi = num;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t at = ex_insn_addr(&tab[mid]);

		if (at == addr)
			return &tab[mid];
		if (at < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
