# Built-in drivers, in link order (initcall order within a level).
obj-y += drivers/serial.o
obj-y += drivers/vga.o
