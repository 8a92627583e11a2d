/*
 * Pipes: a ring buffer between a read end and a write end, each an open
 * file on an anonymous inode, with Linux's rules -- PIPE_BUF-byte writes
 * kept whole, end of file once the writers are gone, -EPIPE and SIGPIPE
 * once the readers are, -EAGAIN for O_NONBLOCK -- so that the shell's
 * pipeline stages, each a thread, pass data as processes do on Linux.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/uaccess.h>

#define PIPE_SIZE (PIPE_PAGES * PAGE_SIZE) /* bytes the ring holds */

struct pipe_inode_info {
	struct mutex mutex;		/* the ring and the counts */
	struct wait_queue_head rd_wait; /* readers waiting for data */
	struct wait_queue_head wr_wait; /* writers waiting for room */
	unsigned int readers, writers;	/* open ends of each kind */
	size_t head, tail;		/* bytes ever written, read */
	char *buf;			/* PIPE_SIZE bytes */
};

static void pipe_lock(struct pipe_inode_info *pipe)
{
	mutex_lock_at(&pipe->mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void pipe_unlock(struct pipe_inode_info *pipe)
{
	mutex_unlock_at(&pipe->mutex, _THIS_IP_);
}

static size_t pipe_used(const struct pipe_inode_info *pipe)
{
	return __atomic_load_n(&pipe->head, __ATOMIC_ACQUIRE) -
	       __atomic_load_n(&pipe->tail, __ATOMIC_ACQUIRE);
}

/* Can a reader go on: data, or no writer left to bring any? */
static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return pipe_used(pipe) ||
	       !__atomic_load_n(&pipe->writers, __ATOMIC_ACQUIRE);
}

/* Can a writer go on: room for @need bytes, or no reader left? */
static bool pipe_writable(const struct pipe_inode_info *pipe, size_t need)
{
	return PIPE_SIZE - pipe_used(pipe) >= need ||
	       !__atomic_load_n(&pipe->readers, __ATOMIC_ACQUIRE);
}

/* Copy up to @count bytes out of the ring; bytes copied or -EFAULT. */
static ssize_t pipe_copy_out(struct pipe_inode_info *pipe, char __user *buf,
			     size_t count)
{
	size_t n = MIN(count, pipe_used(pipe)), off = pipe->tail % PIPE_SIZE;
	size_t first = MIN(n, PIPE_SIZE - off);

	if (copy_to_user(buf, pipe->buf + off, first) ||
	    copy_to_user(buf + first, pipe->buf, n - first))
		return -EFAULT;
	pipe->tail += n;
	return (ssize_t)n;
}

/* Copy up to @count bytes into the ring; bytes copied or -EFAULT. */
static ssize_t pipe_copy_in(struct pipe_inode_info *pipe,
			    const char __user *buf, size_t count)
{
	size_t n = MIN(count, PIPE_SIZE - pipe_used(pipe));
	size_t off = pipe->head % PIPE_SIZE, first = MIN(n, PIPE_SIZE - off);

	if (copy_from_user(pipe->buf + off, buf, first) ||
	    copy_from_user(pipe->buf, buf + first, n - first))
		return -EFAULT;
	pipe->head += n;
	return (ssize_t)n;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	ssize_t ret;

	for (;;) {
		pipe_lock(pipe);
		ret = pipe_used(pipe) ? pipe_copy_out(pipe, buf, count) : 0;
		if (!ret && pipe->writers && count)
			ret = -EAGAIN; /* nothing yet: wait below */
		pipe_unlock(pipe);
		if (ret > 0)
			wake_up_all(&pipe->wr_wait);
		if (ret != -EAGAIN || (file->f_flags & O_NONBLOCK))
			return ret;
		ret = wait_event_interruptible(pipe->rd_wait,
					       pipe_readable(pipe));
		if (ret)
			return ret;
	}
}

static ssize_t pipe_write(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	/* A write of at most PIPE_BUF bytes waits for room for all of it. */
	size_t done = 0, need = count <= PIPE_BUF ? count : 1;
	ssize_t ret = 0;

	while (done < count) {
		pipe_lock(pipe);
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			ret = -EPIPE;
		} else if (PIPE_SIZE - pipe_used(pipe) >= need) {
			ret = pipe_copy_in(pipe, buf + done, count - done);
		}
		pipe_unlock(pipe);
		if (ret < 0)
			break;
		if (ret > 0) {
			done += (size_t)ret;
			wake_up_all(&pipe->rd_wait);
			ret = 0;
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		ret = wait_event_interruptible(pipe->wr_wait,
					       pipe_writable(pipe, need));
		if (ret)
			break;
	}
	return done ? (ssize_t)done : ret;
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool last;

	pipe_lock(pipe);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	pipe_unlock(pipe);
	if (!last) {
		/* The other end's sleepers see EOF or EPIPE now. */
		wake_up_all(&pipe->rd_wait);
		wake_up_all(&pipe->wr_wait);
		return 0;
	}
	kfree(pipe->buf);
	kfree(pipe);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init_named(&pipe->mutex, "pipe");
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	return pipe;
}

int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();
	struct inode *inode = pipe ? anon_new_inode(S_IFIFO | 0600) : NULL;
	int ret = -ENOMEM;

	if (!inode)
		goto out_free_pipe;
	inode->i_private = pipe;
	ret = anon_file_alloc(inode, "pipe:", O_RDONLY | (flags & O_NONBLOCK),
			      &pipefifo_fops, &res[0]);
	if (ret)
		goto out_put_inode;
	ret = anon_file_alloc(inode, "pipe:", O_WRONLY | (flags & O_NONBLOCK),
			      &pipefifo_fops, &res[1]);
	if (ret)
		goto out_put_reader;
	res[0]->private_data = res[1]->private_data = pipe;
	anon_iput(inode);
	return 0;
out_put_reader:
	res[0]->f_op = NULL; /* the pipe is freed here, not by release */
	fput(res[0]);
out_put_inode:
	anon_iput(inode);
out_free_pipe:
	if (pipe)
		kfree(pipe->buf);
	kfree(pipe);
	return ret;
}
EXPORT_SYMBOL(create_pipe_files);

int do_pipe_flags(int *fd, int flags)
{
	struct file *files[2];
	int ret = create_pipe_files(files, flags);

	if (ret)
		return ret;
	fd[0] = get_unused_fd_flags((unsigned int)flags);
	if (fd[0] >= 0)
		fd_install((unsigned int)fd[0], files[0]);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags((unsigned int)flags);
	if (fd[1] < 0) {
		ret = fd[1];
		if (fd[0] >= 0)
			close_fd(fd[0]);
		else
			fput(files[0]);
		fput(files[1]);
		return ret;
	}
	fd_install((unsigned int)fd[1], files[1]);
	return 0;
}
EXPORT_SYMBOL(do_pipe_flags);
