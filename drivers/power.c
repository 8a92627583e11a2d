/*
 * Power-off and reset for QEMU's PC machines.  ACPI soft-off writes
 * SLP_TYP|SLP_EN to the PM1a control register (ACPI 6.4 §4.8.3.2.1); its
 * I/O base is read from the chipset's PCI configuration space: PIIX4 PM
 * (00:01.3) or ICH9 LPC (00:1f.0), both at register 0x40, as QEMU's
 * firmware programs them.  QEMU's \_S5 sleep type is 0, so the value
 * written is SLP_EN alone.  Under QEMU, power-off first tries the
 * isa-debug-exit device, so that a test sees it as its own exit status.
 * Reset goes through the chipset's reset control port, with the keyboard
 * controller's reset line as the fallback.  The poweroff and reboot shell
 * commands live here too.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/pci.h>
#include <kernel/power.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/x86.h>

#define PIIX4_PM_DEVFN PCI_DEVFN(1, 3)
#define ICH9_LPC_DEVFN PCI_DEVFN(0x1f, 0)
#define PM_BASE_REG 0x40
#define PM_BASE_MASK 0xffc0
#define PM1A_CNT_OFFSET 4
#define PM1_SLP_EN (1 << 13)
#define VENDOR_INTEL 0x8086
#define RESET_CONTROL_PORT 0xcf9
#define RESET_FULL 0x06
#define KBC_STATUS 0x64
#define KBC_PULSE_RESET 0xfe

struct power_chipset {
	unsigned int devfn;
	const char *name;
};

static const struct power_chipset power_chipsets[] = {
	{ PIIX4_PM_DEVFN, "PIIX4 PM" },
	{ ICH9_LPC_DEVFN, "ICH9 LPC" },
};

/* Found by power_init(); looked up on demand if it never ran. */
static uint16_t pm_base;
static const char *pm_chipset;

static uint16_t acpi_pm_base(const char **chipset)
{
	for (size_t i = 0; i < ARRAY_SIZE(power_chipsets); i++) {
		unsigned int devfn = power_chipsets[i].devfn;

		if (pci_read16(0, devfn, PCI_VENDOR_ID) != VENDOR_INTEL)
			continue;
		*chipset = power_chipsets[i].name;
		return pci_read32(0, devfn, PM_BASE_REG) & PM_BASE_MASK;
	}
	return 0;
}

static int __init power_init(void)
{
	pm_base = acpi_pm_base(&pm_chipset);
	if (!pm_base) {
		pr_warn("power: no ACPI PM block found; poweroff can only leave QEMU through isa-debug-exit\n");
		return 0;
	}
	pr_info("power: ACPI PM1a control at %#x (%s)\n",
		pm_base + PM1A_CNT_OFFSET, pm_chipset);
	return 0;
}
device_initcall(power_init);

void machine_poweroff(void)
{
	if (!pm_base)
		pm_base = acpi_pm_base(&pm_chipset);
	pr_emerg("Power down\n");
	/*
	 * QEMU with isa-debug-exit stops here with a status of its own, which
	 * a harness tells from a CPU reset (QEMU exits 0 for both); without
	 * the device the write goes nowhere and ACPI turns the machine off.
	 */
	qemu_exit(QEMU_EXIT_POWEROFF);
	if (pm_base)
		outw(PM1_SLP_EN, pm_base + PM1A_CNT_OFFSET);
	halt_forever();
}

void machine_restart(void)
{
	pr_emerg("Restarting system\n");
	outb(RESET_FULL, RESET_CONTROL_PORT);
	outb(KBC_PULSE_RESET, KBC_STATUS);
	halt_forever();
}

static int cmd_poweroff(char *args)
{
	if (*args)
		return -EINVAL; /* "poweroff now?" is not a poweroff */
	machine_poweroff();
}
SHELL_COMMAND("poweroff", "", "turn the machine off", cmd_poweroff);

static int cmd_reboot(char *args)
{
	if (*args)
		return -EINVAL;
	machine_restart();
}
SHELL_COMMAND("reboot", "", "restart the machine", cmd_reboot);
