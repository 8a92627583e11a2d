/*
 * example_library.c - a library module: it exports one helper for other
 * modules and has neither module_init nor module_exit, as many of Linux's
 * lib/ modules have none.  Loading it runs nothing of it; with no init to
 * undo it can be removed again.
 */
#include <linux/export.h>
#include <linux/module.h>

int example_library_scale(int value, int numerator, int denominator)
{
	return denominator ? value * numerator / denominator : 0;
}
EXPORT_SYMBOL(example_library_scale);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exports a helper; no init, no exit");
