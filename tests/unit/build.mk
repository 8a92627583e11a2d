# Host unit tests: each test_<name>.c with the kernel sources it exercises.
unit-tests += test_vsnprintf
test_vsnprintf-srcs := kernel/lib/vsnprintf.c kernel/lib/kstrtox.c

unit-tests += test_sscanf
test_sscanf-srcs := kernel/lib/sscanf.c kernel/lib/string.c

unit-tests += test_strlist
test_strlist-srcs := kernel/lib/strlist.c kernel/lib/args.c \
	kernel/lib/vsnprintf.c

unit-tests += test_params
test_params-srcs := kernel/module/params.c kernel/module/param_string.c \
	kernel/lib/args.c kernel/lib/strlist.c kernel/lib/kstrtox.c \
	kernel/lib/errno.c kernel/lib/vsnprintf.c kernel/lib/sprintf.c

unit-tests += test_extable
test_extable-srcs := kernel/lib/extable.c

unit-tests += test_multiboot2
test_multiboot2-srcs := kernel/boot/multiboot2.c

# The module loader on real modules: fixtures (tests/unit/fixtures/) built
# by gcc and by clang with several option sets, plus the sample modules.
module-core-srcs := kernel/module/load_info.c kernel/module/reloc_types.c \
	kernel/module/elf.c kernel/module/layout.c \
	kernel/module/symbols.c kernel/module/reloc.c kernel/module/tables.c \
	kernel/module/ctors.c kernel/module/modinfo.c \
	kernel/lib/vsnprintf.c
# The shell's description of .shell_cmds, checked in modules as the kernel does.
module-core-srcs += kernel/shell/cmd_fields.c
unit-tests += test_module_elf
test_module_elf-srcs := tests/unit/module_fixture.c $(module-core-srcs)
unit-tests += test_module_reloc
test_module_reloc-srcs := tests/unit/module_fixture.c $(module-core-srcs)
unit-tests += test_module_harden
test_module_harden-srcs := tests/unit/module_fixture.c $(module-core-srcs) \
	tests/bench/elf_synth.c
unit-tests += test_module_linked
test_module_linked-srcs := tests/unit/module_fixture.c $(module-core-srcs)

FIXDIR := $(BUILD)/tests/fixtures
FIX_CFLAGS := -std=gnu11 -ffreestanding -fno-pic -fno-pie -mno-red-zone \
	-mgeneral-regs-only -fno-common -fno-asynchronous-unwind-tables \
	-Wall -Wextra -Werror -Wno-unused-parameter -nostdinc -Iinclude \
	-DMODULE -DKBUILD_MODNAME='"fixture"' -DSPROUT_VERSION='"test"'
# name:compiler:options -- each builds $(FIXDIR)/sample-<name>.ko
FIX_VARIANTS := gcc-O0:gcc:-O0 gcc-O2g:gcc:-O2_-g \
	gcc-O2noplt:gcc:-O2_-fno-plt_-ffunction-sections_-fdata-sections \
	gcc-unwind:gcc:-O2_-fasynchronous-unwind-tables \
	clang-O0:clang:-O0 clang-O2g:clang:-O2_-g \
	clang-O2noplt:clang:-O2_-fno-plt_-ffunction-sections
fix_cc = $(word 2,$(subst :, ,$(1)))
fix_isystem = -isystem $(shell $(1) -print-file-name=include)

define fixture_variant
$(FIXDIR)/sample-$(word 1,$(subst :, ,$(1))).ko: tests/unit/fixtures/sample.c
	$$(quiet) FIXTURE $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$(call fix_cc,$(1)) $$(FIX_CFLAGS) $$(call fix_isystem,$(call fix_cc,$(1))) \
		-mcmodel=kernel $(subst _, ,$(word 3,$(subst :, ,$(1)))) -c $$< -o $$@.o
	$$(Q)$$(LD) -r -o $$@ $$@.o
MODULE_FIXTURES += $(FIXDIR)/sample-$(word 1,$(subst :, ,$(1))).ko
endef
MODULE_FIXTURES :=
$(foreach v,$(FIX_VARIANTS),$(eval $(call fixture_variant,$(v))))

# The relocation table, assembled by both assemblers.
$(FIXDIR)/relocs-gcc.ko $(FIXDIR)/relocs-clang.ko: $(FIXDIR)/relocs-%.ko: tests/unit/fixtures/relocs.S
	$(quiet) FIXTURE $@
	@mkdir -p $(dir $@)
	$(Q)$* -c $< -o $@.o && $(LD) -r -o $@ $@.o

# Broken on purpose: the small code model, -fcommon, no init_module, a
# symbol nobody exports, thread-local storage, an indirect function (which
# modpost would refuse: these skip it).  And a constructor.
$(FIXDIR)/smallmodel.ko: FIX_EXTRA := -mcmodel=small -O2
$(FIXDIR)/common.ko: FIX_EXTRA := -mcmodel=kernel -fcommon
$(FIXDIR)/noinit.ko $(FIXDIR)/unknown.ko $(FIXDIR)/tls.ko: FIX_EXTRA := -mcmodel=kernel
$(FIXDIR)/ifunc.ko $(FIXDIR)/ctor.ko: FIX_EXTRA := -mcmodel=kernel -O2
$(FIXDIR)/smallmodel.ko $(FIXDIR)/common.ko $(FIXDIR)/noinit.ko $(FIXDIR)/unknown.ko \
		$(FIXDIR)/tls.ko $(FIXDIR)/ifunc.ko $(FIXDIR)/ctor.ko: \
		$(FIXDIR)/%.ko: tests/unit/fixtures/%.c
	$(quiet) FIXTURE $@
	@mkdir -p $(dir $@)
	$(Q)gcc $(filter-out -fno-common,$(FIX_CFLAGS)) $(call fix_isystem,gcc) \
		$(FIX_EXTRA) -c $< -o $@.o && $(LD) -r -o $@ $@.o

MODULE_FIXTURES += $(FIXDIR)/relocs-gcc.ko $(FIXDIR)/relocs-clang.ko \
	$(FIXDIR)/smallmodel.ko $(FIXDIR)/common.ko $(FIXDIR)/noinit.ko \
	$(FIXDIR)/unknown.ko $(FIXDIR)/tls.ko $(FIXDIR)/ifunc.ko $(FIXDIR)/ctor.ko
.PHONY: unit-fixtures
unit-fixtures: $(MODULE_FIXTURES) modules
$(BUILD)/tests/unit/test_module_elf $(BUILD)/tests/unit/test_module_reloc \
		$(BUILD)/tests/unit/test_module_harden \
		$(BUILD)/tests/unit/test_module_linked: | unit-fixtures

unit-tests += test_cpio
test_cpio-srcs := kernel/initrd/cpio.c kernel/lib/vsnprintf.c kernel/lib/kstrtox.c

# The unpacker on the VFS as the fuzzers run it (host-vfs-srcs, with the
# fuzzers' kmalloc and printk).
unit-tests += test_cpio_initramfs
test_cpio_initramfs-srcs = $(test_cpio-srcs) kernel/initrd/unpack.c \
	$(host-vfs-srcs) tests/fuzz/host.c

# Runs $(BUILD)/tools/depmod on objects it compiles.
unit-tests += test_depmod
test_depmod-srcs := kernel/lib/vsnprintf.c
$(BUILD)/tests/unit/test_depmod: | $(BUILD)/tools/depmod

unit-tests += test_modprobe
test_modprobe-srcs := kernel/modprobe/deps.c kernel/lib/vsnprintf.c

# Driver logic without the hardware: each test #includes its driver's source
# (to reach static functions), listed as -includes: a dependency, not a
# separate compilation.
unit-tests += test_keyboard
test_keyboard-includes := drivers/keyboard.c

unit-tests += test_rtc
test_rtc-includes := drivers/rtc.c
test_rtc-srcs := kernel/lib/vsnprintf.c kernel/lib/kstrtox.c

unit-tests += test_bitmap
test_bitmap-srcs := mm/bitmap.c

unit-tests += test_frame_pool
test_frame_pool-srcs := mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c

unit-tests += test_sched_pick
test_sched_pick-srcs := kernel/sched/pick.c

unit-tests += test_timer_queue
test_timer_queue-srcs := kernel/time/timer_queue.c

unit-tests += test_sched_ps
test_sched_ps-srcs := kernel/sched/ps_format.c kernel/lib/vsnprintf.c

unit-tests += test_heap
test_heap-srcs := mm/heap.c mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c

# The same heap with slab debugging's layout and checks.
unit-tests += test_slub_debug
test_slub_debug-srcs := mm/heap.c mm/slub_debug.c mm/mm_debug.c \
	mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c kernel/lib/string.c
test_slub_debug-cflags := -DCONFIG_SLUB_DEBUG

unit-tests += test_dtree
test_dtree-srcs := kernel/fs/dtree.c kernel/lib/vsnprintf.c
