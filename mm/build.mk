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
obj-y += mm/util.o
obj-y += mm/vmarea.o
obj-y += mm/fault_inject.o
obj-y += mm/fault.o
obj-y += mm/initmem.o
obj-y += mm/meminfo.o
