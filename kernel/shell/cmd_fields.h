/*
 * What the module loader checks in each command of a module's .shell_cmds
 * before the shell takes it (cmd_fields.c).  Shared with the loader's host
 * unit tests and fuzzer, so that they check modules against the very
 * description the kernel registers.
 */
#ifndef KERNEL_SHELL_CMD_FIELDS_H
#define KERNEL_SHELL_CMD_FIELDS_H

#include <kernel/module.h>

#define SHELL_CMD_NUM_FIELDS 5

/*
 * shell_cmd_fields - the pointers in a struct shell_cmd: the strings in the
 * module's read-only data, the functions in its code.
 */
extern const struct module_table_field shell_cmd_fields[SHELL_CMD_NUM_FIELDS];

#endif
