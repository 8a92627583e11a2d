# The module loader: pure ELF checking, layout, symbols and relocation
# (also built into the host unit tests), parameters, and the kernel side.
obj-y += kernel/module/load_info.o
obj-y += kernel/module/reloc_types.o
obj-y += kernel/module/elf.o
obj-y += kernel/module/layout.o
obj-y += kernel/module/symbols.o
obj-y += kernel/module/reloc.o
obj-y += kernel/module/tables.o
obj-y += kernel/module/ctors.o
obj-y += kernel/module/extable.o
obj-y += kernel/module/modinfo.o
obj-y += kernel/module/params.o
obj-y += kernel/module/param_string.o
obj-y += kernel/module/symtab.o
obj-y += kernel/module/loaded.o
obj-y += kernel/module/kallsyms.o
obj-y += kernel/module/sections.o
obj-y += kernel/module/freed_init.o
obj-y += kernel/module/cmdline.o
obj-y += kernel/module/handover.o
obj-y += kernel/module/identity.o
obj-y += kernel/module/unload.o
obj-y += kernel/module/main.o
obj-y += kernel/module/disabled.o
obj-y += kernel/module/query.o
obj-y += kernel/module/notifier.o
obj-y += kernel/module/refcount.o
# Allocations charged to modules, listed at unload (config.mk).
obj-$(CONFIG_DEBUG_KMEMLEAK_MODULES) += kernel/module/leak.o
