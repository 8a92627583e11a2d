# Sprout -- the one entry point for building, running and testing.
#
#   make            kernel, modules and the bootable ISO (build/sprout.iso)
#   make run        boot the ISO in QEMU with the serial console on this terminal
#   make test       every test: host unit tests and QEMU boot tests
#   make bench      boot times beside an empty kernel, in-kernel benchmarks,
#                   sizes, least RAM, thread and deferred-work costs: a
#                   table and build/bench.json
#   make bench-linux those costs on Debian's Linux 6.1, for make bench
#                   to print beside Sprout's (downloads the kernel)
#   make bootgraph  docs/bootgraph.svg, the boot's initcalls on a timeline
#   make book       the tutorial (docs/tutorial) as HTML in build/book
#   make book-check the book opened in headless Chromium: links, images,
#                   diagrams (installs Debian's chromium as root if missing)
#   make fuzz       libFuzzer on every parser (tests/fuzz/build.mk)
#   make gdb        QEMU paused, gdb attached with the kernel's symbols
#                   (then lx-symbols: every loaded module's, tools/gdb/)
#   make deps       install missing Debian packages (as root; else print how)
#   make format     clang-format 14 over every C file (tests/checks/format.sh)
#   make clean      remove build/
#   make lab N=NN   chapter NN's lab: Sprout without the chapter's core
#                   code, in build/labs/NN (or LAB_DIR=<dir>), with a
#                   LAB.md saying what to write (docs/tutorial/labs/)
#   make grade      in a lab tree: build, run the tests that grade the
#                   lab, print a score per test and the total (make grade
#                   N=NN grades this tree's own code the same way)
#
#   make M=<dir> [modules|clean]   out-of-tree modules, as Linux's Kbuild
#
# Variables: DEBUG=1 (the debug kernel, in build/debug: the checkers of
# config.mk on), V=1 (full commands), CC=clang, CMDLINE='...', MEM=<MiB>,
# FIRMWARE=bios|uefi, GUI=1, INITRD_EXTRA=<dir> (its files go into the
# initrd under /), M=<dir> (with iso/run: its modules go into the initrd's
# lib/modules), RTC=y|m PCI=y|m (built in or modules; see config.mk).
# Non-recursive: each folder adds its objects in a build.mk fragment; the
# order of obj-y is link order, hence initcall order.

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:

VERSION := 0.1
# DEBUG=1: the debug kernel, its modules and initrd in a folder of their
# own, so that the two builds never mix objects.
DEBUG = 0
ifeq ($(DEBUG),1)
BUILD := build/debug
else
BUILD := build
endif

CC = gcc
LD = ld
NASM = nasm
HOSTCC = gcc
QEMU = qemu-system-x86_64

CMDLINE = loglevel=7
MEM = 128
include config.mk
FIRMWARE = bios
GUI = 0

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

# Kernel code: freestanding, higher-half (-mcmodel=kernel), no red zone
# (interrupts push onto the stack), no SSE state to save, frame pointers for
# backtraces, no unwind tables (nothing reads them), the stack protector on
# functions with arrays, its guard a global (there is no TLS: %fs is 0).
CC_NAME := $(shell $(CC) --version | head -n 1 | tr -d "'\"")

KCFLAGS := -std=gnu11 -ffreestanding -fno-pic -fno-pie -mcmodel=kernel \
	-mno-red-zone -mgeneral-regs-only -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fstack-protector-strong -mstack-protector-guard=global \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-common -fno-strict-aliasing -O2 -g \
	-Wall -Wextra -Werror -Wno-unused-parameter \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) -Iinclude \
	-DSPROUT_VERSION='"$(VERSION)"' -DSPROUT_BUILD='"$(CC_NAME)"' -MMD -MP

# CONFIG_UBSAN (config.mk): undefined behaviour is checked where it happens
# and reported by kernel/panic/ubsan.c, which is itself left uninstrumented
# (a report must not report itself).  GCC 12's checks that work in this
# build, each with its handler there; left out: float-divide-by-zero and
# float-cast-overflow (no floating point: -mgeneral-regs-only), return and
# vptr (C++ only), enum (GCC checks it in C++ only), vla-bound (the kernel
# has no variable-length arrays), object-size, pointer-overflow and the
# nonnull attributes (not checked by Linux's UBSAN either: object-size
# reports depend on what the optimizer could see, and the others have no
# report of Linux's to match).  bounds-strict also checks a trailing
# array of a struct against its declared size, as Linux's
# CONFIG_UBSAN_BOUNDS_STRICT; clang has only bounds.
ifeq ($(CONFIG_UBSAN),y)
UBSAN_BOUNDS := $(if $(filter clang,$(CC)),bounds,bounds-strict)
KCFLAGS += -fsanitize=shift,signed-integer-overflow,integer-divide-by-zero \
	-fsanitize=$(UBSAN_BOUNDS),alignment,null,unreachable,bool,builtin \
	-DCONFIG_UBSAN
$(BUILD)/kernel/panic/ubsan.o: KCFLAGS += -fno-sanitize=all
KASAN_SANITIZE_kernel/panic/ubsan.o := n
endif
# CONFIG_KASAN (config.mk): every load and store of kernel and module code
# is checked against the shadow memory (mm/kasan/): one shadow byte for
# each 8 bytes, at (address >> 3) + the offset below, Linux's x86-64 one.
# Outline mode (call threshold 0): each access calls __asan_loadN/storeN,
# which can tell an address with shadow from one without (MMIO, the user
# window) and pass checks until the shadow is set up -- inline checks would
# read the shadow of any address from the first instruction of C on.
# Globals get redzones registered by a constructor per file; locals whose
# address is taken get them in their frame (asan-stack), whose shadow GCC
# writes inline on entry to the function and clears on return -- so the
# boot stacks' shadow is mapped first thing in kernel_main
# (kasan_early_init()), and each thread's stack gets its own; a
# variable-length array gets them through calls (asan-instrument-allocas).
# A file opts out as in Linux's Kbuild (KASAN_SANITIZE_<path>.o := n, or
# KASAN_SANITIZE_<folder>/ := n for a folder): the runtime itself, and
# the allocators, which work inside poisoned memory.
ifeq ($(CONFIG_KASAN),y)
CFLAGS_KASAN := -fsanitize=kernel-address -fasan-shadow-offset=0xdffffc0000000000 \
	--param asan-instrumentation-with-call-threshold=0 \
	--param asan-globals=1 --param asan-stack=1 --param asan-instrument-allocas=1
KCFLAGS += $(CFLAGS_KASAN) -DCONFIG_KASAN
endif
# kasan_cflags,OBJ: KCFLAGS for the object OBJ (a path under the tree),
# without KASAN if it or its folder opts out.
kasan_cflags = $(if $(filter n,$(KASAN_SANITIZE_$(1)) $(KASAN_SANITIZE_$(dir $(1)))),$(filter-out $(CFLAGS_KASAN),$(KCFLAGS)),$(KCFLAGS))
# CONFIG_DEBUG_ATOMIC_SLEEP (config.mk): might_sleep() checks, which code
# built with it (modules too: the wait_event() macros) calls.
ifeq ($(CONFIG_DEBUG_ATOMIC_SLEEP),y)
KCFLAGS += -DCONFIG_DEBUG_ATOMIC_SLEEP
endif
# CONFIG_DETECT_HUNG_TASK (config.mk): khungtaskd and its fields in
# task_struct.
ifeq ($(CONFIG_DETECT_HUNG_TASK),y)
KCFLAGS += -DCONFIG_DETECT_HUNG_TASK
endif
# CONFIG_LOCKDEP (config.mk): a lockdep_map in every lock and the hooks
# that call the validator, in the kernel and in modules.
ifeq ($(CONFIG_LOCKDEP),y)
KCFLAGS += -DCONFIG_LOCKDEP
endif
# CONFIG_SOFTLOCKUP_DETECTOR (config.mk): the tick's soft-lockup check.
ifeq ($(CONFIG_SOFTLOCKUP_DETECTOR),y)
KCFLAGS += -DCONFIG_SOFTLOCKUP_DETECTOR
endif
# CONFIG_SLUB_DEBUG and CONFIG_DEBUG_KMEMLEAK_MODULES (config.mk): the
# heap's checkers, whose hooks (mm/slub_debug.h) are empty without them.
ifeq ($(CONFIG_SLUB_DEBUG),y)
KCFLAGS += -DCONFIG_SLUB_DEBUG
endif
ifeq ($(CONFIG_DEBUG_KMEMLEAK_MODULES),y)
KCFLAGS += -DCONFIG_DEBUG_KMEMLEAK_MODULES
endif
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
	--no-warn-rwx-segments
NASMFLAGS := -f elf64 -g -F dwarf -I.

# kernel/build.mk lists the objects in link order, including the other
# folders' fragments at their layers' places.
obj-y :=
include kernel/build.mk

# The test build (make test): the same kernel with the in-kernel test suites
# and crash points linked in; the bench build (make bench): the same kernel
# with the benchmarks.  The production image holds neither.
test-y :=
include tests/kernel/build.mk
bench-y :=
include tests/bench/build.mk

KOBJS := $(addprefix $(BUILD)/,$(obj-y))
KERNEL := $(BUILD)/sprout.elf
TEST_OBJS := $(addprefix $(BUILD)/,$(test-y))
TEST_KERNEL := $(BUILD)/test/sprout.elf
BENCH_OBJS := $(addprefix $(BUILD)/,$(bench-y))
BENCH_KERNEL := $(BUILD)/bench/sprout.elf
ISO := $(BUILD)/sprout.iso

.PHONY: all iso run test bench bench-linux bootgraph book book-check gdb deps format clean help \
	lab grade
all: iso modules $(BUILD)/tools/serial-relay

help:
	@sed -n '3,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

$(BUILD)/%.o: %.c
	$(quiet) CC $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(call kasan_cflags,$*.o) -DKBUILD_MODNAME='"$(basename $(notdir $@))"' -c $< -o $@

$(BUILD)/%.o: %.asm
	$(quiet) NASM $@
	@mkdir -p $(dir $@)
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# Host tools.
HOST_TOOL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror
MODPOST := $(BUILD)/tools/modpost

$(MODPOST): tools/modpost.c
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_TOOL_CFLAGS) $< -o $@

# Sorts the exception table of each kernel image after its last link, with
# the kernel's own sort (kernel/lib/extable.c).
SORTEXTABLE := $(BUILD)/tools/sortextable
$(SORTEXTABLE): tools/sortextable.c kernel/lib/extable.c include/kernel/extable.h
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_TOOL_CFLAGS) -Iinclude tools/sortextable.c \
		kernel/lib/extable.c -o $@

# The configuration (config.mk) decides which objects are linked; this file
# changes only when it does, so that switching a driver relinks the kernel.
$(BUILD)/config: FORCE
	@mkdir -p $(BUILD)
	@printf 'RTC=%s PCI=%s\n' '$(RTC)' '$(PCI)' | cmp -s - $@ || \
		printf 'RTC=%s PCI=%s\n' '$(RTC)' '$(PCI)' > $@

# No code or data that stays after boot may refer to .init.* (a section
# mismatch): checked on every kernel object before linking.  The list of
# objects checked is kept for the tests.
$(BUILD)/modpost.objs: $(KOBJS) $(TEST_OBJS) $(BENCH_OBJS) $(MODPOST) $(BUILD)/config
	$(quiet) MODPOST $(KERNEL)
	$(Q)$(MODPOST) $(KOBJS) $(TEST_OBJS) $(BENCH_OBJS)
	$(Q)echo $(KOBJS) > $@
	$(Q)echo $(TEST_OBJS) > $(BUILD)/modpost.test-objs
	$(Q)echo $(BENCH_OBJS) > $(BUILD)/modpost.bench-objs

$(BUILD)/kallsyms0.c: tools/kallsyms.sh
	$(quiet) GEN $@
	@mkdir -p $(BUILD)
	$(Q)tools/kallsyms.sh nm > $@

$(BUILD)/kallsyms0.o: $(BUILD)/kallsyms0.c
	$(quiet) CC $@
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

# kernel_image,ELF,OBJS: link ELF from OBJS twice, first with an empty
# symbol table, then with the table generated from that first link.  The
# table comes last in the image, so the second link must place every code
# symbol where the first did; the cmp checks it.  The image's exception
# table is then sorted in place.
define kernel_image
$(basename $(1)).pass1.elf: $(2) $$(BUILD)/kallsyms0.o linker.ld $$(BUILD)/modpost.objs
	$$(quiet) LD $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(LD) $$(KLDFLAGS) -T linker.ld -o $$@ $(2) $$(BUILD)/kallsyms0.o

$(dir $(1))kallsyms.c: $(basename $(1)).pass1.elf tools/kallsyms.sh
	$$(quiet) KALLSYMS $$@
	$$(Q)tools/kallsyms.sh nm $$< > $$@

$(dir $(1))kallsyms.o: $(dir $(1))kallsyms.c
	$$(quiet) CC $$@
	$$(Q)$$(CC) $$(KCFLAGS) -c $$< -o $$@

$(1): $(basename $(1)).pass1.elf $(dir $(1))kallsyms.o $$(SORTEXTABLE)
	$$(quiet) LD $$@
	$$(Q)$$(LD) $$(KLDFLAGS) -T linker.ld -o $$@ $(2) $(dir $(1))kallsyms.o
	$$(Q)$$(SORTEXTABLE) $$@ || { rm -f $$@; exit 1; }
	$$(Q)nm -n $$< | grep -i ' [tw] ' > $$@.syms1; \
	nm -n $$@ | grep -i ' [tw] ' > $$@.syms2; \
	cmp -s $$@.syms1 $$@.syms2 || \
	{ echo "kallsyms: code moved between link passes" >&2; rm -f $$@; exit 1; }
endef
$(eval $(call kernel_image,$(KERNEL),$(KOBJS)))
$(eval $(call kernel_image,$(TEST_KERNEL),$(KOBJS) $(TEST_OBJS)))
$(eval $(call kernel_image,$(BENCH_KERNEL),$(KOBJS) $(BENCH_OBJS)))

# The font is drawn as text; tools/mkfont.sh makes it a C table.
$(BUILD)/drivers/font/font8x16.c: drivers/font/font8x16.txt tools/mkfont.sh
	$(quiet) MKFONT $@
	@mkdir -p $(dir $@)
	$(Q)tools/mkfont.sh $< > $@

$(BUILD)/drivers/font/font8x16.o: $(BUILD)/drivers/font/font8x16.c
	$(quiet) CC $@
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

# Flags live here: a change to the Makefile rebuilds everything, and so
# does one to the flags (a CONFIG_ switch), recorded in $(BUILD)/kcflags.
$(KOBJS) $(TEST_OBJS) $(BENCH_OBJS): Makefile $(BUILD)/kcflags

# The objects that opt out of KASAN (KASAN_SANITIZE_..., build.mk) are
# recorded there too: a change to that list is a change of flags.
kasan_off_objs = $(if $(CFLAGS_KASAN),$(foreach o,$(obj-y) $(test-y) $(bench-y),$(if \
	$(filter n,$(KASAN_SANITIZE_$(o)) $(KASAN_SANITIZE_$(dir $(o)))),$(o))))
$(BUILD)/kcflags: FORCE
	@mkdir -p $(BUILD)
	@printf '%s\n' '$(KCFLAGS)' $(kasan_off_objs) | cmp -s - $@ || \
		printf '%s\n' '$(KCFLAGS)' $(kasan_off_objs) > $@

include tools/build.mk

# The command line is baked into grub.cfg; this file changes only when it
# does.  It sits next to the ISO, so that an ISO made elsewhere (ISO=<file>,
# as the tutorial's run blocks do) keeps its own.
$(ISO).cmdline: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(CMDLINE)' | cmp -s - $@ || printf '%s\n' '$(CMDLINE)' > $@

$(ISO): $(KERNEL) $(INITRD) $(ISO).cmdline iso/grub.cfg tools/mkiso.sh
	$(quiet) ISO $@
	$(Q)tools/mkiso.sh $(KERNEL) $@ '$(CMDLINE)' $(INITRD)

iso: $(ISO)

deps:
	$(Q)tools/deps.sh

format: deps
	$(Q)tools/format.sh

# tools/run-qemu.sh feeds piped input through the serial relay, the one
# this build made (BUILD: DEBUG=1 sets it here, not on the command line).
run: deps
	$(Q)$(MAKE) iso $(BUILD)/tools/serial-relay
	$(Q)BUILD=$(BUILD) tools/run-qemu.sh --iso $(ISO) --mem $(MEM) --firmware $(FIRMWARE) \
		$(if $(filter 1,$(GUI)),--gui)

gdb: deps
	$(Q)$(MAKE) iso
	$(Q)BUILD=$(BUILD) tools/run-qemu.sh --iso $(ISO) --mem $(MEM) --firmware $(FIRMWARE) \
		--gdb $(KERNEL)

include modules/build.mk
# The floor: the emptiest Multiboot2 kernel (tools/floor/), booted from an
# ISO made the same way, for make bench to measure Sprout against.
FLOOR := $(BUILD)/floor.elf
$(BUILD)/tools/floor/floor.o: tools/floor/floor.asm
	$(quiet) NASM $@
	@mkdir -p $(dir $@)
	$(Q)$(NASM) -f elf32 $< -o $@

$(FLOOR): $(BUILD)/tools/floor/floor.o tools/floor/floor.ld
	$(quiet) LD $@
	$(Q)$(LD) -m elf_i386 -T tools/floor/floor.ld -o $@ $<

$(BUILD)/floor.iso: $(FLOOR) iso/grub.cfg tools/mkiso.sh
	$(quiet) ISO $@
	$(Q)tools/mkiso.sh $(FLOOR) $@ ''

# make bench: boot times beside the floor, the in-kernel benchmarks
# (include/kernel/bench.h, in the bench build), sizes, the least RAM and
# the costs of threads, deferred work and /proc files (bench_sched,
# bench_defer and bench_vfs, tests/bench/linux/, which tools/bench.sh
# builds out of tree and loads), and the debug kernel's instructions to
# the prompt and hello load time (DEBUG=1, in $(BUILD)/debug); a
# table, and every figure in
# build/bench.json (tools/bench.sh).  BENCH_RUNS boots of each.
BENCH_RUNS := 10
bench: deps
	$(Q)$(MAKE) iso $(BENCH_KERNEL) $(BUILD)/floor.iso $(MODDIR)/bigreloc.ko $(BUILD)/tools/serial-relay
	$(Q)$(MAKE) DEBUG=1 BUILD=$(BUILD)/debug iso $(BUILD)/debug/bench/sprout.elf \
		$(BUILD)/debug/modules/bigreloc.ko
	$(Q)BUILD=$(BUILD) BENCH_RUNS=$(BENCH_RUNS) MEM=$(MEM) tools/bench.sh '$(CMDLINE)'

# make bench-linux: bench_sched, bench_defer and bench_vfs on Debian 12's Linux,
# downloaded into $(BUILD)/linux (not installed), booted as make bench
# boots Sprout; their figures in $(BUILD)/bench-linux.json, which make bench
# then prints beside Sprout's (tools/bench-linux.sh).  Needs the network;
# never run by make test.
bench-linux: deps
	$(Q)BUILD=$(BUILD) MEM=$(MEM) tools/bench-linux.sh

# make bootgraph: a boot with initcall_debug drawn as an SVG timeline, one
# bar per initcall and per boot-time module (tools/bootgraph.sh).
bootgraph: deps
	$(Q)$(MAKE) $(KERNEL) $(INITRD) $(BUILD)/tools/serial-relay
	$(Q)tools/mkiso.sh $(KERNEL) $(BUILD)/bootgraph.iso '$(CMDLINE) initcall_debug' $(INITRD)
	$(Q)printf 'poweroff\n' | tools/run-qemu.sh --iso $(BUILD)/bootgraph.iso \
		--mem $(MEM) --timeout 60 > $(BUILD)/bootgraph.log 2>&1
	$(Q)tools/bootgraph.sh $(BUILD)/bootgraph.log > docs/bootgraph.svg
	@echo "docs/bootgraph.svg: $$(grep -c 'class="bar"' docs/bootgraph.svg) bars"

# make book: the tutorial as a static HTML book (tools/book.sh, pandoc);
# make book-check: the same, every page opened in a headless browser
# (tools/book-check.sh).  The diagrams of the kernel image are drawn from
# the kernel just built.
book: deps $(KERNEL)
	$(Q)BOOK_ELF=$(KERNEL) tools/book.sh $(BUILD)/book

book-check: deps $(KERNEL)
	$(Q)BOOK_ELF=$(KERNEL) tools/book-check.sh $(BUILD)/book

include tests/build.mk

# make lab N=NN: the lab tree (tools/lab.sh); make grade: its grader, which
# builds what its tests need with this Makefile.
LAB_DIR =
lab:
	$(Q)BUILD=$(BUILD) tools/lab.sh make '$(N)' $(LAB_DIR)

grade: deps
	$(Q)BUILD=$(BUILD) tools/lab.sh grade $(N)

# With M=<dir>, only what the out-of-tree build wrote there (tools/extmod.mk).
ifeq ($(M),)
clean:
	rm -rf $(BUILD) build-*
else
clean: extmod-clean
endif

FORCE:
.PHONY: FORCE

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
