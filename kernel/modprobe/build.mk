# Loading modules by name: the dependency walk (pure, also in the unit
# tests), where module files come from, the boot-time list, the shell
# commands insmod, rmmod, lsmod, modinfo and modprobe.
obj-y += kernel/modprobe/deps.o
obj-y += kernel/modprobe/cmdline.o
obj-y += kernel/modprobe/modprobe.o
obj-y += kernel/modprobe/commands.o
