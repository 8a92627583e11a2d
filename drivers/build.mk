# Built-in drivers, in link order (initcall order within a level).
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
obj-y += drivers/pci.o
obj-y += drivers/rtc.o
obj-y += drivers/power.o

