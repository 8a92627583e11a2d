# In-kernel test suites and crash points: always built in, run only when the
# command line asks (ktest, crash=).
obj-y += tests/kernel/crash.o
obj-y += tests/kernel/core_test.o
obj-y += tests/kernel/initcall_test.o
obj-y += tests/kernel/drivers_test.o
obj-y += tests/kernel/mm_test.o
obj-y += tests/kernel/module_test.o
obj-y += tests/kernel/slab_test.o
obj-y += tests/kernel/harden_test.o
obj-y += tests/kernel/fault_test.o
obj-y += tests/kernel/soak_test.o
