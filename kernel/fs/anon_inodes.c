/*
 * Open files that have no name in any directory: a pipe's two ends, the
 * console the shell hands its commands.  Each gets an inode of an internal
 * file system that is mounted nowhere (Linux's anon_inodefs and pipefs),
 * so that every file, named or not, has a path and an inode to hold.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static struct file_system_type anon_inode_fs_type = {
	.name = "anon_inodefs",
	.fs_flags = FS_SINGLE,
	.fill_super = simple_fill_super,
	.kill_sb = kill_litter_super,
};

static struct vfsmount *anon_inode_mnt;

struct inode *anon_new_inode(umode_t mode)
{
	struct inode *inode;

	vfs_lock_acquire();
	inode = new_inode(anon_inode_mnt->mnt_sb);
	vfs_lock_release();
	if (inode)
		inode->i_mode = mode;
	return inode;
}

void anon_iput(struct inode *inode)
{
	vfs_lock_acquire();
	iput(inode);
	vfs_lock_release();
}

int anon_file_alloc(struct inode *inode, const char *name, int flags,
		    const struct file_operations *fops, struct file **out)
{
	struct qstr q = { name, (unsigned int)strlen(name) };
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	struct dentry *d = NULL;

	vfs_lock_acquire();
	if (f)
		d = d_alloc(anon_inode_mnt->mnt_root, &q);
	if (d) {
		/* The dentry and the file each hold the inode. */
		inode->i_count += 2;
		d_instantiate(d, inode);
		f->f_path.mnt = anon_inode_mnt;
		f->f_path.dentry = d;
		mnt_get(anon_inode_mnt);
	}
	vfs_lock_release();
	if (!d) {
		kfree(f);
		return -ENOMEM;
	}
	f->f_inode = inode;
	f->f_op = fops_get(fops);
	f->f_flags = flags;
	f->f_mode = (flags & O_ACCMODE) == O_RDONLY ? FMODE_READ :
		    (flags & O_ACCMODE) == O_WRONLY ? FMODE_WRITE :
						      FMODE_READ | FMODE_WRITE;
	f->f_count = 1;
	*out = f;
	return 0;
}

int anon_file_open(const char *name, const struct file_operations *fops,
		   void *priv, int flags, struct file **out)
{
	struct inode *inode = anon_new_inode(S_IRUSR | S_IWUSR);
	int ret;

	if (!inode)
		return -ENOMEM;
	inode->i_fop = fops;
	ret = anon_file_alloc(inode, name, flags, fops, out);
	anon_iput(inode); /* the file has its own reference */
	if (!ret)
		(*out)->private_data = priv;
	return ret;
}
EXPORT_SYMBOL(anon_file_open);

/* Before any thread can ask for a pipe or the shell for its console. */
static int __init anon_inode_init(void)
{
	return kern_mount(&anon_inode_fs_type, &anon_inode_mnt);
}
fs_initcall(anon_inode_init);
