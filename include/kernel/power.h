/*
 * Turning the machine off or restarting it (QEMU's PIIX4 and ICH9 chipsets).
 */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#include <kernel/types.h>

/* machine_poweroff - ACPI soft-off (S5); under QEMU, QEMU exits with 0. */
__noreturn void machine_poweroff(void);

/* machine_restart - reset through the chipset; QEMU -no-reboot exits. */
__noreturn void machine_restart(void);

#endif
