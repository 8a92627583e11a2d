/*
 * Deliberate crashes for the boot tests (like Linux's lkdtm): booting with
 * crash=<name> performs that fault right after the ready line, and the test
 * checks the oops it produces.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define CRASH_NAME_MAX 32

struct crash_point {
	const char *name;
	void (*fn)(void);
};

static char crash_what[CRASH_NAME_MAX];

static int __init crash_setup(const char *val)
{
	if (!val)
		return -EINVAL;
	strlcpy(crash_what, val, sizeof(crash_what));
	return 0;
}
__setup("crash", crash_setup);

/* Write through a pointer the compiler cannot see is NULL-ish. */
static void crash_pagefault(void)
{
	volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)0xdead000;

	*p = 1;
}

static void crash_null(void)
{
	volatile int *volatile p = NULL;

	*p = 1;
}

static const int crash_rodata_value = 1;

static void crash_rodata(void)
{
	*(volatile int *)&crash_rodata_value = 2;
}

/* A "ret" instruction in writable data: fetching it must fault (NX). */
static uint8_t crash_data_code[16] = { 0xc3 };

static void crash_nx(void)
{
	void (*volatile fn)(void) = (void (*)(void))(uintptr_t)crash_data_code;

	fn();
}

/* Recurse until the stack runs into its guard page. */
static __attribute__((noinline)) int crash_recurse(int depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (depth == -1)
		return 0;
	return crash_recurse(depth + 1) + frame[0];
}

static void crash_stack(void)
{
	crash_recurse(0);
}

static int overflow_thread(void *data)
{
	return crash_recurse(0);
}

/*
 * The same overflow in a kernel thread: its oops names the thread and
 * ends it alone.  The boot thread, still running, reports what
 * kthread_stop() saw and whether the thread's memory came back.
 */
static void crash_kthread_stack(void)
{
	struct mm_stats before, after;
	struct task_struct *k;
	int ret;

	/* The stack area's upper page tables, made by the first stack, stay:
	 * make them before counting. */
	k = kthread_create_task(overflow_thread, NULL, "t_warmup");
	if (k)
		kthread_stop(k);
	kmalloc_trim();
	mm_get_stats(&before);
	k = kthread_create_task(overflow_thread, NULL, "t_overflow");
	if (!k) {
		pr_err("crash: no memory for the thread\n");
		return;
	}
	get_task_struct(k);
	wake_up_process(k);
	yield(); /* the thread runs now, until its oops */
	ret = kthread_stop(k);
	put_task_struct(k);
	kmalloc_trim();
	mm_get_stats(&after);
	pr_info("crash: the boot thread goes on; kthread_stop: %d; memory back: %s\n",
		ret, ktest_same_mm(NULL, NULL, &before, &after) ? "yes" : "no");
}

/* A local array overrun past the stack protector's guard copy. */
static __attribute__((noinline)) void crash_stackprotector(void)
{
	char buf[16];
	volatile size_t n = sizeof(buf) + 16;

	memset(buf, 0x41, n);
	/* The array must exist in memory, so the overrun is real. */
	__asm__ volatile("" : : "r"(buf) : "memory");
}

/* Init code and data, used after free_initmem() on purpose. */
static int __init crash_init_function(void)
{
	return 42;
}

static int crash_init_value __initdata = 42;

static void __ref crash_initcode(void)
{
	int (*volatile fn)(void) = crash_init_function;

	pr_info("crash: calling %p\n", (void *)fn);
	fn();
}

static void __ref crash_initdata(void)
{
	pr_info("crash: read %d\n", *(volatile int *)&crash_init_value);
}

/*
 * An IDT of no entries, then an exception: the CPU cannot deliver it, nor
 * the #GP that follows, nor the double fault after that, and resets --
 * a triple fault (SDM 3A §6.15, "Interrupt 8").  No oops can be printed:
 * the harness must see it for itself.
 */
static void crash_triplefault(void)
{
	struct __attribute__((packed)) {
		uint16_t limit;
		uint64_t base;
	} empty = { 0, 0 };

	__asm__ volatile("cli; lidt %0; int3" : : "m"(empty) : "memory");
}

static const struct crash_point crash_points[] = {
	{ "pagefault", crash_pagefault },
	{ "null", crash_null },
	{ "rodata", crash_rodata },
	{ "nx", crash_nx },
	{ "stack", crash_stack },
	{ "kthread_stack", crash_kthread_stack },
	{ "stackprotector", crash_stackprotector },
	{ "initcode", crash_initcode },
	{ "initdata", crash_initdata },
	{ "triplefault", crash_triplefault },
};

/* The crash point crash= names, once boot is over. */
static void crash_boot_done(void)
{
	if (!crash_what[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_points); i++) {
		if (!strcmp(crash_points[i].name, crash_what)) {
			pr_info("crash: triggering '%s' on purpose\n",
				crash_what);
			crash_points[i].fn();
			pr_err("crash: '%s' did not crash\n", crash_what);
			return;
		}
	}
	pr_err("crash: unknown crash point '%s'\n", crash_what);
}

static struct boot_done_hook crash_hook = { .fn = crash_boot_done };

static int __init crash_init(void)
{
	if (crash_what[0])
		boot_done_register(&crash_hook);
	return 0;
}
late_initcall(crash_init);
