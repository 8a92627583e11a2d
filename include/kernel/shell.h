/*
 * The kernel shell on the serial console: a prompt, a line editor and
 * commands.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

/* shell_run - read and run commands until poweroff; returns on end of input. */
void shell_run(void);

#endif
