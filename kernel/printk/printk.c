/*
 * The kernel log: a ring buffer of variable-length records, each with its
 * level and time stamp, kept for dmesg and echoed to the consoles.  Partial
 * lines (pr_cont, or text without a newline) are joined before they are
 * stored, as Linux does.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h> /* NSEC_PER_SEC */
#include <kernel/x86.h>

#define LOG_BUF_SIZE (128 * 1024)
#define LINE_MAX LOG_LINE_MAX

/* A stored record; text follows the header, NUL-terminated. */
struct log_rec {
	uint16_t size; /* whole record, header included, 8-byte multiple; 0 = wrap */
	uint8_t level;
	uint8_t facility;
	uint8_t pad[4];
	uint64_t ns;
	uint64_t seq; /* its number: the records stored before it */
	char text[];
};

static char log_buf[LOG_BUF_SIZE] __aligned(8);
static size_t log_head;	    /* offset of the oldest record */
static size_t log_tail;	    /* offset where the next record goes */
static size_t log_count;    /* records in the buffer */
static uint64_t log_seq;    /* the number the next record gets */
static size_t log_hint_off; /* where record log_hint_seq is, for readers */
static uint64_t log_hint_seq = ~0ull;

static char cont_buf[LINE_MAX]; /* a line still being assembled */
static size_t cont_len;
static int cont_level;
static int cont_facility;
static uint64_t cont_ns;

static LIST_HEAD(consoles);
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct log_rec *rec_at(size_t off)
{
	return (struct log_rec *)(log_buf + off);
}

/* The offset after the record at @off, following a wrap marker. */
static size_t rec_next(size_t off)
{
	off += rec_at(off)->size;
	if (off >= LOG_BUF_SIZE || rec_at(off)->size == 0)
		off = 0;
	return off;
}

static void log_drop_oldest(void)
{
	if (rec_at(log_head)->seq == log_hint_seq)
		log_hint_seq = ~0ull;
	log_head = rec_next(log_head);
	if (--log_count == 0)
		log_head = log_tail;
}

static void log_store(int facility, int level, uint64_t ns, const char *text,
		      size_t len)
{
	size_t size = ALIGN_UP(sizeof(struct log_rec) + len + 1, 8);
	struct log_rec *r;

	if (log_tail + size > LOG_BUF_SIZE) {
		/*
		 * No room before the end: drop the records up there, leave a
		 * wrap marker and continue at the start.
		 */
		while (log_count && log_head >= log_tail)
			log_drop_oldest();
		if (log_tail < LOG_BUF_SIZE)
			rec_at(log_tail)->size = 0;
		log_tail = 0;
	}
	while (log_count && log_head >= log_tail && log_tail + size > log_head)
		log_drop_oldest();
	if (!log_count)
		log_head = log_tail;
	r = rec_at(log_tail);
	r->size = (uint16_t)size;
	r->level = (uint8_t)level;
	r->facility = (uint8_t)facility;
	r->ns = ns;
	r->seq = log_seq++;
	memcpy(r->text, text, len);
	r->text[len] = '\0';
	log_tail += size;
	log_count++;
}

void log_for_each(void (*fn)(void *arg, int level, uint64_t ns,
			     const char *text),
		  void *arg)
{
	size_t off = log_head;

	for (size_t i = 0; i < log_count; i++) {
		fn(arg, rec_at(off)->level, rec_at(off)->ns, rec_at(off)->text);
		off = rec_next(off);
	}
}

uint64_t log_first_seq(void)
{
	return log_count ? rec_at(log_head)->seq : log_seq;
}

uint64_t log_next_seq(void)
{
	return log_seq;
}

/* The offset of record @seq, which is in the buffer.  Readers go in
 * order, so the offset after the last one read is tried first. */
static size_t log_find(uint64_t seq)
{
	size_t off = log_head;

	if (seq == log_hint_seq)
		return log_hint_off;
	for (uint64_t s = rec_at(log_head)->seq; s < seq; s++)
		off = rec_next(off);
	return off;
}

int log_read(uint64_t seq, struct log_record *rec)
{
	uint64_t flags = irq_save();
	uint64_t first = log_first_seq();
	struct log_rec *r;
	size_t off;
	int ret = 0;

	if (seq >= log_seq) {
		ret = -EAGAIN;
	} else {
		if (seq < first)
			ret = -EPIPE;
		off = log_find(MAX(seq, first));
		r = rec_at(off);
		rec->seq = r->seq;
		rec->ns = r->ns;
		rec->level = r->level;
		rec->facility = r->facility;
		strlcpy(rec->text, r->text, sizeof(rec->text));
		/* The next record is only certain to stay where rec_next()
		 * says once it is written: a wrap may come first. */
		log_hint_seq = r->seq + 1 < log_seq ? r->seq + 1 : ~0ull;
		log_hint_off = rec_next(off);
	}
	irq_restore(flags);
	return ret;
}

int log_format_stamp(char *buf, size_t size, uint64_t ns)
{
	return snprintf(buf, size, "[%5llu.%06llu] ", ns / NSEC_PER_SEC,
			(ns % NSEC_PER_SEC) / NSEC_PER_USEC);
}

/* Where time stamps come from: none (0) until the clock registers. */
static uint64_t (*log_clock)(void);

void printk_set_clock(uint64_t (*clock)(void))
{
	log_clock = clock;
}

static uint64_t log_now(void)
{
	return log_clock ? log_clock() : 0;
}

/* excerpt: console-register */
void console_register(struct console *con)
{
	list_add(&con->list, &consoles);
}

void console_write(const char *s, size_t n)
{
	struct console *c;

	list_for_each_entry(c, &consoles, list)
		c->write(c, s, n);
}
/* excerpt-end: console-register */

void console_unregister(struct console *con)
{
	list_del(&con->list);
}

void console_printf(const char *fmt, ...)
{
	char buf[CONSOLE_PRINTF_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(buf)) {
		console_write(buf, (size_t)n);
		return;
	}
	/* Cut: say so, and end the line, so the next prompt starts its own. */
	console_write(buf, sizeof(buf) - 1);
	n = snprintf(buf, sizeof(buf), " [%d more bytes cut]\n",
		     n - (int)(sizeof(buf) - 1));
	console_write(buf, (size_t)n);
}
EXPORT_SYMBOL(console_printf);

/* excerpt: cont-flush */
/* Store and print the assembled line, if there is one. */
static void cont_flush(void)
{
	char stamp[32];
	int n;

	if (!cont_len)
		return;
	log_store(cont_facility, cont_level, cont_ns, cont_buf, cont_len);
	if (cont_level < console_loglevel) {
		n = log_format_stamp(stamp, sizeof(stamp), cont_ns);
		console_write(stamp, (size_t)n);
		console_write(cont_buf, cont_len);
		console_write("\n", 1);
	}
	cont_len = 0;
}
/* excerpt-end: cont-flush */

/* Add text (no newlines) to the line being assembled. */
static void cont_add(const char *s, size_t n)
{
	n = MIN(n, sizeof(cont_buf) - cont_len);
	memcpy(cont_buf + cont_len, s, n);
	cont_len += n;
}

/* Split off a leading KERN_* marker; returns the level or -1 for KERN_CONT. */
static int parse_level(const char **text)
{
	const char *s = *text;

	if (s[0] != KERN_SOH[0] || !s[1])
		return LOGLEVEL_DEFAULT;
	*text = s + 2;
	if (s[1] == 'c')
		return -1;
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	return LOGLEVEL_DEFAULT;
}

/* excerpt: vprintk */
int vprintk(const char *fmt, va_list ap)
{
	static char buf[LINE_MAX * 2];
	const char *text = buf, *nl;
	uint64_t flags = irq_save();
	int level, len;

	vsnprintf(buf, sizeof(buf), fmt, ap);
	level = parse_level(&text);
	if (level >= 0) {
		cont_flush();
		cont_level = level;
		cont_ns = log_now();
	} else if (!cont_len) {
		cont_ns = log_now();
	}
	len = (int)strlen(text);
	while ((nl = strchr(text, '\n')) != NULL) {
		cont_add(text, (size_t)(nl - text));
		cont_flush();
		text = nl + 1;
		cont_ns = log_now();
	}
	cont_add(text, strlen(text));
	irq_restore(flags);
	return len;
}
EXPORT_SYMBOL(vprintk);
/* excerpt-end: vprintk */

int printk_emit(int facility, int level, const char *text, size_t len)
{
	uint64_t flags = irq_save();
	const char *end = text + len, *nl;

	cont_flush();
	cont_facility = facility;
	cont_level = level;
	cont_ns = log_now();
	while ((nl = memchr(text, '\n', (size_t)(end - text))) != NULL) {
		cont_add(text, (size_t)(nl - text));
		cont_flush();
		text = nl + 1;
		cont_ns = log_now();
	}
	cont_add(text, (size_t)(end - text));
	cont_flush(); /* a whole record, newline or not */
	cont_facility = 0;
	irq_restore(flags);
	return (int)len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
EXPORT_SYMBOL(printk);

static int __init loglevel_setup(const char *val)
{
	unsigned long long level;

	if (!val || kstrtoull(val, 10, &level) || level > 8)
		return -EINVAL;
	console_loglevel = (int)level;
	return 0;
}
early_param("loglevel", loglevel_setup);
