# Host tools and the initrd.
#
# The initrd holds iso/initrd (etc/modules), every module in obj-m (from
# modules/build.mk, once there are modules) with their modules.dep, and the
# files under INITRD_EXTRA=<dir>, if given.

$(BUILD)/tools/%: tools/%.c
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_TOOL_CFLAGS) $< -o $@

INITRD := $(BUILD)/initrd.cpio
INITRD_EXTRA :=
INITRD_TREE := iso/initrd
# obj-m names a module ("hello", or as in Kbuild "hello.o"); modules/build.mk
# builds it as $(BUILD)/modules/hello.ko.  The initrd gets the modules, the
# sample ones and M=<dir>'s, without debug information, as Linux's
# INSTALL_MOD_STRIP=1 installs them: a third of the size, so that the boot
# loader and the kernel fit in 4 MiB of RAM.  The full .ko files stay where
# they were built, for gdb.  INSTALL_MOD_STRIP=0 packs the full files.
INSTALL_MOD_STRIP := 1
INITRD_MODULES = $(foreach m,$(obj-m),$(BUILD)/modules/$(basename $(notdir $(m))).ko)
INITRD_FILES = $(shell find $(INITRD_TREE) $(INITRD_EXTRA) -type f 2>/dev/null)

# Rebuilt when INITRD_EXTRA, M or the set of files changes, not only their
# dates.
$(INITRD).files: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(INITRD_EXTRA)' '$(M)' 'strip=$(INSTALL_MOD_STRIP)' $(INITRD_FILES) | cmp -s - $@ || \
		printf '%s\n' '$(INITRD_EXTRA)' '$(M)' 'strip=$(INSTALL_MOD_STRIP)' $(INITRD_FILES) > $@

# The drivers config.mk makes modules (CONFIG_MODULES, drivers/build.mk)
# are loaded at boot: etc/modules is the base tree's with their names added.
INITRD_CONFIG := $(BUILD)/initrd-config
$(INITRD_CONFIG)/etc/modules: $(INITRD_TREE)/etc/modules $(BUILD)/config
	$(quiet) GEN $@
	@mkdir -p $(dir $@)
	$(Q){ cat $<; $(if $(strip $(CONFIG_MODULES)),echo '# Drivers built as modules (config.mk):';) \
	$(foreach m,$(CONFIG_MODULES),echo '$(m)';) } > $@

# Second expansion: obj-m may be filled by a build.mk included after this one.
.SECONDEXPANSION:
$(INITRD): tools/mkinitrd.sh $(BUILD)/tools/depmod $$(INITRD_MODULES) \
		$$(INITRD_FILES) $(INITRD).files $(INITRD_CONFIG)/etc/modules
	$(quiet) INITRD $@
	$(Q)tools/mkinitrd.sh -o $@ -d $(BUILD)/tools/depmod \
		$(if $(filter 1,$(INSTALL_MOD_STRIP)),-s) -t $(INITRD_TREE) \
		-t $(INITRD_CONFIG) $(if $(INITRD_EXTRA),-t '$(INITRD_EXTRA)') \
		$(INITRD_MODULES) $(INITRD_EXT_MODULES)

# excerpt: initrd-extmod
# M=<dir>: the out-of-tree modules built there (modules.order lists them)
# go into lib/modules as well, and into modules.dep.
ifneq ($(M),)
$(INITRD): extmod
INITRD_EXT_MODULES = $$(sed 's|^|$(patsubst %/,%,$(M))/|' '$(patsubst %/,%,$(M))/modules.order')
endif
# excerpt-end: initrd-extmod

.PHONY: initrd
initrd: $(INITRD)
