/*
 * PCI configuration space through configuration mechanism #1 (the 0xcf8
 * address and 0xcfc data ports; PCI Local Bus Specification 3.0 §3.2.2.3.2).
 * Inline, so that any driver -- built in or a module -- can read a device's
 * registers without depending on the enumeration driver (drivers/pci.c).
 */
#ifndef KERNEL_PCI_H
#define KERNEL_PCI_H

#include <kernel/types.h>
#include <kernel/x86.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc
#define PCI_CONFIG_ENABLE 0x80000000u

/* Type 0 and 1 header registers (PCI 3.0 §6.1). */
#define PCI_VENDOR_ID 0x00 /* 16 bits; 0xffff: no function here */
#define PCI_DEVICE_ID 0x02
#define PCI_CLASS_REVISION 0x08 /* class, subclass, prog-if, revision */
#define PCI_HEADER_TYPE 0x0e
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_SECONDARY_BUS 0x19 /* type 1 (bridge) header */

#define PCI_VENDOR_NONE 0xffff
#define PCI_HEADER_MULTIFUNCTION 0x80
#define PCI_HEADER_TYPE_MASK 0x7f
#define PCI_HEADER_BRIDGE 0x01
#define PCI_MAX_DEVICES 32
#define PCI_MAX_FUNCTIONS 8

/* PCI_DEVFN - device and function as one byte, as in "00:1f.0". */
#define PCI_DEVFN(dev, fn) ((unsigned int)(dev) << 3 | (unsigned int)(fn))
#define PCI_SLOT(devfn) ((devfn) >> 3)
#define PCI_FUNC(devfn) (7 & (devfn))

static inline uint32_t pci_config_address(unsigned int bus, unsigned int devfn,
					  unsigned int reg)
{
	return PCI_CONFIG_ENABLE | (bus & 0xff) << 16 | (devfn & 0xff) << 8 |
	       (reg & 0xfc);
}

/* pci_read32 - the aligned dword holding register @reg (low 2 bits ignored). */
static inline uint32_t pci_read32(unsigned int bus, unsigned int devfn,
				  unsigned int reg)
{
	outl(pci_config_address(bus, devfn, reg), PCI_CONFIG_ADDRESS);
	return inl(PCI_CONFIG_DATA);
}

static inline uint16_t pci_read16(unsigned int bus, unsigned int devfn,
				  unsigned int reg)
{
	return (uint16_t)(pci_read32(bus, devfn, reg) >> ((reg & 2) * 8));
}

static inline uint8_t pci_read8(unsigned int bus, unsigned int devfn,
				unsigned int reg)
{
	return (uint8_t)(pci_read32(bus, devfn, reg) >> ((reg & 3) * 8));
}

#endif
