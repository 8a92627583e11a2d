/*
 * A deliberate upward call for tests/checks/layers.sh: built as if it were
 * a file of mm/ (layer 8), it calls the shell (layer 18), which the layer
 * check must refuse, naming both files and the symbol.
 */
#include <kernel/shell.h>

void mm_upcall(void);

void mm_upcall(void)
{
	shell_run();
}
