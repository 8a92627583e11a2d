# Loading modules by name: the dependency walk (pure, also in the unit
# tests), where module files come from, the boot-time list, and every
# module shell command (insmod ... modules_disable).
obj-y += kernel/modprobe/deps.o
obj-y += kernel/modprobe/cmdline.o
obj-y += kernel/modprobe/modprobe.o
obj-y += kernel/modprobe/commands.o
obj-y += kernel/modprobe/lsmod.o
