# Built-in drivers, in link order (initcall order within a level).
#
# driver_switch,VAR,name: config.mk's VAR=y links drivers/<name>.o here,
# VAR=m builds it as the module <name>.ko (modules/build.mk) and lists it
# in CONFIG_MODULES, the modules the initrd's etc/modules loads at boot.
define driver_switch
ifeq ($$($(1)),y)
obj-y += drivers/$(2).o
else ifeq ($$($(1)),m)
obj-m += $(2)
$(2)-dir := drivers
CONFIG_MODULES += $(2)
else
$$(error $(1)=$$($(1)): must be y (built in) or m (module))
endif
endef
CONFIG_MODULES :=

# Consoles first: the early serial and VGA text consoles, the framebuffer
# console and its font.
obj-y += drivers/serial.o
obj-y += drivers/vga.o
obj-y += drivers/fbcon.o
obj-y += drivers/font/font8x16.o
# The interrupt controller, the timer tick, then the devices.
obj-y += drivers/pic.o
obj-y += drivers/pit.o
obj-y += drivers/keyboard.o
$(eval $(call driver_switch,PCI,pci))
$(eval $(call driver_switch,RTC,rtc))
obj-y += drivers/power.o

# The driver core (classes, devices, devtmpfs on /dev), then the
# character devices on it: misc's major 10, the memory devices and
# /dev/kmsg of major 1, /dev/console.
obj-y += drivers/base/core.o
obj-y += drivers/base/devtmpfs.o
obj-y += drivers/char/misc.o
obj-y += drivers/char/kmsg.o
obj-y += drivers/char/mem.o
obj-y += drivers/char/tty_console.o
