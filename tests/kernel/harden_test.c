/*
 * In-kernel tests of the hardening against hostile modules and arguments:
 * reference counts that refuse to overflow or go below zero, parameters
 * applied past a bad one without half-written arrays, a module that is all
 * __init, duplicate exports refused, the direct map read-only under code
 * and constants, the page-table audit finding what it must, and the guard
 * pages below the kernel's stacks.  The module files come from GRUB
 * (tests/boot/harden.sh); without them those cases say so and skip.
 */
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/moduleparam.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static bool have(struct ktest *t, const char *name, const void **buf,
		 size_t *len)
{
	if (modprobe_file(name, buf, len) == 0)
		return true;
	printk(KERN_INFO "        # %s: no %s.ko (initrd or GRUB): skipped\n",
	       t->name, name);
	return false;
}

static int load(struct ktest *t, const char *name, const char *as)
{
	const void *buf;
	size_t len;

	int ret;

	if (!have(t, name, &buf, &len))
		return -ENOENT;
	ret = load_module(as, buf, len, NULL);
	kfree((void *)buf);
	return ret;
}

static void memory_snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

/* A count at its limit is refused, a put at zero ignored -- both loudly. */
static void refcount_limits(struct ktest *t)
{
	struct module *mod;

	if (load(t, "hello", "hello") != 0)
		return;
	mod = module_find("hello");
	KT_EXPECT(t, mod != NULL);
	if (!mod)
		return;
	mod->refcount = INT32_MAX;
	KT_EXPECT(t, !try_module_get(mod));
	KT_EXPECT_EQ(t, mod->refcount, INT32_MAX);
	mod->refcount = 0;
	module_put(mod);
	KT_EXPECT_EQ(t, mod->refcount, 0);
	KT_EXPECT(t, try_module_get(mod));
	module_put(mod);
	KT_EXPECT_EQ(t, remove_module("hello"), 0);
}

static int hp_a, hp_c;
static int hp_arr[3] = { 7, 7, 7 };
static unsigned int hp_count;
static const struct kparam_array hp_arr_desc = {
	.max = 3,
	.elemsize = sizeof(int),
	.num = &hp_count,
	.ops = &param_ops_int,
	.elem = hp_arr,
};
static const struct kernel_param hp_params[] = {
	{ .name = "a", .ops = &param_ops_int, .arg = &hp_a },
	{ .name = "c", .ops = &param_ops_int, .arg = &hp_c },
	{ .name = "arr", .ops = &param_array_ops, .arr = &hp_arr_desc },
};

/*
 * As for the command line: every bad value reported, every good one
 * applied, and an array with a bad element left as it was.
 */
static void params_after_a_bad_one(struct ktest *t)
{
	char args[] = "a=x other=1 arr=1,x,3 c=3";
	char args2[] = "arr=4,5 a=2";

	KT_EXPECT_EQ(t,
		     param_parse("ktest", args, hp_params,
				 ARRAY_SIZE(hp_params), true),
		     -EINVAL);
	KT_EXPECT_EQ(t, hp_a, 0);
	KT_EXPECT_EQ(t, hp_c, 3);
	KT_EXPECT_EQ(t, hp_arr[0], 7);
	KT_EXPECT_EQ(t, hp_count, 0);
	KT_EXPECT_EQ(t,
		     param_parse("ktest", args2, hp_params,
				 ARRAY_SIZE(hp_params), true),
		     0);
	KT_EXPECT_EQ(t, hp_a, 2);
	KT_EXPECT_EQ(t, hp_arr[1], 5);
	KT_EXPECT_EQ(t, hp_arr[2], 7);
	KT_EXPECT_EQ(t, hp_count, 2);
}

/*
 * The header of section @name in the module file @buf, or NULL.  The file
 * is a sample module the build made, so its headers are sound.
 */
static Elf64_Shdr *section_named(void *buf, const char *name)
{
	Elf64_Ehdr *h = buf;
	Elf64_Shdr *sh = (Elf64_Shdr *)((char *)buf + h->e_shoff);
	const char *names = (const char *)buf + sh[h->e_shstrndx].sh_offset;

	for (unsigned int i = 1; i < h->e_shnum; i++)
		if (!strcmp(names + sh[i].sh_name, name))
			return &sh[i];
	return NULL;
}

/* Symbol @name of the module file @buf (sound, as above), or NULL. */
static Elf64_Sym *symbol_named(void *buf, const char *name)
{
	Elf64_Shdr *symtab = section_named(buf, ".symtab");
	Elf64_Shdr *sh =
		(Elf64_Shdr *)((char *)buf + ((Elf64_Ehdr *)buf)->e_shoff);
	Elf64_Sym *syms;
	const char *strtab;

	if (!symtab)
		return NULL;
	syms = (Elf64_Sym *)((char *)buf + symtab->sh_offset);
	strtab = (const char *)buf + sh[symtab->sh_link].sh_offset;
	for (size_t i = 1; i < symtab->sh_size / sizeof(*syms); i++)
		if (!strcmp(strtab + syms[i].st_name, name))
			return &syms[i];
	return NULL;
}

/*
 * Nothing but __init: no core region, and still it loads and stays.  Every
 * module the build makes has one object of core data, __this_module (its
 * struct module, from its .mod.c); the copy loaded here leaves it out, as
 * a module built without that file would: no .bss, and the symbol made
 * local, which the loader does not look for.  Its struct module is then
 * the heap's.
 */
static void all_init_module(struct ktest *t)
{
	struct module *mod;
	Elf64_Shdr *bss;
	Elf64_Sym *this;
	const void *buf;
	size_t len;
	char *copy;

	if (!have(t, "allinit", &buf, &len))
		return;
	copy = kmalloc(len, GFP_KERNEL);
	KT_EXPECT(t, copy != NULL);
	if (copy)
		memcpy(copy, buf, len);
	kfree((void *)buf);
	if (!copy)
		return;
	bss = section_named(copy, ".bss");
	KT_EXPECT(t, bss && bss->sh_size == sizeof(struct module));
	if (bss)
		bss->sh_size = 0;
	this = symbol_named(copy, "__this_module");
	KT_EXPECT(t, this != NULL);
	if (this)
		this->st_info = (STB_LOCAL << 4) | STT_OBJECT;
	KT_EXPECT_EQ(t, load_module("allinit", copy, len, NULL), 0);
	kfree(copy);
	mod = module_find("allinit");
	KT_EXPECT(t, mod && mod->state == MODULE_STATE_LIVE);
	KT_EXPECT(t, mod && mod->core == NULL && mod->init == NULL);
	KT_EXPECT(t, mod && !mod->in_core);
	KT_EXPECT_EQ(t, remove_module("allinit"), -EBUSY); /* permanent */
}

/* A second exporter of a name, module or kernel, is refused, leaving nothing. */
static void duplicate_exports(struct ktest *t)
{
	struct mm_stats before, after;

	const void *buf;
	size_t len;
	char *copy;

	if (!have(t, "exporter", &buf, &len))
		return;
	if (load(t, "exporter", "exporter")) {
		kfree((void *)buf);
		return;
	}
	/* A copy named "exporte2" in its .modinfo: another module, same exports. */
	copy = kmalloc(len, GFP_KERNEL);
	KT_EXPECT(t, copy != NULL);
	if (copy)
		memcpy(copy, buf, len);
	kfree((void *)buf);
	if (!copy)
		return;
	for (size_t i = 0; i + sizeof("name=exporter") <= len; i++)
		if (!memcmp(copy + i, "name=exporter", sizeof("name=exporter")))
			copy[i + sizeof("name=exporter") - 2] = '2';
	memory_snapshot(&before);
	KT_EXPECT_EQ(t, load_module("exporte2", copy, len, NULL), -EEXIST);
	KT_EXPECT(t, module_find("exporte2") == NULL);
	KT_EXPECT_EQ(t, load(t, "dupexport", "dupexport"), -EEXIST);
	KT_EXPECT(t, module_find("dupexport") == NULL);
	memory_snapshot(&after);
	KT_EXPECT_EQ(t, before.frames_free, after.frames_free);
	KT_EXPECT_EQ(t, before.heap_bytes, after.heap_bytes);
	KT_EXPECT_EQ(t, before.modarea_pages, after.modarea_pages);
	KT_EXPECT_EQ(t, remove_module("exporter"), 0);
	kfree(copy);
}

/* The direct-map alias of @va's frame is writable? */
static bool alias_writable(const void *va)
{
	phys_addr_t pa;
	pte_t flags = 0;

	if (vmm_translate((uintptr_t)va, &pa, NULL) ||
	    vmm_translate((uintptr_t)phys_to_virt(pa), NULL, &flags))
		return true;
	return flags & PTE_WRITABLE;
}

static const int some_constant = 42;

/* Code and constants cannot be written through the direct map. */
static void direct_map_read_only(struct ktest *t)
{
	struct module *mod;
	phys_addr_t text_pa = 0;
	pte_t flags = 0;

	KT_EXPECT(t, !alias_writable((const void *)(uintptr_t)printk));
	KT_EXPECT(t, !alias_writable(&some_constant));
	KT_EXPECT(t, alias_writable(&hp_a));
	if (load(t, "params", "params") != 0)
		return;
	mod = module_find("params");
	if (!mod)
		return;
	KT_EXPECT(t, !alias_writable(mod->core));
	KT_EXPECT(t, !alias_writable((char *)mod->core + mod->core_text_size));
	KT_EXPECT(t, alias_writable((char *)mod->core + mod->core_ro_size));
	vmm_translate((uintptr_t)mod->core, &text_pa, NULL);
	KT_EXPECT_EQ(t, remove_module("params"), 0);
	/* Freed, the frame is plain RAM again. */
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)phys_to_virt(text_pa), NULL,
				   &flags),
		     0);
	KT_EXPECT(t, flags & PTE_WRITABLE);
}

/* The audit passes now, and finds a writable alias and a page at 0. */
static void page_table_audit(struct ktest *t)
{
	phys_addr_t pa;
	void *alias;

	KT_EXPECT_EQ(t, mm_audit("ktest"), 0);
	printk(KERN_INFO "        # %s: two problems on purpose follow\n",
	       t->name);
	alias = ioremap(virt_to_phys(__text_start), PAGE_SIZE);
	KT_EXPECT(t, alias != NULL);
	KT_EXPECT_EQ(t, mm_audit("ktest (writable alias of kernel text)"), 1);
	iounmap(alias);
	pa = frame_alloc();
	KT_EXPECT(t, pa != 0);
	KT_EXPECT_EQ(t, vmm_map(0, pa, 1, PAGE_KERNEL_RW), 0);
	KT_EXPECT_EQ(t, mm_audit("ktest (page at 0)"), 1);
	vmm_unmap(0, 1);
	frame_free(pa);
	KT_EXPECT_EQ(t, mm_audit("ktest"), 0);
}

/* Below each kernel stack, the boot one and the double-fault one, a hole. */
static void stack_guard_pages(struct ktest *t)
{
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)kernel_stack_guard, NULL, NULL),
		     -ENOENT);
	KT_EXPECT_EQ(t,
		     vmm_translate((uintptr_t)kernel_stack_bottom, NULL, NULL),
		     0);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)ist_stack_guard, NULL, NULL),
		     -ENOENT);
	KT_EXPECT_EQ(t, vmm_translate((uintptr_t)ist_stack_bottom, NULL, NULL),
		     0);
	KT_EXPECT_EQ(t,
		     (uintptr_t)ist_stack_bottom - (uintptr_t)ist_stack_guard,
		     PAGE_SIZE);
}

KTEST_SUITE(harden, KTEST_CASE(refcount_limits),
	    KTEST_CASE(params_after_a_bad_one), KTEST_CASE(all_init_module),
	    KTEST_CASE(duplicate_exports), KTEST_CASE(direct_map_read_only),
	    KTEST_CASE(page_table_audit), KTEST_CASE(stack_guard_pages));
