# Memory management: the pure cores first (also in the unit tests), then the
# kernel side that feeds them the boot memory map and the page tables.
obj-y += mm/bitmap.o
obj-y += mm/frame_pool.o
obj-y += mm/heap.o
obj-y += mm/frame.o
obj-y += mm/vmm.o
obj-y += mm/paging.o
obj-y += mm/directmap.o
obj-y += mm/audit.o
obj-y += mm/kmalloc.o
obj-y += mm/slab.o
# The debug kernel's heap checkers (config.mk): the running task for all
# three, then slab debugging and the per-module leak records.
obj-$(if $(filter y,$(CONFIG_KASAN) $(CONFIG_SLUB_DEBUG) $(CONFIG_DEBUG_KMEMLEAK_MODULES)),y) += mm/mm_debug.o
obj-$(CONFIG_SLUB_DEBUG) += mm/slub_debug.o
obj-$(CONFIG_DEBUG_KMEMLEAK_MODULES) += mm/modleak.o
obj-y += mm/util.o
obj-y += mm/vmarea.o
obj-y += mm/fault_inject.o
obj-y += mm/fault.o
obj-y += mm/initmem.o
obj-y += mm/meminfo.o
# KASAN's runtime (config.mk), bottom first: built without its own checks,
# as are the allocators, which work inside memory it has poisoned (the
# heap's slab headers, bitmaps included; slab debugging's red zones and
# tracks; the bytes of a leaked object a leak report shows), and the string
# functions they call (kernel/build.mk; as Linux's mm/kasan/Makefile and
# mm/Makefile leave them out).
obj-$(CONFIG_KASAN) += mm/kasan/globals.o
obj-$(CONFIG_KASAN) += mm/kasan/stackdepot.o
obj-$(CONFIG_KASAN) += mm/kasan/shadow.o
obj-$(CONFIG_KASAN) += mm/kasan/stack.o
obj-$(CONFIG_KASAN) += mm/kasan/object.o
obj-$(CONFIG_KASAN) += mm/kasan/report.o
obj-$(CONFIG_KASAN) += mm/kasan/check.o
obj-$(CONFIG_KASAN) += mm/kasan/generic.o
KASAN_SANITIZE_mm/kasan/ := n
KASAN_SANITIZE_mm/bitmap.o := n
KASAN_SANITIZE_mm/heap.o := n
KASAN_SANITIZE_mm/slab.o := n
KASAN_SANITIZE_mm/kmalloc.o := n
KASAN_SANITIZE_mm/mm_debug.o := n
KASAN_SANITIZE_mm/slub_debug.o := n
KASAN_SANITIZE_mm/modleak.o := n
