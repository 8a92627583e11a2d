# The core kernel, one folder per subsystem, listed bottom layer first
# (docs/architecture.md, "Layers").  main.o comes first all the same: its
# boot order is the story of the kernel.
obj-y += kernel/main.o
obj-y += kernel/boot/multiboot2.o
obj-y += kernel/lib/string.o
obj-y += kernel/lib/vsnprintf.o
obj-y += kernel/lib/sprintf.o
obj-y += kernel/lib/kstrtox.o
obj-y += kernel/lib/errno.o
obj-y += kernel/lib/args.o
obj-y += kernel/printk/printk.o
obj-y += kernel/printk/console.o
obj-y += kernel/time/time.o
obj-y += kernel/panic/panic.o
obj-y += kernel/panic/stackprotector.o
obj-y += kernel/panic/kallsyms.o
obj-y += kernel/panic/backtrace.o
obj-y += kernel/panic/warn.o
obj-y += kernel/panic/lock.o
obj-y += kernel/cpu/gdt.o
obj-y += kernel/cpu/idt.o
obj-y += kernel/cpu/entry.o
obj-y += kernel/cpu/traps.o
obj-y += kernel/trace/tracepoint.o
obj-y += kernel/init/cmdline.o
obj-y += kernel/init/initcall.o
obj-y += kernel/initrd/cpio.o
obj-y += kernel/initrd/initrd.o
obj-y += kernel/shell/table.o
obj-y += kernel/shell/shell.o
obj-y += kernel/shell/readline.o
