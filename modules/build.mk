# Sample and test modules.  obj-m names a module; its sources are
# modules/<name>/ (or <name>-dir, as for the drivers config.mk makes
# modules), its objects <name>-objs (default <name>.o), and it is built into
# $(BUILD)/modules/<name>.ko:
#   1. each .c with the kernel's flags plus -DMODULE, KBUILD_MODNAME and
#      <name>-ccflags
#   2. ld -r joins the objects into <name>.prelink.o
#   3. tools/modpost.c checks it for section mismatches; tools/modsyms.sh
#      checks relocations and undefined symbols against Module.symvers
#      (kernel and module exports) and writes <name>.mod.c (name=,
#      vermagic=, depends=)
#   4. ld -r adds <name>.mod.o: the .ko
obj-m += hello
obj-m += initdata
obj-m += exporter
obj-m += importer
obj-m += params
obj-m += param_cb
obj-m += twoobj
twoobj-objs := main.o helper.o
obj-m += rawinit
obj-m += permanent
obj-m += failinit
obj-m += nongpl
obj-m += closed
obj-m += posinit
obj-m += dupcmd
obj-m += initfree
obj-m += chain_base
obj-m += chain_mid
obj-m += chain_top
# Built like obj-m but not packed into the initrd: modules only a test
# puts in its own initrd (a dependency cycle), and the 10,000-relocation
# module make bench and the loader's tests hand to GRUB (too big to carry
# in every initrd: 320 KiB).
test-m += cycle_a
test-m += cycle_b
test-m += bigreloc
# Loaded only by the tests that expect what they do: all __init (stays
# until reboot), a duplicate export (refused), a fault in init, a
# constructor init_module relies on.
test-m += allinit
# Its core region must stay empty, and UBSAN keeps the place of each check
# in .data, KASAN its globals' list and constructor: this one is built
# without either, as Linux's UBSAN_SANITIZE_x.o := n and KASAN_SANITIZE.
allinit-ccflags := -fno-sanitize=all
KASAN_SANITIZE_modules/allinit/ := n
test-m += dupexport
test-m += initro
test-m += ctor
# Its one constructor is counted: KASAN's own, which registers globals,
# would be a second.
KASAN_SANITIZE_modules/ctor/ := n
# Kernel threads started by a module and stopped by its exit (the sched
# suite).
test-m += kthreads
# A thread its exit forgets to stop, which rmmod must not free (the
# module_unload suite).
test-m += lingering
# A timer its exit forgets to delete (the module_unload suite).
test-m += hello_timer
# An IRQ handler its exit forgets to free (the module_unload suite).
test-m += hello_irq
# A delayed work its exit forgets, and a workqueue its exit does not
# destroy (the module_unload suite).
test-m += hello_work
test-m += hello_wq
# A tasklet its exit leaves scheduled (the module_unload suite).
test-m += hello_tasklet
# The locks and counters through Linux's headers (the locking suite).
test-m += linuxlocks
# get_user/put_user faulting in a module's own code (the uaccess suite).
test-m += usercopy
usercopy-objs := cold.o usercopy.o
# A name as long as a module's can be (MODULE_NAME_LEN - 1, 55 bytes):
# hello's source under another KBUILD_MODNAME, for the tests that a longer
# name given to rmmod or insmod is never taken for it.
LONGEST_MODNAME := qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq
test-m += $(LONGEST_MODNAME)
$(LONGEST_MODNAME)-dir := modules/hello
$(LONGEST_MODNAME)-objs := hello.o

MODDIR := $(BUILD)/modules
MODULES := $(addprefix $(MODDIR)/,$(addsuffix .ko,$(obj-m) $(test-m)))
MOD_PRELINKS := $(foreach m,$(obj-m) $(test-m),$(MODDIR)/$(m)/$(m).prelink.o)
MODCFLAGS = $(call kasan_cflags,modules/$(1)/) -DMODULE -DKBUILD_MODNAME='"$(1)"' $($(1)-ccflags)

mod_objs = $(addprefix $(MODDIR)/$(1)/,$(or $($(1)-objs),$(1).o))

define module_rules
$(MODDIR)/$(1)/%.o: $(or $($(1)-dir),modules/$(1))/%.c Makefile modules/build.mk \
		$(BUILD)/kcflags
	$$(quiet) CC $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(call MODCFLAGS,$(1)) -c $$< -o $$@

$(MODDIR)/$(1)/$(1).prelink.o: $(call mod_objs,$(1))
	$$(quiet) LD $$@
	$$(Q)$$(LD) -r -o $$@ $$^

$(MODDIR)/$(1)/$(1).mod.c: $(MODDIR)/$(1)/$(1).prelink.o $(MODDIR)/Module.symvers tools/modsyms.sh $(MODPOST)
	$$(quiet) MODPOST $$@
	$$(Q)$(MODPOST) $$<
	$$(Q)tools/modsyms.sh check $(1) $$< $(MODDIR)/Module.symvers $$@

$(MODDIR)/$(1)/$(1).mod.o: $(MODDIR)/$(1)/$(1).mod.c
	$$(quiet) CC $$@
	$$(Q)$$(CC) $$(call MODCFLAGS,$(1)) -c $$< -o $$@

$(MODDIR)/$(1).ko: $(MODDIR)/$(1)/$(1).prelink.o $(MODDIR)/$(1)/$(1).mod.o
	$$(quiet) LD $$@
	$$(Q)$$(LD) -r -o $$@ $$^
endef
$(foreach m,$(obj-m) $(test-m),$(eval $(call module_rules,$(m))))

# Every export: the kernel's (owner "kernel") and each module's.
$(MODDIR)/Module.symvers: $(KOBJS) $(MOD_PRELINKS) tools/modsyms.sh $(BUILD)/config
	$(quiet) SYMVERS $@
	@mkdir -p $(dir $@)
	$(Q){ tools/modsyms.sh symvers kernel $(KOBJS) && \
	$(foreach m,$(obj-m) $(test-m),tools/modsyms.sh symvers $(m) $(MODDIR)/$(m)/$(m).prelink.o &&) \
	true; } > $@.tmp && mv $@.tmp $@

# excerpt: extmod-entry
# M=<dir>: the modules of an out-of-tree directory instead (Kbuild's M=),
# built by tools/extmod.mk in a make of its own with the kernel's flags,
# once the kernel's and the sample modules' exports are known.
.PHONY: modules extmod extmod-clean
ifeq ($(M),)
modules: $(MODULES)
else
.DEFAULT_GOAL := modules
modules: extmod
endif

extmod: export SPROUT_KCFLAGS = $(KCFLAGS)
extmod: export SPROUT_VERSION = $(VERSION)
extmod: $(MODDIR)/Module.symvers $(MODPOST)
	$(Q)$(MAKE) -f tools/extmod.mk BUILD=$(BUILD) __modules
# excerpt-end: extmod-entry
# KASAN's flags, for the objects that opt out of them (tools/extmod.mk).
extmod: export SPROUT_CFLAGS_KASAN = $(CFLAGS_KASAN)

# A Makefile with Linux's "ifneq ($(KERNELRELEASE),)" names its obj-m only
# when KERNELRELEASE is set: clean must read it the same way.
extmod-clean: export SPROUT_VERSION = $(VERSION)
extmod-clean:
	$(Q)$(MAKE) -f tools/extmod.mk BUILD=$(BUILD) __clean
