# libFuzzer targets, each built from the kernel's own source files with
# AddressSanitizer and UBSan (clang -fsanitize=fuzzer,address,undefined).
#
#   make fuzz              run every target for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_TARGETS='fuzz_cpio ...'   only those
#   make fuzz-build        build them (tests/checks/fuzz.sh runs each briefly)
#   make fuzz-cov          line coverage of the kernel sources by each
#                          target's corpus (clang source-based coverage)
#
# Each run starts from the committed seeds in tests/fuzz/corpus/<target>/;
# what it learns goes to $(BUILD)/tests/fuzz/corpus/<target>/, a crashing
# input to $(BUILD)/tests/fuzz/<target>-crash-*, one that ran too long to
# <target>-timeout-*.

FUZZ_SECONDS = 60
# A unit (one input) slower than FUZZ_TIMEOUT seconds is a finding, as a
# crash is: libFuzzer reports "timeout", saves the input and exits non-zero,
# so an algorithmic hang is found instead of waited out (every unit of the
# corpus runs in milliseconds; a modules.dep line that took 41 s once went
# unflagged).  The corpus replays of tests/checks/fuzz.sh use the same flags.
FUZZ_TIMEOUT = 1
FUZZ_FLAGS = -timeout=$(FUZZ_TIMEOUT) -print_final_stats=1
FUZZ_DIR := $(BUILD)/tests/fuzz
FUZZ_CC := clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Iinclude -DHOST_TEST \
	-Dvsnprintf=sprout_vsnprintf -Dsnprintf=sprout_snprintf \
	-DSPROUT_VERSION='"$(VERSION)"' \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wno-unused-parameter
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_COV := -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping

# kernel/lib/string.c for what the C library lacks (strlcpy, strscpy) only:
# the functions both have are renamed away so that the C library's, which
# the sanitizers check, are the ones used.
FUZZ_STRING_RENAME := $(foreach f,memcpy memmove memset memcmp memchr strlen \
	strnlen strcmp strncmp strchr strrchr strcpy strncpy strcat strncat \
	strstr strsep,-D$(f)=kernel_$(f))

# Every target: the host glue and the kernel's formatter behind printk.
fuzz-common-srcs := tests/fuzz/host.c kernel/lib/vsnprintf.c

fuzz-targets :=
fuzz-targets += fuzz_module_elf
fuzz_module_elf-srcs := $(module-core-srcs) kernel/module/loaded.c \
	kernel/module/kallsyms.c kernel/module/sections.c
fuzz_module_elf-len := 65536
# Seeded also with every module and unit-test fixture the build makes.
fuzz_module_elf-seeds := $(FUZZ_DIR)/seeds/fuzz_module_elf
$(FUZZ_DIR)/seeds/fuzz_module_elf: $(MODULES) $(MODULE_FIXTURES)
	@mkdir -p $@
	$(Q)cp $^ $@/ && touch $@

# The VFS as it is, on the host: what the cpio unpacker makes files with.
host-vfs-srcs := tests/fuzz/host_vfs.c kernel/fs/namei.c kernel/fs/dtree.c \
	kernel/fs/dcache.c kernel/fs/dirops.c kernel/fs/init.c kernel/fs/open.c \
	kernel/fs/libfs.c kernel/fs/ramfs.c mm/util.c

fuzz-targets += fuzz_cpio
fuzz_cpio-srcs := kernel/initrd/cpio.c kernel/initrd/unpack.c \
	$(host-vfs-srcs) kernel/lib/kstrtox.c
fuzz_cpio-len := 8192
fuzz_cpio-cov-srcs := kernel/initrd/cpio.c kernel/initrd/unpack.c

fuzz-targets += fuzz_path_walk
fuzz_path_walk-srcs := kernel/fs/namei.c kernel/fs/dtree.c
fuzz_path_walk-len := 512

fuzz-targets += fuzz_multiboot2
fuzz_multiboot2-srcs := kernel/boot/multiboot2.c
fuzz_multiboot2-len := 4096

fuzz-targets += fuzz_cmdline
fuzz_cmdline-srcs := kernel/init/cmdline.c kernel/module/params.c mm/util.c \
	kernel/module/param_string.c kernel/module/cmdline.c \
	kernel/modprobe/cmdline.c kernel/modprobe/deps.c \
	kernel/lib/args.c kernel/lib/strlist.c kernel/lib/kstrtox.c \
	kernel/lib/errno.c kernel/lib/sprintf.c
fuzz_cmdline-len := 2048
# cmdline_parse() walks the __setup table (include/kernel/init.h).
fuzz_cmdline-cflags := -D__setup_start=__start_setup_table \
	-D__setup_end=__stop_setup_table
fuzz_cmdline-cov-srcs := kernel/init/cmdline.c kernel/module/params.c \
	kernel/module/param_string.c \
	kernel/module/cmdline.c kernel/modprobe/cmdline.c kernel/lib/args.c \
	kernel/lib/strlist.c

fuzz-targets += fuzz_modprobe
fuzz_modprobe-srcs := kernel/modprobe/deps.c
fuzz_modprobe-len := 4096

fuzz-targets += fuzz_readline
fuzz_readline-srcs := kernel/shell/readline.c kernel/lib/kstrtox.c
fuzz_readline-len := 4096
fuzz_readline-cov-srcs := kernel/shell/readline.c

# Not run by make fuzz: a unit that hangs, which tests/checks/fuzz.sh runs
# through fuzz-run-fuzz_hang to show that make fuzz reports one.
fuzz-selftests := fuzz_hang
fuzz_hang-len := 64

FUZZ_TARGETS = $(fuzz-targets)
FUZZ_BINS := $(addprefix $(FUZZ_DIR)/,$(fuzz-targets) $(fuzz-selftests))
FUZZ_COV_BINS := $(addprefix $(FUZZ_DIR)/cov/,$(fuzz-targets))

$(FUZZ_DIR)/kstring.o $(FUZZ_DIR)/cov/kstring.o: kernel/lib/string.c
	$(quiet) CLANG $@
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_STRING_RENAME) \
		$(if $(findstring /cov/,$@),$(FUZZ_COV),$(FUZZ_SAN)) -c $< -o $@

define fuzz_rule
$(FUZZ_DIR)/$(1): tests/fuzz/$(1).c $(fuzz-common-srcs) $$($(1)-srcs) $(FUZZ_DIR)/kstring.o tests/fuzz/host.h tests/fuzz/host_vfs.h
	$$(quiet) CLANG $$@
	$$(Q)$$(FUZZ_CC) $$(FUZZ_CFLAGS) $$($(1)-cflags) $$(FUZZ_SAN) $$(filter-out %.h,$$^) -o $$@

$(FUZZ_DIR)/cov/$(1): tests/fuzz/$(1).c $(fuzz-common-srcs) $$($(1)-srcs) $(FUZZ_DIR)/cov/kstring.o tests/fuzz/host.h tests/fuzz/host_vfs.h
	$$(quiet) CLANG $$@
	$$(Q)$$(FUZZ_CC) $$(FUZZ_CFLAGS) $$($(1)-cflags) $$(FUZZ_COV) $$(filter-out %.h,$$^) -o $$@
endef
$(foreach t,$(fuzz-targets) $(fuzz-selftests),$(eval $(call fuzz_rule,$(t))))

# Running one target, and measuring its line coverage over the committed
# seeds and what make fuzz found (llvm-cov, over <target>-cov-srcs or else
# the kernel sources it was built from, kernel/lib excepted).
define fuzz_run_rule
.PHONY: fuzz-run-$(1) fuzz-cov-$(1)
fuzz-run-$(1): $(FUZZ_DIR)/$(1) $$($(1)-seeds)
	@mkdir -p $(FUZZ_DIR)/corpus/$(1)
	@echo "  FUZZ     $(1) ($$(FUZZ_SECONDS) s)"
	$$(Q)$(FUZZ_DIR)/$(1) -max_total_time=$$(FUZZ_SECONDS) $$(FUZZ_FLAGS) \
		-max_len=$$($(1)-len) -artifact_prefix=$(FUZZ_DIR)/$(1)- \
		$(FUZZ_DIR)/corpus/$(1) tests/fuzz/corpus/$(1) $$($(1)-seeds) \
		> $(FUZZ_DIR)/$(1).log 2>&1 || { tail -n 40 $(FUZZ_DIR)/$(1).log; exit 1; }
	@grep -E '^#[0-9]+.*(DONE|pulse)' $(FUZZ_DIR)/$(1).log | tail -n 1
	@grep -E '^stat::(number_of_executed_units|average_exec_per_sec|slowest_unit_time_sec)' $(FUZZ_DIR)/$(1).log

fuzz-cov-$(1): $(FUZZ_DIR)/cov/$(1) $$($(1)-seeds)
	@mkdir -p $(FUZZ_DIR)/corpus/$(1)
	$$(Q)LLVM_PROFILE_FILE=$(FUZZ_DIR)/cov/$(1).profraw $(FUZZ_DIR)/cov/$(1) \
		-runs=0 $(FUZZ_DIR)/corpus/$(1) tests/fuzz/corpus/$(1) $$($(1)-seeds) \
		> $(FUZZ_DIR)/cov/$(1).log 2>&1
	$$(Q)llvm-profdata merge -sparse $(FUZZ_DIR)/cov/$(1).profraw \
		-o $(FUZZ_DIR)/cov/$(1).profdata
	@echo "== $(1): line coverage"
	$$(Q)llvm-cov report $(FUZZ_DIR)/cov/$(1) \
		-instr-profile=$(FUZZ_DIR)/cov/$(1).profdata \
		$(or $($(1)-cov-srcs),$(filter-out kernel/lib/%,$($(1)-srcs))) | \
		awk '$$$$1 !~ /^(Filename|-)/ && NF >= 10 { \
			sub("$(CURDIR)/", "", $$$$1); \
			printf "  %-28s %5d of %5d lines (%s)\n", $$$$1, \
				$$$$8 - $$$$9, $$$$8, $$$$10 }'
endef
$(foreach t,$(fuzz-targets) $(fuzz-selftests),$(eval $(call fuzz_run_rule,$(t))))

.PHONY: fuzz fuzz-build fuzz-cov
fuzz-build: $(FUZZ_BINS)

# One target after the other (unless make -j says otherwise).
fuzz: deps
	$(Q)$(MAKE) $(addprefix fuzz-run-,$(FUZZ_TARGETS))

fuzz-cov:
	$(Q)$(MAKE) $(addprefix fuzz-cov-,$(FUZZ_TARGETS))
