# Tests: host unit tests (cmocka, with AddressSanitizer and UBSan) and the
# QEMU boot tests, all run by tests/run.sh, which prints the final
# "N passed, N failed" line.

unit-tests :=
include tests/unit/build.mk
include tests/fuzz/build.mk

# Host builds of pure kernel code.  The formatter is renamed so that it does
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
	$$(Q)$$(HOSTCC) $$(HOSTCFLAGS) $$(filter-out $$($(1)-includes),$$^) -lcmocka -o $$@
endef
$(foreach t,$(unit-tests),$(eval $(call unit_test_rule,$(t))))

.PHONY: unit-tests
unit-tests: $(UNIT_BINS)

# TESTS='name ...' runs only those (unit test binaries or tests/boot/*.sh).
test: deps
	$(Q)$(MAKE) all unit-tests $(TEST_KERNEL)
	$(Q)BUILD=$(BUILD) tests/run.sh $(TESTS)
