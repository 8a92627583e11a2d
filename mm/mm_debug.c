/*
 * What the heap checkers (KASAN, slab debug tracks, per-module leak
 * records) share: the running task for their records and reports -- the
 * scheduler sits above mm, so it registers how to name the task
 * (include/kernel/mm_debug.h) -- and the rows of their hex dumps.
 */
#include <kernel/mm_debug.h>
#include <kernel/string.h>
#include "slub_debug.h"

static const struct mm_debug_task_ops *task_ops;

void mm_debug_task_register(const struct mm_debug_task_ops *ops)
{
	task_ops = ops;
}

int mm_debug_pid(void)
{
	return task_ops ? task_ops->pid() : 0;
}

void mm_debug_comm(char *buf, size_t size)
{
	if (task_ops)
		task_ops->comm(buf, size);
	else
		strlcpy(buf, "swapper/0", size);
}

void mm_debug_hex_row(const uint8_t *p, size_t n, char *hex, char *ascii)
{
	hex[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		snprintf(hex + i * 3, 4, i + 1 < n ? "%02x " : "%02x", p[i]);
		ascii[i] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '.';
	}
	ascii[n] = '\0';
}
