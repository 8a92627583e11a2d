/*
 * CPU exceptions.  Any exception in the kernel is a bug: print an oops --
 * what happened, where, in which task, every register and the call chain
 * -- then end the task if it is a thread, else panic.
 */
#include <kernel/extable.h>
#include <kernel/interrupt.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

/* Newest first: a later explainer knows a narrower case. */
static LIST_HEAD(fault_explainers);
static const struct oops_task_ops *oops_task;

static const char *const exception_names[EXCEPTION_COUNT] = {
	"divide error (#DE)",
	"debug (#DB)",
	"non-maskable interrupt (NMI)",
	"breakpoint (#BP)",
	"overflow (#OF)",
	"bound range exceeded (#BR)",
	"invalid opcode (#UD)",
	"device not available (#NM)",
	"double fault (#DF)",
	"coprocessor segment overrun",
	"invalid TSS (#TS)",
	"segment not present (#NP)",
	"stack-segment fault (#SS)",
	"general protection fault (#GP)",
	"page fault (#PF)",
	"reserved (15)",
	"x87 floating-point error (#MF)",
	"alignment check (#AC)",
	"machine check (#MC)",
	"SIMD floating-point error (#XM)",
	"virtualization exception (#VE)",
	"control protection (#CP)",
	"reserved (22)",
	"reserved (23)",
	"reserved (24)",
	"reserved (25)",
	"reserved (26)",
	"reserved (27)",
	"hypervisor injection (#HV)",
	"VMM communication (#VC)",
	"security exception (#SX)",
	"reserved (31)",
};

void fault_explainer_register(struct fault_explainer *fe)
{
	list_add(&fe->list, &fault_explainers);
}

void oops_task_register(const struct oops_task_ops *ops)
{
	oops_task = ops;
}

/* excerpt: page-fault-why */
/* Why a fault at @addr with error code @err happened, in words, or NULL. */
static const char *page_fault_why(uintptr_t addr, uint64_t err)
{
	struct fault_explainer *fe;
	const char *why;

	if (addr < PAGE_SIZE)
		return "NULL pointer dereference";
	if (!is_canonical(addr))
		return "non-canonical address";
	list_for_each_entry(fe, &fault_explainers, list) {
		why = fe->explain(addr, err);
		if (why)
			return why;
	}
	return NULL;
}
/* excerpt-end: page-fault-why */

/* excerpt: show-page-fault */
/* lab: 04 show-page-fault */
static void show_page_fault(uintptr_t addr, uint64_t err)
{
	const char *why = page_fault_why(addr, err);

	printk(KERN_EMERG
	       "BUG: unable to handle page fault for address: %016lx\n",
	       addr);
	if (why)
		printk(KERN_EMERG "BUG: %s\n", why);
	printk(KERN_EMERG "#PF: supervisor %s access in %s mode\n",
	       err & PF_INSTR ? "instruction fetch" :
	       err & PF_WRITE ? "write" :
				"read",
	       err & PF_USER ? "user" : "kernel");
	printk(KERN_EMERG "#PF: error_code(0x%04lx) - %s\n", (unsigned long)err,
	       err & PF_RSVD	? "reserved bit violation" :
	       err & PF_PRESENT ? "permissions violation" :
				  "not-present page");
}
/* lab-end: 04 show-page-fault */
/* excerpt-end: show-page-fault */

/*
 * A page fault that could not be delivered -- its frame would go on a stack
 * that is itself unmapped -- ends here, on the IST stack; CR2 still holds
 * the address that started it.
 */
static void show_double_fault(uintptr_t cr2)
{
	const char *why = page_fault_why(cr2, 0);

	printk(KERN_EMERG
	       "double fault: the kernel stack may have overflowed\n");
	if (why)
		printk(KERN_EMERG "BUG: last page fault at %016lx: %s\n", cr2,
		       why);
}

static void show_regs(const struct pt_regs *r)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), r->rip);
	printk(KERN_EMERG "RIP: %04lx:%016lx %s\n", r->cs, r->rip, sym);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", r->ss, r->rsp,
	       r->rflags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax,
	       r->rbx, r->rcx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx,
	       r->rsi, r->rdi);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->rbp,
	       r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10,
	       r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13,
	       r->r14, r->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* The call chain, on the stack of the task the exception hit. */
static void oops_backtrace(const struct pt_regs *regs)
{
	uintptr_t lo, hi;

	if (oops_task && oops_task->stack(&lo, &hi))
		dump_backtrace_on(regs->rip, regs->rbp, lo, hi);
	else
		dump_backtrace(regs->rip, regs->rbp);
}

/* excerpt: oops */
void oops(struct pt_regs *regs, const char *what)
{
	bool nested = oops_in_progress;

	oops_in_progress = true;
	printk(KERN_EMERG "Oops: %s, vector %lu, error code 0x%lx\n", what,
	       regs->vector, regs->error_code);
	/* As Linux's header: the task, and whether a module not under the
	 * GPL was loaded. */
	dump_stack_print_info(KERN_EMERG);
	show_regs(regs);
	oops_backtrace(regs);
	/* A thread can die alone; an interrupt handler or a second oops
	 * cannot be unwound, nor can the boot thread end. */
	if (oops_task && !nested && !in_hardirq()) {
		oops_in_progress = false;
		oops_task->end_task();
	}
	panic("Fatal exception");
}

void exception_handler(struct pt_regs *regs)
{
	/* A user copy's fault on a page its caller could not vouch for. */
	if (regs->vector == VEC_PAGE_FAULT && fixup_exception(regs))
		return;
	if (regs->vector == VEC_PAGE_FAULT)
		show_page_fault(read_cr2(), regs->error_code);
	else if (regs->vector == VEC_DOUBLE_FAULT)
		show_double_fault(read_cr2());
	oops(regs, exception_names[regs->vector]);
}
/* excerpt-end: oops */
