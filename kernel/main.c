/*
 * kernel_main: the boot order.  Each step needs the ones before it; the
 * comments say why it comes where it does.
 */
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/interrupt.h>
#include <kernel/kasan.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include <trace/events/boot.h>

#define MB2_INFO_MAX (1ul << 20) /* sanity bound on the block's size */

DEFINE_TRACE(boot_step_done);

/* excerpt: read-boot-info */
/* Copy what we need out of the boot information; it lives in free RAM. */
static void __init read_boot_info(uint32_t magic, phys_addr_t info_phys)
{
	const uint32_t *info = phys_to_virt(info_phys);
	const char *why;

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not started by a Multiboot2 boot loader (magic %#x)",
		      magic);
	if (mb2_parse(info, MIN((size_t)info[0], MB2_INFO_MAX), info_phys,
		      &boot_info, &why))
		panic("bad Multiboot2 information at %#lx: %s",
		      (unsigned long)info_phys, why);
	strlcpy(saved_command_line, boot_info.cmdline, BOOT_CMDLINE_MAX);
}
/* excerpt-end: read-boot-info */

static const char *const mmap_type_names[] __initconst = {
	[MB2_MEMORY_AVAILABLE] = "usable",
	[MB2_MEMORY_RESERVED] = "reserved",
	[MB2_MEMORY_ACPI_RECLAIMABLE] = "ACPI data",
	[MB2_MEMORY_NVS] = "ACPI NVS",
	[MB2_MEMORY_BADRAM] = "unusable",
};

/* Say what the boot loader handed over, as Linux prints its e820 map. */
static void __init report_boot_info(void)
{
	const struct boot_framebuffer *fb = &boot_info.fb;

	pr_info("Boot loader: %s\n", boot_info.bootloader);
	/* excerpt: report-mmap */
	for (size_t i = 0; i < boot_info.mmap_count; i++) {
		const struct boot_mmap_entry *e = &boot_info.mmap[i];
		uint32_t t = e->type;

		pr_info("mem: [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1),
			t < ARRAY_SIZE(mmap_type_names) && mmap_type_names[t] ?
				mmap_type_names[t] :
				"type unknown");
	}
	/* excerpt-end: report-mmap */
	if (boot_info.cmdline_len >= BOOT_CMDLINE_MAX)
		pr_warn("Kernel command line too long (%zu bytes, at most %d): cut to %zu bytes at a blank, the rest ignored\n",
			boot_info.cmdline_len, BOOT_CMDLINE_MAX - 1,
			strlen(boot_info.cmdline));
	if (boot_info.mmap_truncated)
		pr_warn("mem: more than %d memory map entries; the rest ignored\n",
			BOOT_MAX_MMAP);
	for (size_t i = 0; i < boot_info.module_count; i++)
		pr_info("Boot module: [%#llx-%#llx) '%s'\n",
			(unsigned long long)boot_info.modules[i].start,
			(unsigned long long)boot_info.modules[i].end,
			boot_info.modules[i].name);
	if (boot_info.modules_ignored)
		pr_warn("Boot modules: %zu beyond the first %d ignored\n",
			boot_info.modules_ignored, BOOT_MAX_MODULES);
	if (fb->present)
		pr_info("Framebuffer: %ux%u, %u bpp, type %u, at %#llx\n",
			fb->width, fb->height, fb->bpp, fb->type,
			(unsigned long long)fb->addr);
}

static bool __init vga_text_mode(void)
{
	/* GRUB reports EGA text; no framebuffer tag at all means BIOS text. */
	return !boot_info.fb.present || boot_info.fb.type == MB2_FB_EGA_TEXT;
}

/* excerpt: unmap-identity */
/*
 * boot/entry.asm identity-mapped low memory to switch to the higher half.
 * Nothing uses it now (the boot information is read through the direct map),
 * and without it a NULL or stray low pointer faults.
 */
static void __init unmap_identity(void)
{
	extern uint64_t boot_pml4[];

	boot_pml4[0] = 0;
	write_cr3(read_cr3());
}
/* excerpt-end: unmap-identity */

/* The part of boot that stays after init memory is freed. */
/* excerpt: kernel-run */
static __noreturn __attribute__((noinline)) void kernel_run(void)
{
	/* Boot is over: nothing calls __init code or reads __initdata now. */
	free_initmem();
	trace_boot_step_done("free_initmem");
	/*
	 * The boot mappings are final: nothing W+X, no writable alias of code.
	 * One walk covers the kernel and the boot-time modules; from here on
	 * each module load is audited by itself.
	 */
	mm_audit("boot");
	system_state = SYSTEM_RUNNING;
	trace_boot_step_done("mm_audit");
	pr_info("Sprout %s ready\n", SPROUT_VERSION);
	trace_boot_step_done("ready");
	/*
	 * What registered for this moment: in the test build the tests, in
	 * make bench's build the benchmarks.
	 */
	boot_done_run();
	/*
	 * The shell's thread takes the consoles; the boot thread only idles
	 * from here on, as Linux's does after rest_init().
	 */
	shell_start();
	cpu_startup_entry();
}
/* excerpt-end: kernel-run */

void __init __no_stack_protector kernel_main(uint32_t magic,
					     phys_addr_t info_phys)
{
	/* The debug kernel's stack checks write the boot stack's shadow
	 * from the first function with a local array on. */
	kasan_early_init();
	/* Before any protected function is on the stack to notice. */
	stack_protector_init();
	/* The TSC is measured over the steps up to tsc_calibrate(). */
	tsc_calibrate_begin();
	/* excerpt: early-consoles */
	/* A console before anything else, so every later step can report. */
	serial_early_init();
	unmap_identity();
	read_boot_info(magic, info_phys);
	if (vga_text_mode())
		vga_early_init();
	/* excerpt-end: early-consoles */
	pr_info("Sprout %s (%s) booting\n", SPROUT_VERSION, SPROUT_BUILD);
	pr_info("Command line: %s\n", saved_command_line);
	report_boot_info();
	cmdline_parse(saved_command_line, true);

	/* Time stamps from here on. */
	if (tsc_calibrate())
		panic("tsc: PIT channel 2 does not count, and CPUID states no TSC rate: nothing to measure the TSC against");
	trace_boot_step_done("early");

	/*
	 * Frames from the memory map (the boot information is copied, its
	 * block and the modules reserved), then the kernel's own page tables
	 * with real permissions, then the heap.
	 */
	mm_init();
	trace_boot_step_done("memory");

	/* excerpt: traps-step */
	/* Exceptions become oopses instead of triple faults. */
	gdt_init();
	idt_init();
	/* excerpt-end: traps-step */
	/* The boot thread is task 0, swapper/0; from here an oops names the
	 * task it hit, and a thread's oops ends only that thread. */
	sched_init();
	/* The shell's thread, created before any other so that it is PID 1,
	 * as init is on Linux; it runs once boot is over. */
	if (shell_init())
		panic("shell: no memory for its thread");
	trace_boot_step_done("traps");

	/*
	 * The __setup() handlers (early_param()'s ran above), with a warning
	 * for each parameter that has no handler and no dot.  Then the
	 * initcalls: a pure one gives built-in code its name.param=value
	 * parameters before the built-in drivers start.
	 */
	cmdline_parse(saved_command_line, false);
	do_initcalls();
	trace_boot_step_done("initcalls");

	/* Every built-in driver has its IRQ handler in place now. */
	irq_enable();
	trace_boot_step_done("irq");

	kernel_run();
}
