/*
 * PCI enumeration: walks the buses from bus 0 down through every PCI-to-PCI
 * bridge and lists each function with its IDs and class, at boot and with
 * the `lspci` shell command.  Written to build either into the kernel or as
 * a module: all it needs is configuration space (<kernel/pci.h>).
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/module.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#define PCI_MAX_BUS 256
#define PCI_CLASS_BRIDGE_PCI 0x0604

struct pci_class_name {
	uint16_t class; /* base class << 8 | subclass */
	const char *name;
};

/* The classes QEMU's machines show, and the common ones (PCI Code and ID
 * Assignment Specification, chapter 1). */
static const struct pci_class_name pci_class_names[] = {
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0106, "SATA controller" },
	{ 0x0108, "Non-Volatile memory controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0380, "Display controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0403, "Audio device" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0c03, "USB controller" },
	{ 0x0c05, "SMBus" },
};

/* What each base class is called when the subclass is not in the table. */
static const char *const pci_base_class_names[] = {
	"Unclassified device",
	"Mass storage controller",
	"Network controller",
	"Display controller",
	"Multimedia controller",
	"Memory controller",
	"Bridge",
	"Communication controller",
	"Generic system peripheral",
	"Input device controller",
	"Docking station",
	"Processor",
	"Serial bus controller",
	"Wireless controller",
	"Intelligent controller",
	"Satellite communications controller",
	"Encryption controller",
	"Signal processing controller",
};

static const char *pci_class_name(uint16_t class)
{
	for (size_t i = 0; i < ARRAY_SIZE(pci_class_names); i++)
		if (pci_class_names[i].class == class)
			return pci_class_names[i].name;
	if ((class >> 8) < ARRAY_SIZE(pci_base_class_names))
		return pci_base_class_names[class >> 8];
	return "Unknown class";
}

/* Called for every function found; @arg is passed through. */
typedef void (*pci_visit_t)(unsigned int bus, unsigned int devfn, void *arg);

static void pci_scan_bus(unsigned int bus, pci_visit_t visit, void *arg,
			 unsigned int depth);

static void pci_scan_function(unsigned int bus, unsigned int devfn,
			      pci_visit_t visit, void *arg, unsigned int depth)
{
	uint16_t class = pci_read32(bus, devfn, PCI_CLASS_REVISION) >> 16;
	unsigned int secondary;

	visit(bus, devfn, arg);
	if (class != PCI_CLASS_BRIDGE_PCI)
		return;
	/* A bridge whose bus numbers the firmware never assigned, or one
	 * pointing back up the tree, is not followed: no endless walk. */
	secondary = pci_read8(bus, devfn, PCI_SECONDARY_BUS);
	if (secondary > bus && depth < PCI_MAX_BUS)
		pci_scan_bus(secondary, visit, arg, depth + 1);
}

static void pci_scan_bus(unsigned int bus, pci_visit_t visit, void *arg,
			 unsigned int depth)
{
	for (unsigned int dev = 0; dev < PCI_MAX_DEVICES; dev++) {
		unsigned int functions = 1;

		if (pci_read16(bus, PCI_DEVFN(dev, 0), PCI_VENDOR_ID) ==
		    PCI_VENDOR_NONE)
			continue;
		if (pci_read8(bus, PCI_DEVFN(dev, 0), PCI_HEADER_TYPE) &
		    PCI_HEADER_MULTIFUNCTION)
			functions = PCI_MAX_FUNCTIONS;
		for (unsigned int fn = 0; fn < functions; fn++) {
			unsigned int devfn = PCI_DEVFN(dev, fn);

			if (pci_read16(bus, devfn, PCI_VENDOR_ID) ==
			    PCI_VENDOR_NONE)
				continue;
			pci_scan_function(bus, devfn, visit, arg, depth);
		}
	}
}

/* One lspci-style line: "00:01.1 IDE interface [0101]: 8086:7010 (rev 00)". */
static int pci_describe(char *buf, size_t size, unsigned int bus,
			unsigned int devfn)
{
	uint32_t class_rev = pci_read32(bus, devfn, PCI_CLASS_REVISION);
	uint16_t class = class_rev >> 16;

	return snprintf(buf, size,
			"%02x:%02x.%u %s [%04x]: %04x:%04x (rev %02x)", bus,
			PCI_SLOT(devfn), PCI_FUNC(devfn), pci_class_name(class),
			class, pci_read16(bus, devfn, PCI_VENDOR_ID),
			pci_read16(bus, devfn, PCI_DEVICE_ID),
			class_rev & 0xff);
}

static void pci_log_function(unsigned int bus, unsigned int devfn, void *arg)
{
	char line[128];
	unsigned int *count = arg;

	pci_describe(line, sizeof(line), bus, devfn);
	pr_info("pci %s\n", line);
	(*count)++;
}

static void pci_print_function(unsigned int bus, unsigned int devfn, void *arg)
{
	char line[128];

	pci_describe(line, sizeof(line), bus, devfn);
	console_printf("%s\n", line);
}

static int cmd_lspci(char *args)
{
	if (*args)
		return -EINVAL;
	pci_scan_bus(0, pci_print_function, NULL, 0);
	return 0;
}
SHELL_COMMAND("lspci", "", "list the PCI devices", cmd_lspci);

static int __init pci_init(void)
{
	unsigned int count = 0;

	pci_scan_bus(0, pci_log_function, &count, 0);
	if (!count) {
		pr_warn("pci: no host bridge answers configuration mechanism #1\n");
		return -ENODEV;
	}
	pr_info("pci: %u functions found\n", count);
	return 0;
}

static void __exit pci_exit(void)
{
	pr_info("pci: listing driver removed\n");
}

module_init(pci_init);
module_exit(pci_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"PCI enumeration: the functions at boot and the lspci command");
MODULE_AUTHOR("The Sprout authors");
