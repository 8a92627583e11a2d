/*
 * The kernel command line: kept as GRUB passed it (cmdline command) and
 * split (args_next(), <kernel/args.h>) into parameters for the
 * early_param()/__setup() handlers.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <kernel/types.h>

/*
 * The command line as received (for the cmdline shell command), at most
 * BOOT_CMDLINE_MAX bytes with the NUL.
 */
extern char saved_command_line[];

/*
 * cmdline_parse - call the handler of every parameter on @cmdline whose
 * handler is @early (or not), copying @cmdline first.  Unknown parameters are
 * reported once, by the non-early pass.  __init.
 */
void cmdline_parse(const char *cmdline, bool early);

#endif
