# Host unit tests: each test_<name>.c with the kernel sources it exercises.
unit-tests += test_vsnprintf
test_vsnprintf-srcs := kernel/lib/vsnprintf.c kernel/lib/kstrtox.c

unit-tests += test_multiboot2
test_multiboot2-srcs := kernel/multiboot2.c

unit-tests += test_cpio
test_cpio-srcs := kernel/initrd/cpio.c kernel/lib/vsnprintf.c

# Runs $(BUILD)/tools/depmod on objects it compiles.
unit-tests += test_depmod
test_depmod-srcs := kernel/lib/vsnprintf.c
$(BUILD)/tests/unit/test_depmod: | $(BUILD)/tools/depmod

unit-tests += test_modprobe
test_modprobe-srcs := kernel/initrd/modprobe.c kernel/lib/vsnprintf.c

# Driver logic without the hardware: each test #includes its driver's source
# (to reach static functions), listed as -includes: a dependency, not a
# separate compilation.
unit-tests += test_keyboard
test_keyboard-includes := drivers/keyboard.c

unit-tests += test_rtc
test_rtc-includes := drivers/rtc.c
test_rtc-srcs := kernel/lib/vsnprintf.c kernel/lib/kstrtox.c

unit-tests += test_frame_pool
test_frame_pool-srcs := mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c

unit-tests += test_heap
test_heap-srcs := mm/heap.c mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c
