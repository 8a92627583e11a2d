/*
 * Shared by the files of modprobe: the command line's word on which modules
 * load at boot and with what parameters, and the messages kmod prints.
 */
#ifndef KERNEL_MODPROBE_INTERNAL_H
#define KERNEL_MODPROBE_INTERNAL_H

#include <kernel/modprobe.h>

#define MODULES_DIR_NAME "lib/modules" /* under the root */

/*
 * modprobe_boot_list_next - the next name of modules=a,b from *@pos into
 * @name; returns its length (0 at the end), MODULE_NAME_LEN if it was cut
 * short (too long).  __init: for the boot-time load only.
 */
size_t modprobe_boot_list_next(size_t *pos, char name[MODULE_NAME_LEN]);

/*
 * modprobe_cmdline_args - the parameters the kernel command line gives
 * module @name ("name.p=v" -> "p=v", space-separated, each as written,
 * quotes kept; '-' and '_' alike) into @buf (@size bytes).  Returns 0 or
 * -E2BIG if they do not fit.
 */
int modprobe_cmdline_args(const char *name, char *buf, size_t size);

/*
 * modprobe_strerror - what kmod's insmod and modprobe print for @err from
 * loading a module ("Unknown symbol in module" for -ENOENT); never NULL.
 */
const char *modprobe_strerror(int err);

#endif
