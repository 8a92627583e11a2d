# Built-in drivers, in link order (initcall order within a level).
obj-y += drivers/serial.o
obj-y += drivers/vga.o
obj-y += drivers/pic.o
obj-y += drivers/pit.o
obj-y += drivers/keyboard.o
obj-y += drivers/pci.o
obj-y += drivers/rtc.o
obj-y += drivers/power.o
