/*
 * seq_file, as Linux's: records made by a file's iterator into one kernel
 * buffer, copied out from there.  A record that does not fit is made
 * again with a buffer twice as big; a read at another offset than the
 * last one ended at makes the records from the start again, so every
 * read sees the bytes one big read would.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/seq_file.h>
#include <kernel/slab.h>
#include <kernel/uaccess.h>
#include <linux/err.h>

static void seq_lock(struct seq_file *m)
{
	mutex_lock_at(&m->lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void seq_unlock(struct seq_file *m)
{
	mutex_unlock_at(&m->lock, _THIS_IP_);
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	mutex_init_named(&m->lock, "seq_file");
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}
EXPORT_SYMBOL(seq_open);

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}
EXPORT_SYMBOL(seq_release);

/* excerpt: seq-grow */
/* A buffer twice the size (a page the first time), the old one freed. */
static int seq_grow(struct seq_file *m)
{
	size_t size = m->size ? 2 * m->size : PAGE_SIZE;
	char *buf = kmalloc(size, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(m->buf);
	m->buf = buf;
	m->size = size;
	return 0;
}
/* excerpt-end: seq-grow */

/* excerpt: seq-fill */
/* Show @v; false (its output dropped) if it did not fit. */
static int seq_show_one(struct seq_file *m, void *v, bool *fits)
{
	size_t before = m->count;
	int err = m->op->show(m, v);

	*fits = !seq_has_overflowed(m);
	if (err > 0 || !*fits)
		m->count = before; /* SEQ_SKIP, or shown again later */
	return err < 0 ? err : 0;
}

/*
 * Fill the empty buffer with the records from m->index on, as many as
 * fit; a first record too big for it is made again with a bigger one.
 * m->count stays 0 at the end of the file.
 */
static int seq_fill(struct seq_file *m)
{
	bool fits;
	void *p;
	int err = 0;

	if (!m->buf && seq_grow(m))
		return -ENOMEM;
	m->from = 0;
	m->count = 0;
	p = m->op->start(m, &m->index);
	while (p && !IS_ERR(p)) {
		err = seq_show_one(m, p, &fits);
		if (err)
			break;
		if (!fits && m->count)
			break; /* the rest in the next batch */
		if (!fits) {
			m->op->stop(m, p);
			err = seq_grow(m);
			if (err)
				return err;
			p = m->op->start(m, &m->index);
			continue;
		}
		p = m->op->next(m, p, &m->index);
	}
	if (IS_ERR(p))
		err = PTR_ERR(p);
	m->op->stop(m, p);
	return err;
}
/* excerpt-end: seq-fill */

/* excerpt: seq-traverse */
/* Make the records again from the start and skip to the offset @pos. */
static int seq_traverse(struct seq_file *m, loff_t pos)
{
	int err;

	m->index = 0;
	m->count = 0;
	m->read_pos = 0;
	while (m->read_pos < pos) {
		size_t skip;

		err = seq_fill(m);
		if (err)
			return err;
		if (!m->count)
			break; /* past the end: reads there give 0 */
		skip = MIN((loff_t)m->count, pos - m->read_pos);
		m->from += skip;
		m->count -= skip;
		m->read_pos += skip;
	}
	m->read_pos = pos;
	return 0;
}
/* excerpt-end: seq-traverse */

/* excerpt: seq-read */
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t copied = 0;
	int err = 0;

	seq_lock(m);
	if (*ppos != m->read_pos)
		err = seq_traverse(m, *ppos);
	while (!err && copied < size) {
		size_t n, left;

		if (!m->count) {
			err = seq_fill(m);
			if (err || !m->count)
				break;
		}
		n = MIN(m->count, size - copied);
		left = copy_to_user(buf + copied, m->buf + m->from, n);
		m->from += n - left;
		m->count -= n - left;
		copied += n - left;
		if (left)
			err = -EFAULT;
	}
	m->read_pos += copied;
	*ppos = m->read_pos;
	seq_unlock(m);
	return copied ? (ssize_t)copied : err;
}
EXPORT_SYMBOL(seq_read);
/* excerpt-end: seq-read */

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;

	seq_lock(m);
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	if ((whence == SEEK_SET || whence == SEEK_CUR) && offset >= 0) {
		ret = offset == m->read_pos ? 0 : seq_traverse(m, offset);
		if (!ret)
			ret = file->f_pos = offset;
		else
			m->read_pos = -1; /* the next read starts over */
	}
	seq_unlock(m);
	return ret;
}
EXPORT_SYMBOL(seq_lseek);

static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_operations *op = kzalloc(sizeof(*op), GFP_KERNEL);
	int err;

	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}
EXPORT_SYMBOL(single_open);

int single_open_size(struct file *file, int (*show)(struct seq_file *, void *),
		     void *data, size_t size)
{
	char *buf = kmalloc(size, GFP_KERNEL);
	struct seq_file *m;
	int err;

	if (!buf)
		return -ENOMEM;
	err = single_open(file, show, data);
	if (err) {
		kfree(buf);
		return err;
	}
	m = file->private_data;
	m->buf = buf;
	m->size = size;
	return 0;
}
EXPORT_SYMBOL(single_open_size);

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op =
		((struct seq_file *)file->private_data)->op;

	seq_release(inode, file);
	kfree((void *)op);
	return 0;
}
EXPORT_SYMBOL(single_release);

void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize)
{
	void *private = kzalloc(psize, GFP_KERNEL);

	if (!private)
		return NULL;
	if (seq_open(file, op)) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}
EXPORT_SYMBOL(__seq_open_private);

int seq_release_private(struct inode *inode, struct file *file)
{
	kfree(((struct seq_file *)file->private_data)->private);
	return seq_release(inode, file);
}
EXPORT_SYMBOL(seq_release_private);

void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room = m->size - m->count;
	int len;

	if (!room)
		return;
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	m->count = (size_t)len < room ? m->count + len : m->size;
}
EXPORT_SYMBOL(seq_vprintf);

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(seq_printf);

int seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->size - m->count <= len) {
		m->count = m->size;
		return -1;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	return 0;
}
EXPORT_SYMBOL(seq_write);

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}
EXPORT_SYMBOL(seq_puts);

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}
EXPORT_SYMBOL(seq_putc);

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *lh;

	list_for_each(lh, head)
		if (pos-- == 0)
			return lh;
	return NULL;
}
EXPORT_SYMBOL(seq_list_start);

struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
	return pos ? seq_list_start(head, pos - 1) : head;
}
EXPORT_SYMBOL(seq_list_start_head);

struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
EXPORT_SYMBOL(seq_list_next);
