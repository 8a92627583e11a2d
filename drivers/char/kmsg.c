/*
 * /dev/kmsg: the kernel log as a file, in Linux's format.  Each read
 * gives one record, "PRIO,SEQ,TS_USEC,-;TEXT\n", from the reader's own
 * place in the log; each write logs one message, with an optional "<N>"
 * syslog prefix.  The records come from the printk layer by number.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

#include "internal.h"

#define LOG_USER_FACILITY 1 /* syslog's LOG_USER: what user space writes */
/* A record's text escaped (4 bytes a byte at most) and its header. */
#define KMSG_BUF_SIZE (LOG_LINE_MAX * 4 + 64)

/* One reader's place in the log, and room for the record it reads. */
struct devkmsg_user {
	uint64_t seq; /* the next record it reads */
	struct mutex lock;
	struct log_record rec;
	char buf[KMSG_BUF_SIZE];
};

/* @rec as Linux's /dev/kmsg gives it: "PRIO,SEQ,TS_USEC,-;" then the
 * text, bytes that are not printable (and '\') written as \xNN, and
 * "\n".  Returns its length in @buf. */
static size_t kmsg_format(const struct log_record *rec, char *buf)
{
	size_t n =
		(size_t)snprintf(buf, KMSG_BUF_SIZE, "%u,%llu,%llu,-;",
				 (unsigned int)(rec->facility << 3 |
						rec->level),
				 (unsigned long long)rec->seq,
				 (unsigned long long)(rec->ns / NSEC_PER_USEC));

	for (const char *p = rec->text; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < ' ' || c >= 127 || c == '\\')
			n += (size_t)snprintf(buf + n, KMSG_BUF_SIZE - n,
					      "\\x%02x", c);
		else
			buf[n++] = (char)c;
	}
	buf[n++] = '\n';
	return n;
}

/*
 * Wait for record @seq.  printk runs where no task may be woken (with
 * interrupts off, inside the scheduler), and Linux defers that wake-up
 * through irq_work, which Sprout does not have; so a blocked reader
 * looks again each tick.  0, or -ERESTARTSYS when a signal comes.
 */
static int kmsg_wait(uint64_t seq)
{
	while (log_next_seq() <= seq) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		schedule_timeout_interruptible(1);
	}
	return 0;
}

static ssize_t devkmsg_read(struct file *file, char __user *buf, size_t count,
			    loff_t *ppos)
{
	struct devkmsg_user *user = file->private_data;
	ssize_t ret;
	size_t len;

	if (!user)
		return -EBADF;
	ret = mutex_lock_at(&user->lock, TASK_INTERRUPTIBLE, _THIS_IP_);
	if (ret)
		return ret;
	ret = log_read(user->seq, &user->rec);
	while (ret == -EAGAIN && !(file->f_flags & O_NONBLOCK)) {
		ret = kmsg_wait(user->seq);
		if (!ret)
			ret = log_read(user->seq, &user->rec);
	}
	if (ret == -EPIPE) /* the reader's next record was overwritten */
		user->seq = user->rec.seq;
	if (ret)
		goto out;
	len = kmsg_format(&user->rec, user->buf);
	if (len > count) {
		ret = -EINVAL;
	} else if (copy_to_user(buf, user->buf, len)) {
		ret = -EFAULT;
	} else {
		user->seq = user->rec.seq + 1;
		ret = (ssize_t)len;
	}
out:
	mutex_unlock_at(&user->lock, _THIS_IP_);
	return ret;
}

/* A leading "<N>": N's low 3 bits are the level, the rest the facility
 * (the kernel's, 0, becomes LOG_USER, as Linux keeps user text apart). */
static const char *kmsg_prefix(const char *line, int *facility, int *level)
{
	unsigned int n = 0;
	const char *p = line + 1;

	if (line[0] != '<' || *p < '0' || *p > '9')
		return line;
	while (*p >= '0' && *p <= '9' && n < 1000000)
		n = n * 10 + (unsigned int)(*p++ - '0');
	if (*p != '>')
		return line;
	*level = (int)(n & 7);
	if (n >> 3)
		*facility = (int)(n >> 3);
	return p + 1;
}

static ssize_t devkmsg_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	int facility = LOG_USER_FACILITY, level = LOGLEVEL_DEFAULT;
	char line[LOG_LINE_MAX];
	const char *text;
	size_t len;

	if (count >= sizeof(line))
		return -EINVAL;
	if (copy_from_user(line, buf, count))
		return -EFAULT;
	line[count] = '\0';
	text = kmsg_prefix(line, &facility, &level);
	len = strlen(text);
	if (len && text[len - 1] == '\n')
		len--;
	printk_emit(facility, level, text, len);
	return (ssize_t)count;
}

/* SEEK_SET 0: back to the oldest record; SEEK_END 0: after the newest. */
static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;

	if (!user)
		return -EBADF;
	if (offset)
		return -ESPIPE;
	if (whence == SEEK_SET)
		user->seq = log_first_seq();
	else if (whence == SEEK_END)
		user->seq = log_next_seq();
	else
		return -EINVAL;
	return 0;
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;

	/* A writer keeps no place in the log. */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	user = kmalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	mutex_init_named(&user->lock, "devkmsg_user.lock");
	user->seq = log_first_seq();
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.read = devkmsg_read,
	.write = devkmsg_write,
	.llseek = devkmsg_llseek,
	.release = devkmsg_release,
};
