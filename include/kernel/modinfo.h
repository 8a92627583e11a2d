/*
 * .modinfo strings: "tag=value", NUL-terminated, one after another, in a
 * section of a module's file that the host's modinfo and the loader read.
 * Built-in code emits them too; linker.ld discards them from the kernel.
 */
#ifndef KERNEL_MODINFO_H
#define KERNEL_MODINFO_H

#include <kernel/types.h>

#define __PASTE2(a, b) a##b
#define __PASTE(a, b) __PASTE2(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __MODULE_INFO(tag, name, info)                                     \
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo") \
		__aligned(1) = #tag "=" info

#endif
