/*
 * seq_file: a file whose contents are produced record by record into a
 * kernel buffer and copied out from there, so that reads of any size at
 * any offset see the same bytes.  Linux's API and semantics
 * (fs/seq_file.c), for /proc files and drivers' own.
 */
#ifndef KERNEL_SEQ_FILE_H
#define KERNEL_SEQ_FILE_H

#include <kernel/fs.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/string.h>
#include <kernel/types.h>

struct seq_file;

/*
 * The iterator a file gives: start(m, pos) the record at *pos (or NULL at
 * the end, or an ERR_PTR), next() the one after @v, advancing *pos,
 * stop() after the last call of a batch, show() writes record @v with
 * seq_printf() and friends; a show() returning SEQ_SKIP leaves its output
 * out, a negative value is the read's error.
 */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP 1
/* start() may give this for the header line before the first record. */
#define SEQ_START_TOKEN ((void *)1)

struct seq_file {
	char *buf;
	size_t size;	   /* of buf; doubled when one record does not fit */
	size_t from;	   /* the first byte of buf not yet read */
	size_t count;	   /* bytes in buf from @from; size means overflow */
	loff_t index;	   /* the record the next batch starts at */
	loff_t read_pos;   /* the file offset of buf[from] */
	struct mutex lock; /* one read or seek at a time */
	const struct seq_operations *op;
	struct file *file;
	void *private;
};

/*
 * seq_open - make @file a seq_file over @op; private_data becomes the
 * struct seq_file.  0 or -ENOMEM.  seq_release - free it (the file's
 * release).  seq_read - copy up to @size bytes at *@ppos to the user
 * buffer @buf with copy_to_user(), making records as needed: the bytes
 * copied, 0 at the end, -EFAULT, -ENOMEM or a show()'s error.
 * seq_lseek - SEEK_SET or SEEK_CUR to a new offset (the records before
 * it are made again); the offset or -EINVAL.  Each sleeps on m->lock.
 */
int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size,
		 loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

/*
 * single_open - a seq_file of one record: @show(m, v) is called with
 * m->private set to @data and writes the whole file.  single_open_size -
 * the same with a first buffer of @size bytes (for a large file that
 * would otherwise be shown again at each doubling).  0 or -ENOMEM.
 * single_release - the release of such a file.
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data);
int single_open_size(struct file *file, int (*show)(struct seq_file *, void *),
		     void *data, size_t size);
int single_release(struct inode *inode, struct file *file);

/*
 * __seq_open_private - seq_open() with m->private a zeroed allocation of
 * @psize bytes, which is returned (NULL without memory).
 * seq_release_private - the release that frees it too.
 */
void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize);
int seq_release_private(struct inode *inode, struct file *file);

/*
 * Output for show(): formatted, a string, a byte, @len raw bytes.  What
 * does not fit sets the overflow mark (seq_has_overflowed()); seq_read()
 * then shows the record again with a bigger buffer.  Never sleep.
 */
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
int seq_write(struct seq_file *m, const void *data, size_t len);

/* seq_has_overflowed - did the current record's output not fit? */
static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/*
 * For a list_head list: seq_list_start gives the @pos'th entry's
 * list_head (or NULL), seq_list_start_head the head itself at 0 (for a
 * header line) then the entries, seq_list_next the entry after @v,
 * advancing *@ppos.  The caller holds the list's lock from start() to
 * stop().
 */
struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos);

#endif
