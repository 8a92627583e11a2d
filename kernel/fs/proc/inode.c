/*
 * The file operations behind every /proc file.  proc_ops has no owner, so
 * a module's file cannot pin the module; instead each call counts itself
 * in its entry, and removal waits for those counted calls, releases the
 * files still open and makes their later calls fail (Linux's use_pde()).
 */
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include "internal.h"

struct proc_dir_entry proc_root = {
	.refcnt = REFCOUNT_INIT(1),
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
	.openers = LIST_HEAD_INIT(proc_root.openers),
	.mode = S_IFDIR | 0555,
	.parent = &proc_root,
	.name = "/proc",
};

struct mutex proc_subdir_lock = MUTEX_INITIALIZER(proc_subdir_lock);

/* in_use and removing of every entry; openers lists too. */
static struct spinlock pde_lock = SPINLOCK_UNLOCKED;

/*
 * poll's answers without a proc_poll: Linux's DEFAULT_POLLMASK (EPOLLIN |
 * EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM), and EPOLLERR once the entry is
 * gone (include/uapi/linux/eventpoll.h's values).
 */
#define PROC_POLL_DEFAULT (0x0001u | 0x0004u | 0x0040u | 0x0100u)
#define PROC_POLL_GONE 0x0008u

/* A file whose release must run, at its close or at the removal. */
struct pde_opener {
	struct file *file;
	struct list_head node;
};

void pde_put(struct proc_dir_entry *de)
{
	if (refcount_dec_and_test(&de->refcnt))
		kfree(de);
}

/* excerpt: use-pde */
static bool use_pde(struct proc_dir_entry *de)
{
	bool ok;

	spinlock_lock(&pde_lock);
	ok = !de->removing;
	if (ok)
		de->in_use++;
	spinlock_unlock(&pde_lock);
	return ok;
}

static void unuse_pde(struct proc_dir_entry *de)
{
	spinlock_lock(&pde_lock);
	if (!--de->in_use && de->removed)
		complete(de->removed);
	spinlock_unlock(&pde_lock);
}
/* excerpt-end: use-pde */

static struct proc_dir_entry *PDE(const struct inode *inode)
{
	return inode->i_private;
}

void *pde_data(const struct inode *inode)
{
	return PDE(inode)->data;
}
EXPORT_SYMBOL(pde_data);

/*
 * Take @file's opener off @de's list, counting the release about to run
 * as a call in progress: true if its release is still due.
 */
static bool pde_opener_take(struct proc_dir_entry *de, struct file *file)
{
	struct pde_opener *op, *found = NULL;

	spinlock_lock(&pde_lock);
	list_for_each_entry(op, &de->openers, node)
		if (op->file == file) {
			found = op;
			list_del(&op->node);
			de->in_use++;
			break;
		}
	spinlock_unlock(&pde_lock);
	kfree(found);
	return found;
}

static int pde_release(struct proc_dir_entry *de, struct inode *inode,
		       struct file *file)
{
	if (de->seq_ops)
		return de->state_size ? seq_release_private(inode, file) :
					seq_release(inode, file);
	if (de->single_show)
		return single_release(inode, file);
	return de->proc_ops->proc_release(inode, file);
}

static bool pde_has_release(const struct proc_dir_entry *de)
{
	return de->seq_ops || de->single_show || de->proc_ops->proc_release;
}

static int pde_open(struct proc_dir_entry *de, struct inode *inode,
		    struct file *file)
{
	if (de->seq_ops && de->state_size)
		return __seq_open_private(file, de->seq_ops, de->state_size) ?
			       0 :
			       -ENOMEM;
	if (de->seq_ops) {
		int err = seq_open(file, de->seq_ops);

		if (!err)
			((struct seq_file *)file->private_data)->private =
				de->data;
		return err;
	}
	if (de->single_show)
		return single_open(file, de->single_show, de->data);
	return de->proc_ops->proc_open ? de->proc_ops->proc_open(inode, file) :
					 0;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	struct pde_opener *op = NULL;
	int err;

	if (!use_pde(de))
		return -ENOENT;
	if (pde_has_release(de)) {
		op = kmalloc(sizeof(*op), GFP_KERNEL);
		if (!op) {
			unuse_pde(de);
			return -ENOMEM;
		}
	}
	err = pde_open(de, inode, file);
	if (!err && op) {
		op->file = file;
		spinlock_lock(&pde_lock);
		list_add_tail(&op->node, &de->openers);
		spinlock_unlock(&pde_lock);
	} else {
		kfree(op);
	}
	unuse_pde(de);
	return err;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	int ret = 0;

	/* Released already if the entry was removed while open. */
	if (pde_opener_take(de, file)) {
		ret = pde_release(de, inode, file);
		unuse_pde(de);
	}
	return ret;
}

/* excerpt: proc-reg-read */
static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count,
			     loff_t *pos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	ssize_t ret = -EIO;

	if (!use_pde(de))
		return de->gone_err;
	if (de->seq_ops || de->single_show)
		ret = seq_read(file, buf, count, pos);
	else if (de->proc_ops->proc_read)
		ret = de->proc_ops->proc_read(file, buf, count, pos);
	unuse_pde(de);
	return ret;
}
/* excerpt-end: proc-reg-read */

static ssize_t proc_reg_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *pos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	ssize_t ret = -EIO;

	if (!use_pde(de))
		return de->gone_err;
	if (de->proc_ops && de->proc_ops->proc_write)
		ret = de->proc_ops->proc_write(file, buf, count, pos);
	unuse_pde(de);
	return ret;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	loff_t ret;

	if (!use_pde(de))
		return de->gone_err;
	if (de->seq_ops || de->single_show)
		ret = seq_lseek(file, offset, whence);
	else if (de->proc_ops->proc_lseek)
		ret = de->proc_ops->proc_lseek(file, offset, whence);
	else
		ret = default_llseek(file, offset, whence);
	unuse_pde(de);
	return ret;
}

static unsigned int proc_reg_poll(struct file *file,
				  struct poll_table_struct *pt)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	unsigned int ret = PROC_POLL_DEFAULT;

	if (!use_pde(de))
		return PROC_POLL_GONE;
	if (de->proc_ops && de->proc_ops->proc_poll)
		ret = de->proc_ops->proc_poll(file, pt);
	unuse_pde(de);
	return ret;
}

static long proc_reg_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	long ret = -ENOTTY;

	if (!use_pde(de))
		return de->gone_err;
	if (de->proc_ops && de->proc_ops->proc_ioctl)
		ret = de->proc_ops->proc_ioctl(file, cmd, arg);
	unuse_pde(de);
	return ret;
}

const struct file_operations proc_reg_file_ops = {
	.open = proc_reg_open,
	.release = proc_reg_release,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.llseek = proc_reg_llseek,
	.poll = proc_reg_poll,
	.unlocked_ioctl = proc_reg_ioctl,
};

/* excerpt: proc-entry-drain */
/* Sleep until no call into @de is in progress. */
static void pde_wait_unused(struct proc_dir_entry *de)
{
	struct completion done;
	bool wait;

	do {
		init_completion(&done);
		spinlock_lock(&pde_lock);
		wait = de->in_use > 0;
		de->removed = wait ? &done : NULL;
		spinlock_unlock(&pde_lock);
		if (wait)
			wait_for_completion(&done);
	} while (wait);
}

void proc_entry_drain(struct proc_dir_entry *de)
{
	struct pde_opener *op;

	spinlock_lock(&pde_lock);
	de->removing = true;
	spinlock_unlock(&pde_lock);
	pde_wait_unused(de);
	for (;;) {
		spinlock_lock(&pde_lock);
		op = list_first_entry_or_null(&de->openers, struct pde_opener,
					      node);
		if (op)
			list_del(&op->node);
		spinlock_unlock(&pde_lock);
		if (!op)
			break;
		pde_release(de, op->file->f_inode, op->file);
		kfree(op);
	}
	/* A close that took its own opener meanwhile is still releasing. */
	pde_wait_unused(de);
}
/* excerpt-end: proc-entry-drain */

static void proc_evict_inode(struct inode *inode)
{
	if (inode->i_private && inode->i_fop == &proc_reg_file_ops)
		pde_put(PDE(inode));
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
};

int proc_fill_super(struct super_block *sb)
{
	sb->s_op = &proc_sops;
	return simple_fill_super(sb);
}
