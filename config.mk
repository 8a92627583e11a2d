# Build configuration.  Each driver listed here builds into the kernel (y)
# or as a loadable module (m): $(BUILD)/modules/<name>.ko, packed into the
# initrd and loaded at boot through the initrd's etc/modules.  Change it here
# or on the command line, e.g. `make RTC=m PCI=m` (best with its own BUILD=
# directory, so the two configurations do not rebuild each other).

# drivers/rtc.c: the CMOS clock, the date at boot, `date`
RTC ?= y
# drivers/pci.c: PCI enumeration, the functions at boot, `lspci`
PCI ?= y

# The debug kernel's checkers, each on in `make DEBUG=1` and off otherwise
# (`make DEBUG=1 CONFIG_UBSAN=n` leaves one out).  A module carries them in
# its version magic, so a kernel refuses modules built for the other kind.
# CONFIG_UBSAN: undefined behaviour (a shift too far, a signed overflow, an
# index out of range...) reported where it happens (kernel/panic/ubsan.c)
CONFIG_UBSAN ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_KASAN: out-of-bounds accesses and uses after free of the heaps,
# frames and globals reported where they happen, against shadow memory
# (mm/kasan/); kasan=off on the command line turns it off.  GCC only:
# clang names the flags otherwise and gives its constructors a priority
# (.init_array.1), which the module loader refuses.
CONFIG_KASAN ?= $(if $(filter 1,$(DEBUG)),$(if $(findstring clang,$(CC)),n,y),n)
# CONFIG_DEBUG_ATOMIC_SLEEP: might_sleep() in every function that can sleep
# reports a call with a spinlock held or in an interrupt handler
# (kernel/sched/might_sleep.c)
CONFIG_DEBUG_ATOMIC_SLEEP ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_DETECT_HUNG_TASK: khungtaskd reports a task asleep in
# TASK_UNINTERRUPTIBLE for hung_task_timeout_secs= (kernel/sched/hung_task.c)
CONFIG_DETECT_HUNG_TASK ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_SOFTLOCKUP_DETECTOR: the tick reports a thread that keeps the CPU
# with preemption off for 2 * watchdog_thresh= seconds (kernel/sched/watchdog.c)
CONFIG_SOFTLOCKUP_DETECTOR ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_SLUB_DEBUG: red zones, poisoned free objects and alloc/free
# tracks in kmalloc's heap and every kmem_cache, with Linux's reports of a
# red zone or poison written over, a double free, a bad pointer
# (mm/slub_debug.c)
CONFIG_SLUB_DEBUG ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_DEBUG_KMEMLEAK_MODULES: each allocation a module makes is
# recorded, and what it never freed is listed when it unloads, with
# kmemleak-style totals in /sys/kernel/debug/kmemleak (mm/modleak.c).
# Not Linux's CONFIG_DEBUG_KMEMLEAK, which scans memory at any time for
# objects nothing points to: the question here is narrower -- what did a
# module allocate and never free -- and the records answer it when the
# module is freed, with no scan.
CONFIG_DEBUG_KMEMLEAK_MODULES ?= $(if $(filter 1,$(DEBUG)),y,n)
# CONFIG_LOCKDEP: the lock validator -- lock classes, the order they are
# taken in and their interrupt use, with Linux's reports of a possible
# deadlock (kernel/locking/lockdep.c).  Linux splits this into
# CONFIG_LOCKDEP, the class and held-lock machinery, and
# CONFIG_PROVE_LOCKING, the proofs built on it; Sprout builds both as one,
# and keeps the name of the machinery every lock structure changes with.
CONFIG_LOCKDEP ?= $(if $(filter 1,$(DEBUG)),y,n)
