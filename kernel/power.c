/*
 * Power-off and reset.  ACPI soft-off writes SLP_TYP|SLP_EN to the PM1a
 * control register (ACPI spec §4.8.3.2.1); its I/O base is read from the
 * chipset's PCI configuration space: PIIX4 PM (00:01.3) or ICH9 LPC
 * (00:1f.0), both at register 0x40, as QEMU's firmware programs them.
 * QEMU's \_S5 sleep type is 0, so the value written is SLP_EN alone.
 */
#include <kernel/panic.h>
#include <kernel/power.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc
#define PIIX4_PM_DEVFN ((1 << 3) | 3)	/* bus 0, device 1, function 3 */
#define ICH9_LPC_DEVFN (0x1f << 3)	/* bus 0, device 31, function 0 */
#define PM_BASE_REG 0x40
#define PM_BASE_MASK 0xffc0
#define PM1A_CNT_OFFSET 4
#define PM1_SLP_EN (1 << 13)
#define VENDOR_INTEL 0x8086
#define RESET_CONTROL_PORT 0xcf9
#define RESET_FULL 0x06
#define KBC_STATUS 0x64
#define KBC_PULSE_RESET 0xfe

static uint32_t pci0_read(unsigned int devfn, unsigned int reg)
{
	outl(PCI_CONFIG_ADDRESS, 0x80000000u | devfn << 8 | (reg & 0xfc));
	return inl(PCI_CONFIG_DATA);
}

static uint16_t acpi_pm_base(void)
{
	static const unsigned int devfns[] = { PIIX4_PM_DEVFN, ICH9_LPC_DEVFN };

	for (size_t i = 0; i < ARRAY_SIZE(devfns); i++) {
		if ((pci0_read(devfns[i], 0) & 0xffff) != VENDOR_INTEL)
			continue;
		return pci0_read(devfns[i], PM_BASE_REG) & PM_BASE_MASK;
	}
	return 0;
}

void machine_poweroff(void)
{
	uint16_t base = acpi_pm_base();

	pr_emerg("Power down\n");
	if (base)
		outw(base + PM1A_CNT_OFFSET, PM1_SLP_EN);
	/* Still here: no ACPI as expected.  Leave QEMU the debug way. */
	qemu_exit(QEMU_EXIT_SUCCESS);
	halt_forever();
}

void machine_restart(void)
{
	pr_emerg("Restarting system\n");
	outb(RESET_CONTROL_PORT, RESET_FULL);
	outb(KBC_STATUS, KBC_PULSE_RESET);
	halt_forever();
}
