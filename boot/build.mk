# The entry code: Multiboot2 header first, then the 32-bit to 64-bit switch.
obj-y += boot/multiboot2.o
obj-y += boot/entry.o
