/*
 * printk: the kernel log.  Messages carry a KERN_* level, go into a ring
 * buffer (read back by dmesg) with a [seconds.micros] stamp and are echoed to
 * every registered console whose level allows it.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stdarg.h>
#include <kernel/list.h>
#include <kernel/types.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_DEFAULT 4	   /* level of a message without KERN_* */
#define CONSOLE_LOGLEVEL_DEFAULT 7 /* print everything but debug */

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* Type-checks the arguments, prints nothing. */
#define no_printk(fmt, ...)                         \
	({                                          \
		if (0)                              \
			printk(fmt, ##__VA_ARGS__); \
		0;                                  \
	})

/*
 * pr_debug logs only from a file built with DEBUG defined (#define DEBUG
 * before the includes, or -DDEBUG: ccflags-y or CFLAGS_file.o in a
 * module's Kbuild), as in Linux without dynamic debug; elsewhere it checks
 * its arguments and compiles to nothing.
 */
#ifdef DEBUG
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* A sink for log text: the serial port, the VGA screen, a framebuffer. */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t n);
	struct list_head list; /* in the registered consoles */
};

/* Levels below this reach the consoles; set by loglevel= on the command line. */
extern int console_loglevel;

/*
 * printk - log a message.  Safe from any context, including exception
 * handlers (interrupts are disabled while the buffer is updated).  Returns
 * the number of characters of the message text.
 */
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

/*
 * printk_set_clock - stamp records with @clock (nanoseconds since boot)
 * from now on; before, they read 0.  The time subsystem calls it once the
 * TSC is calibrated.
 */
void printk_set_clock(uint64_t (*clock)(void));

/* console_register - add @con; it is sent nothing logged before. */
void console_register(struct console *con);

/* console_unregister - remove @con (registered before); it is sent nothing more. */
void console_unregister(struct console *con);

/* console_write - send raw text to every console, bypassing the log. */
void console_write(const char *s, size_t n);

/*
 * What shell commands print goes to the running thread's standard output
 * (or error), which the shell may point at a file or a pipe: a layer
 * above (the shell) registers how to write to a thread's descriptor.
 * console_output_register - install @out, which writes @n bytes of @s to
 * current's descriptor @fd: 0, -EBADF when current has no such
 * descriptor (then the consoles get the text), or another -errno when
 * the write failed.  console_out - write through it: 0 or that error.
 */
#define CONSOLE_STDOUT 1
#define CONSOLE_STDERR 2
void console_output_register(int (*out)(int fd, const char *s, size_t n));
int console_out(int fd, const char *s, size_t n);

/*
 * console_printf - format and send to standard output (above), bypassing
 * the log: what shell commands print.  console_eprintf - the same to
 * standard error, for their error messages.  At most
 * CONSOLE_PRINTF_MAX - 1 bytes a call: longer output is cut there and
 * ends with " [N more bytes cut]" and a newline.
 */
#define CONSOLE_PRINTF_MAX 512
void console_printf(const char *fmt, ...) __printf(1, 2);
void console_eprintf(const char *fmt, ...) __printf(1, 2);

/*
 * log_for_each - call @fn for each record still in the ring buffer, oldest
 * first, with its level, time stamp (ns) and text (no trailing newline).
 * Used by the framebuffer console's replay and the tests; readers that
 * keep their place between calls use log_read().
 */
void log_for_each(void (*fn)(void *arg, int level, uint64_t ns,
			     const char *text),
		  void *arg);

/* One record of the log, copied out by log_read(). */
#define LOG_LINE_MAX 512 /* bytes of a record's text, its NUL included */
struct log_record {
	uint64_t seq; /* its number: 0 for the first record since boot */
	uint64_t ns;  /* when it was logged */
	int level;    /* KERN_* number */
	int facility; /* syslog facility: 0 the kernel's, 1 LOG_USER */
	char text[LOG_LINE_MAX];
};

/*
 * log_first_seq - the number of the oldest record still in the buffer
 * (log_next_seq() if there is none).  log_next_seq - the number the next
 * record will get.  log_read - copy record @seq into @rec: 0; -EAGAIN if
 * it is not logged yet; -EPIPE if it was overwritten, @rec then being the
 * oldest record left.  Reading in order costs O(1) a record.  Safe from
 * any context; none sleeps.
 */
uint64_t log_first_seq(void);
uint64_t log_next_seq(void);
int log_read(uint64_t seq, struct log_record *rec);

/*
 * printk_emit - log @len bytes of @text as one record per line (the last
 * need not end in a newline) with @facility and @level, as Linux's
 * printk_emit() logs what is written to /dev/kmsg.  Returns @len.
 */
int printk_emit(int facility, int level, const char *text, size_t len);

/* log_format_stamp - write "[    s.micros] " for @ns into @buf (>= 16 bytes). */
int log_format_stamp(char *buf, size_t size, uint64_t ns);

#endif
