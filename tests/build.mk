# Tests: host unit tests (cmocka, with AddressSanitizer and UBSan) and the
# QEMU boot tests, all run by tests/run.sh, which prints the final
# "N passed, N failed" line.

unit-tests :=
include tests/unit/build.mk
include tests/fuzz/build.mk

# Host builds of pure kernel code (<test>-cflags: a test's own flags, as
# the CONFIG_ switch of the code it builds).  The formatter is renamed so that it does
# not replace the C library's own snprintf inside the test program.
HOSTCFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	-Iinclude -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -DHOST_TEST -DSPROUT_VERSION='"$(VERSION)"' \
	-Dvsnprintf=sprout_vsnprintf -Dsnprintf=sprout_snprintf

UNIT_BINS := $(addprefix $(BUILD)/tests/unit/,$(unit-tests))

define unit_test_rule
$(BUILD)/tests/unit/$(1): tests/unit/$(1).c $$($(1)-srcs) $$($(1)-includes)
	$$(quiet) HOSTCC $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(HOSTCC) $$(HOSTCFLAGS) $$($(1)-cflags) $$(filter-out $$($(1)-includes),$$^) -lcmocka -o $$@
endef
$(foreach t,$(unit-tests),$(eval $(call unit_test_rule,$(t))))

.PHONY: unit-tests
unit-tests: $(UNIT_BINS)

# What the tests build besides the kernel and the unit tests, made here so
# that make -j builds it beside the rest and a built tree skips it: the
# fuzz targets (tests/checks/fuzz.sh), the tree built with clang
# (tests/checks/clang.sh; its bench build too, so the benchmarks compile
# with clang as the rest) and the one with the drivers as modules
# (tests/checks/modswitch.sh) and the debug kernel with the buggy modules
# of tests/debug (DEBUG=1, for tests/boot/ubsan.sh, debugcheck.sh, kasan.sh,
# lockdep.sh, slubdebug.sh and the book's chapter 11,
# tests/checks/tutorial.sh, and with its depmod and serial relay for the
# tests that run others under the debug kernel: debugktest.sh,
# debugfaults.sh, debugcompat.sh), each in its own BUILD directory.  The
# tests run the same make commands, which then have nothing left to do.
.PHONY: test-clang test-modcfg test-debug
test-clang:
	$(Q)$(MAKE) BUILD=$(BUILD)/clang CC=clang $(BUILD)/clang/sprout.elf \
		$(BUILD)/clang/test/sprout.elf $(BUILD)/clang/bench/sprout.elf \
		modules $(BUILD)/clang/initrd.cpio
test-modcfg:
	$(Q)$(MAKE) BUILD=$(BUILD)/modcfg RTC=m PCI=m all
# The tools an initrd and a piped boot of it use, made once here rather
# than by the tests and the book's runs at the same time.
test-debug:
	$(Q)$(MAKE) DEBUG=1 BUILD=$(BUILD)/debug $(BUILD)/debug/sprout.elf \
		$(BUILD)/debug/test/sprout.elf modules \
		$(BUILD)/debug/tools/depmod $(BUILD)/debug/tools/serial-relay
	$(Q)$(MAKE) DEBUG=1 BUILD=$(BUILD)/debug M=tests/debug modules
test-trees := fuzz:fuzz-build clang:test-clang modswitch:test-modcfg \
	ubsan:test-debug debugcheck:test-debug kasan:test-debug \
	lockdep:test-debug slubdebug:test-debug tutorial:test-debug \
	debugktest:test-debug debugfaults:test-debug debugcompat:test-debug
test_trees = $(foreach t,$(test-trees),$(if $(or $(if $(TESTS),,all),$(filter \
	$(firstword $(subst :, ,$(t))),$(TESTS))),$(lastword $(subst :, ,$(t)))))

# TESTS='name ...' runs only those (unit test binaries or tests/boot/*.sh).
test: deps
	$(Q)$(MAKE) all unit-tests $(TEST_KERNEL) $(BENCH_KERNEL) $(test_trees)
	$(Q)BUILD=$(BUILD) tests/run.sh $(TESTS)
