/*
 * The shell's description of a command for the module loader: where each
 * pointer of a struct shell_cmd is and what it must point at.  Pure data in
 * a file of its own, so the host tests and the fuzzer compile this table
 * rather than a copy that could drift from it.
 */
#include <kernel/shell.h>
#include "cmd_fields.h"

/* Where @member is in a command. */
#define CMD_OFFSET(member) offsetof(struct shell_cmd, member)

const struct module_table_field shell_cmd_fields[] = {
	{ "name", CMD_OFFSET(name), MODULE_FIELD_STRING, false },
	{ "usage", CMD_OFFSET(usage), MODULE_FIELD_STRING, true },
	{ "help", CMD_OFFSET(help), MODULE_FIELD_STRING, true },
	{ "function", CMD_OFFSET(fn), MODULE_FIELD_CODE, false },
	{ "completion", CMD_OFFSET(complete), MODULE_FIELD_CODE, true },
};
