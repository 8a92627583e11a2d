/*
 * Drivers' interrupts (kernel/irq/): a driver asks for one of the 16
 * legacy lines with request_irq() or request_threaded_irq(), as on Linux;
 * each line's irq_desc keeps the chain of irqactions sharing it, its
 * disable depth and its counts.  The cpu layer hands every hardware
 * interrupt to the flow handler here (set_handle_irq()).
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include <kernel/types.h>

struct task_struct;

/* What a handler says it did (Linux's include/linux/irqreturn.h). */
enum irqreturn {
	IRQ_NONE = 0,		  /* not my device's interrupt */
	IRQ_HANDLED = 1 << 0,	  /* handled */
	IRQ_WAKE_THREAD = 1 << 1, /* run the thread_fn */
};
typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * Request flags, Linux's values (include/linux/interrupt.h).  The trigger
 * type must agree between sharers; the 8259's lines are all edge
 * triggered, so it changes nothing else.  Suspend, resume, balancing,
 * polling and per-CPU flags are accepted and mean nothing on one CPU that
 * never suspends.
 */
#define IRQF_TRIGGER_NONE 0x00000000u
#define IRQF_TRIGGER_RISING 0x00000001u
#define IRQF_TRIGGER_FALLING 0x00000002u
#define IRQF_TRIGGER_HIGH 0x00000004u
#define IRQF_TRIGGER_LOW 0x00000008u
#define IRQF_TRIGGER_MASK 0x0000000fu
#define IRQF_TRIGGER_PROBE 0x00000010u
#define IRQF_SHARED 0x00000080u	      /* other handlers may share the line */
#define IRQF_PROBE_SHARED 0x00000100u /* a refusal to share is expected */
#define __IRQF_TIMER 0x00000200u
#define IRQF_PERCPU 0x00000400u
#define IRQF_NOBALANCING 0x00000800u
#define IRQF_IRQPOLL 0x00001000u
#define IRQF_ONESHOT 0x00002000u /* masked until the thread_fn returns */
#define IRQF_NO_SUSPEND 0x00004000u
#define IRQF_FORCE_RESUME 0x00008000u
#define IRQF_NO_THREAD 0x00010000u
#define IRQF_EARLY_RESUME 0x00020000u
#define IRQF_COND_SUSPEND 0x00040000u
#define IRQF_NO_AUTOEN 0x00080000u /* stays disabled until enable_irq() */
#define IRQF_NO_DEBUG 0x00100000u
#define IRQF_TIMER (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

/* One handler on a line (Linux's struct irqaction). */
struct irqaction {
	irq_handler_t handler;	    /* the primary handler, interrupts off */
	void *dev_id;		    /* its cookie, and the key for free_irq() */
	struct irqaction *next;	    /* the next sharer of the line */
	irq_handler_t thread_fn;    /* the threaded handler, or NULL */
	struct task_struct *thread; /* irq/N-name, running thread_fn */
	unsigned int irq;
	unsigned int flags;	  /* IRQF_* */
	unsigned int thread_mask; /* its bit in the line's threads_oneshot */
	bool thread_run;	  /* woken, thread_fn due (IRQTF_RUNTHREAD) */
	const char *name;
};

/*
 * request_threaded_irq - add a handler to legacy line @irq (0-15) and
 * enable the line if it is the first.  @handler runs in the interrupt,
 * with interrupts off; returning IRQ_WAKE_THREAD wakes the kernel thread
 * "irq/@irq-@name", which runs @thread_fn(@irq, @dev) once for each
 * batch of wake-ups and may sleep.  A NULL @handler only wakes the thread,
 * and then IRQF_ONESHOT is required (the line stays masked until
 * @thread_fn returns).  Every sharer of a line must pass IRQF_SHARED, the
 * same trigger and oneshot flags, and a @dev.  @name must live until
 * free_irq().  Returns 0; -EINVAL for a bad line, no handler at all, or a
 * shared request without @dev; -EBUSY if the line is taken and not
 * shared alike; -ENODEV without an interrupt controller; -ENOMEM.  Sleeps
 * (not from interrupt context).
 */
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev);

/* request_irq - request_threaded_irq() without a thread. */
static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}

/*
 * free_irq - remove the handler of line @irq that was requested with
 * @dev_id, once no handler or thread_fn of the line still runs; stop its
 * thread; mask the line if it was the last.  Returns the name it was
 * requested with (Linux 6.x), or NULL with a warning "Trying to free
 * already-free IRQ N" if there is no such handler.  Sleeps.
 */
const void *free_irq(unsigned int irq, void *dev_id);

/*
 * disable_irq_nosync - mask line @irq, one level deeper; handlers already
 * running finish.  Any context.  disable_irq - the same, then wait until
 * none of the line's handlers or threads runs; sleeps, and must not be
 * called from the line's own handler or thread (it would wait for
 * itself: reported, and the wait skipped).  enable_irq - undo one disable;
 * the line is unmasked when the depth reaches 0.  An enable without a
 * disable warns "Unbalanced enable for IRQ N".  Any context.
 */
void disable_irq_nosync(unsigned int irq);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

/*
 * synchronize_irq - wait until no handler or thread_fn of line @irq runs.
 * Sleeps.
 */
void synchronize_irq(unsigned int irq);

/*
 * generic_handle_irq - run line @irq's flow as if its interrupt had come:
 * its handlers, counts and the "nobody cared" check.  For code that
 * decodes a demultiplexed interrupt, and tests where no device can raise
 * one.  Returns 0, or -EINVAL for a bad line.  Interrupts must be off.
 */
int generic_handle_irq(unsigned int irq);

/*
 * irq_action_in_code - is a handler or thread_fn of a requested line in
 * [@start, @end)?  If so, true with its line in *@irq, the function in
 * *@fn and the name it was requested with in *@name (owned by the
 * requester).  For the module loader's unload check.  Any context.
 */
bool irq_action_in_code(uintptr_t start, uintptr_t end, unsigned int *irq,
			void **fn, const char **name);

/* kstat_irqs - interrupts taken on line @irq so far (0 for a bad line). */
unsigned int kstat_irqs(unsigned int irq);

/*
 * irq_show_row - row @row of Linux's /proc/interrupts into @buf: row 0 the
 * "CPU0" header, rows 1-16 lines 0-15 ("" for a line with no handler and
 * no count), then "ERR:" and "MIS:".  Returns what snprintf() returns; 0
 * past the last row.  Any context.
 */
#define IRQ_SHOW_ROWS (1 + 16 + 2)
int irq_show_row(unsigned int row, char *buf, size_t size);

#endif
