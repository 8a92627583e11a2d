# Out-of-tree modules, as Linux's Kbuild builds them:
#
#   make -C <sprout> M=<dir> [modules]   build <dir>/<name>.ko for its obj-m
#   make -C <sprout> M=<dir> clean       remove what the first one built
#
# The main Makefile runs this file as a make of its own (from the Sprout
# tree, after the kernel and its Module.symvers), because <dir>'s Kbuild,
# or else its Makefile, is read here: it sets obj-m, <name>-objs,
# <name>-y and ccflags-y, and may define targets of its own (a tutorial
# Makefile's "all:" and "clean:"), which must not meet Sprout's.
# KERNELRELEASE is set, so a Makefile written for Linux takes its Kbuild
# branch.  Each module goes through the in-tree modules' steps
# (modules/build.mk): compile with the kernel's flags, -DMODULE and
# KBUILD_MODNAME (the name with '-' made '_'), ld -r, section-mismatch
# check (tools/modpost.c), symbol and relocation check with Linux's
# messages (tools/modsyms.sh), <name>.mod.c, ld -r into <name>.ko.
# Every file is written next to the sources, as Linux does, and listed
# by name, so that clean removes exactly those.

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:

BUILD ?= build
CC ?= gcc
LD ?= ld
MODPOST := $(BUILD)/tools/modpost
KERNEL_SYMVERS := $(BUILD)/modules/Module.symvers

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

src := $(patsubst %/,%,$(M))
ifeq ($(src),)
$(error extmod.mk: M=<directory of the module sources> is required)
endif

# What the directory's Kbuild or Makefile says.
KERNELRELEASE := $(SPROUT_VERSION)
obj-m :=
ccflags-y :=
kbuild-file := $(firstword $(wildcard $(src)/Kbuild) $(wildcard $(src)/Makefile))
ifeq ($(kbuild-file),)
$(error $(src): no Kbuild or Makefile to read obj-m from)
endif
include $(kbuild-file)

ext-names := $(patsubst %.o,%,$(filter %.o,$(obj-m)))
ifneq ($(filter-out %.o,$(obj-m)),)
$(error $(kbuild-file): obj-m may only name objects (name.o): $(filter-out %.o,$(obj-m)))
endif
ifeq ($(ext-names),)
$(error $(kbuild-file): no modules: add "obj-m += name.o")
endif

# excerpt: extmod-cflags
# Linux builds every module with these two warnings off, and code written
# for it relies on that (an int count for module_param_array, say).
LINUX_WARNING_FLAGS := -Wno-pointer-sign -Wno-sign-compare

modname = $(subst -,_,$(1))
parts = $(strip $($(1)-objs) $($(1)-y))
# A module of several objects is linked into name.o; of one, name.c is it.
ext_objs = $(addprefix $(src)/,$(or $(call parts,$(1)),$(1).o))
EXT_CFLAGS = $(SPROUT_KCFLAGS) $(LINUX_WARNING_FLAGS) -DMODULE -DKBUILD_MODNAME='"$(call modname,$(1))"' \
	-I$(src) $(ccflags-y) $(EXTRA_CFLAGS) $(CFLAGS_$(notdir $(2)))
# excerpt-end: extmod-cflags
# ext_cflags,NAME,OBJ: EXT_CFLAGS without KASAN's for an object that opts
# out, as in Linux's Kbuild: KASAN_SANITIZE := n (the whole directory) or
# KASAN_SANITIZE_foo.o := n (one object).
ext_cflags = $(if $(filter n,$(KASAN_SANITIZE) $(KASAN_SANITIZE_$(notdir $(2)))),$(filter-out \
	$(SPROUT_CFLAGS_KASAN),$(call EXT_CFLAGS,$(1),$(2))),$(call EXT_CFLAGS,$(1),$(2)))

EXT_KOS := $(foreach m,$(ext-names),$(src)/$(m).ko)
# The kernel's flags the objects were compiled with, rewritten only when
# they change (a debug build after a normal one, DEBUG=1): then every
# object is rebuilt, so that a .ko never mixes the two kinds.
EXT_KCFLAGS := $(src)/.kcflags
EXT_SYMVERS := $(src)/Module.symvers
EXT_ORDER := $(src)/modules.order

# Every file a build writes, for clean.
ext_files = $(src)/$(1).o $(src)/$(1).d $(src)/$(1).mod.c $(src)/$(1).mod.o \
	$(src)/$(1).mod.d $(src)/$(1).ko \
	$(foreach o,$(call parts,$(1)),$(src)/$(o) $(src)/$(o:.o=.d))
EXT_FILES := $(sort $(foreach m,$(ext-names),$(call ext_files,$(m))) \
	$(EXT_SYMVERS) $(EXT_SYMVERS).tmp $(EXT_ORDER) $(EXT_KCFLAGS))

.PHONY: __modules __clean
__modules: $(EXT_KOS) $(EXT_ORDER)

define ext_module_rules
ifneq ($(filter $(1).o,$(call parts,$(1))),)
$$(error $(kbuild-file): $(1)-objs lists $(1).o, the name of the linked module)
endif

$(filter-out $(src)/$(1).o,$(call ext_objs,$(1))) $(if $(call parts,$(1)),,$(src)/$(1).o): $(src)/%.o: $(src)/%.c $(kbuild-file) $(EXT_KCFLAGS)
	$$(quiet) 'CC [M]' $$@
	$$(Q)$$(CC) $$(call ext_cflags,$(1),$$@) -c $$< -o $$@

ifneq ($(call parts,$(1)),)
$(src)/$(1).o: $(call ext_objs,$(1))
	$$(quiet) 'LD [M]' $$@
	$$(Q)$$(LD) -r -o $$@ $$^
endif

$(src)/$(1).mod.c: $(src)/$(1).o $(EXT_SYMVERS) $(KERNEL_SYMVERS) tools/modsyms.sh $(MODPOST)
	$$(quiet) MODPOST $$@
	$$(Q)$(MODPOST) $$<
	$$(Q)cat $(KERNEL_SYMVERS) $(EXT_SYMVERS) > $$@.symvers && \
		tools/modsyms.sh check $(call modname,$(1)) $$< $$@.symvers $$@ $(src)/$(1).ko; \
		status=$$$$?; rm -f $$@.symvers; exit $$$$status

$(src)/$(1).mod.o: $(src)/$(1).mod.c $(EXT_KCFLAGS)
	$$(quiet) 'CC [M]' $$@
	$$(Q)$$(CC) $$(call ext_cflags,$(1),$$@) -c $$< -o $$@

$(src)/$(1).ko: $(src)/$(1).o $(src)/$(1).mod.o
	$$(quiet) 'LD [M]' $$@
	$$(Q)$$(LD) -r -o $$@ $$^
endef
$(foreach m,$(ext-names),$(eval $(call ext_module_rules,$(m))))

$(EXT_KCFLAGS): FORCE
	@printf '%s\n' '$(SPROUT_KCFLAGS)' | cmp -s - $@ || \
		printf '%s\n' '$(SPROUT_KCFLAGS)' > $@

.PHONY: FORCE
FORCE:

# What the directory's modules export, for each other (as Linux writes it).
$(EXT_SYMVERS): $(foreach m,$(ext-names),$(src)/$(m).o) tools/modsyms.sh
	$(quiet) SYMVERS $@
	$(Q){ $(foreach m,$(ext-names),tools/modsyms.sh symvers $(call modname,$(m)) $(src)/$(m).o &&) \
		true; } > $@.tmp && mv $@.tmp $@

# The modules built, one .ko per line: make iso M=<dir> packs these.
$(EXT_ORDER): $(kbuild-file)
	$(Q)printf '%s\n' $(addsuffix .ko,$(ext-names)) > $@

__clean:
	$(quiet) CLEAN $(src)
	$(Q)rm -f $(EXT_FILES)

-include $(wildcard $(filter %.d,$(EXT_FILES)))
