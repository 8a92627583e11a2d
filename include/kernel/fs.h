/*
 * The VFS: super blocks, inodes, dentries, mounts and open files, with
 * Linux's names and roles, so that a file system or a driver written for
 * Linux fills the same operation tables.  Every name lookup goes through
 * one path walk (kernel/fs/namei.c); each thread has its own table of
 * open files and its own working directory.
 */
#ifndef KERNEL_FS_H
#define KERNEL_FS_H

#include <kernel/kdev_t.h>
#include <kernel/list.h>
#include <kernel/module.h>
#include <kernel/mutex.h>
#include <kernel/types.h>

#ifndef __user
#define __user /* a pointer the caller gave; no user space yet */
#endif

typedef long long loff_t;
typedef unsigned short umode_t;

/* Linux's limits (include/uapi/linux/limits.h, fs/namei.c). */
#define NAME_MAX 255	   /* bytes in one path component */
#define PATH_MAX 4096	   /* bytes in a path, its final NUL included */
#define MAXSYMLINKS 40	   /* symbolic links one walk may follow */
#define NR_OPEN_DEFAULT 64 /* open files a thread may hold */

/* File types and permission bits: POSIX's octal values, as Linux's. */
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100

/* open() flags: Linux's x86 values (include/uapi/asm-generic/fcntl.h). */
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* What a file may be opened for (f_mode), from O_ACCMODE. */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2

/* Path walk flags (Linux's LOOKUP_*). */
#define LOOKUP_FOLLOW 0x0001	/* follow a symbolic link at the end */
#define LOOKUP_DIRECTORY 0x0002 /* the end must be a directory */

struct file;
struct inode;
struct dentry;
struct module;
struct super_block;
struct vfsmount;
struct poll_table_struct;
struct cdev;

/* A name and its length, as the walk cuts it out of a path. */
struct qstr {
	const char *name;
	unsigned int len;
};

/* A place in the name space: a dentry seen through one mount. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
};

/*
 * A directory's operations, and a file's setattr (truncation); each is
 * called with vfs_lock held.  No lookup: a directory's dentries are all
 * in memory (the file systems so far keep nothing elsewhere).
 */
struct inode_operations {
	int (*create)(struct inode *, struct dentry *, umode_t, bool);
	int (*mkdir)(struct inode *, struct dentry *, umode_t);
	int (*unlink)(struct inode *, struct dentry *);
	int (*rmdir)(struct inode *, struct dentry *);
	int (*symlink)(struct inode *, struct dentry *, const char *);
	int (*setattr)(struct dentry *, loff_t size);
	int (*link)(struct dentry *, struct inode *, struct dentry *);
};

struct super_operations {
	/* The last reference to an unlinked inode is gone: free its data. */
	void (*evict_inode)(struct inode *);
};

struct super_block {
	struct file_system_type *s_type;
	unsigned int s_active; /* mounts of it, kern_mount()'s included */
	const struct super_operations *s_op;
	struct dentry *s_root;
	unsigned long s_next_ino; /* the next i_ino to give */
	dev_t s_dev;		  /* anonymous: major 0, a minor each */
	void *s_fs_info;
};

struct inode {
	umode_t i_mode;
	unsigned int i_nlink; /* names (dentries) it has */
	unsigned int i_count; /* references: dentries and open files */
	unsigned long i_ino;
	loff_t i_size;
	dev_t i_rdev;	     /* a device file's device number */
	struct cdev *i_cdev; /* the cdev it was last opened through */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct mutex i_mutex; /* the data: read against write */
	const char *i_link;   /* a symbolic link's target */
	void *i_private;      /* the file system's: ramfs's data */
};

/*
 * A name in a directory.  A directory's children are kept in a tree
 * sorted by name (kernel/fs/dtree.c), so a lookup costs O(log n) and a
 * listing comes out in order.  Fields change under vfs_lock.
 */
struct dentry_operations;

struct dentry {
	struct qstr d_name;
	struct dentry *d_parent; /* itself at a file system's root */
	struct inode *d_inode;
	unsigned int d_count;	/* references: children, walks, files */
	unsigned int d_mounted; /* mounts on this dentry */
	bool d_hashed;		/* in its parent's tree */
	struct dentry *d_left, *d_right; /* the parent's tree (dtree.c) */
	unsigned int d_prio;		 /* the tree's heap order */
	struct dentry *d_children;	 /* the root of its own tree */
	struct super_block *d_sb;
	const struct dentry_operations *d_op; /* NULL, or its file system's */
	void *d_fsdata; /* the file system's (debugfs: the real fops) */
	char d_iname[]; /* d_name.name points here */
};

/* d_release - @d is being freed (its last dput, under vfs_lock). */
struct dentry_operations {
	void (*d_release)(struct dentry *d);
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags; /* O_* as opened */
	unsigned int f_mode;  /* FMODE_* */
	loff_t f_pos;
	unsigned int f_count; /* holders: descriptors, pipeline stages */
	void *private_data;
};

/*
 * fops_get - take a reference on the module that owns @fops (its .owner),
 * giving @fops, or NULL if that module is going away.  fops_put - drop
 * it.  An open file holds its f_op's owner this way, so rmmod of a module
 * with an open file says the module is in use.  replace_fops - give
 * @file the operations @fops (already got), putting the old ones: what a
 * dispatching open (a character device's) does, as Linux's.
 */
static inline const struct file_operations *
fops_get(const struct file_operations *fops)
{
	return fops && !try_module_get(fops->owner) ? NULL : fops;
}

static inline void fops_put(const struct file_operations *fops)
{
	if (fops)
		module_put(fops->owner);
}

#define replace_fops(f, fops)              \
	do {                               \
		struct file *__file = (f); \
		fops_put(__file->f_op);    \
		__file->f_op = (fops);     \
	} while (0)

/*
 * A file system type.  fill_super gives a new super block its root;
 * kill_sb takes its tree down when its last mount goes.  A type with
 * FS_SINGLE (procfs, sysfs, debugfs, devtmpfs) has one super block, made
 * by its first mount (often its own kern_mount()) and shared by every
 * later one, as Linux's get_tree_single().
 */
#define FS_SINGLE 0x1
struct file_system_type {
	const char *name;
	unsigned int fs_flags;
	int (*fill_super)(struct super_block *sb);
	void (*kill_sb)(struct super_block *sb);
	struct super_block *single_sb; /* FS_SINGLE's, while mounted */
	struct list_head fs_list;
};

/* A mount: a super block's tree grafted on a dentry of another mount. */
struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;   /* itself for the root mount */
	struct dentry *mnt_mountpoint; /* in mnt_parent's tree */
	unsigned int mnt_count;	       /* walks and files inside it */
	struct list_head mnt_list;     /* in the mount table */
};

/* A thread's open files (Linux's files_struct, one fixed array). */
struct files_struct {
	struct file *fd[NR_OPEN_DEFAULT];
};

/* A thread's working directory (Linux's fs_struct, without chroot). */
struct fs_struct {
	struct path pwd;
};

/* Held across every walk and every change of a directory or mount. */
extern struct mutex vfs_lock;
void vfs_lock_acquire(void);
void vfs_lock_release(void);

/*
 * register_filesystem - make @fs mountable by its name.  Returns 0, or
 * -EBUSY if a type of that name is there.  unregister_filesystem - undo.
 */
int register_filesystem(struct file_system_type *fs);
void unregister_filesystem(struct file_system_type *fs);

/*
 * The objects' lifetimes (kernel/fs/dcache.c), each under vfs_lock.
 * new_inode - a zeroed inode of @sb with a fresh i_ino and one reference,
 * or NULL.  iput - drop one; the last of an inode without names evicts it.
 * d_alloc - a child @name of @parent (which it holds), one reference, not
 * yet in the parent's tree; NULL without memory.  d_make_root - the root
 * dentry of @inode's file system.  d_instantiate - give @d its inode.
 * d_add - put @d in its parent's tree (the tree holds a reference).
 * d_delete - take it out (and drop that reference).  dget/dput - take and
 * drop a reference; the last put frees the dentry and its inode's share.
 * d_lookup - @parent's child called @name, or NULL (no reference taken).
 */
struct inode *new_inode(struct super_block *sb);
void iput(struct inode *inode);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_make_root(struct inode *inode);
void d_instantiate(struct dentry *d, struct inode *inode);
void d_add(struct dentry *d);
void d_delete(struct dentry *d);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
void path_get(const struct path *p);
void path_put(const struct path *p);

/*
 * dir_context: iterate_dir() calls actor for each child of a directory
 * in name order from the pos'th; actor returns false to stop there.  The
 * actor runs under vfs_lock and must not call into the VFS.  Returns 0,
 * or -ENOTDIR if @file is not a directory.
 */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name,
		      unsigned int len, unsigned long ino, umode_t mode);
	loff_t pos;
};
int iterate_dir(struct file *file, struct dir_context *ctx);

/*
 * kern_path - walk @name (absolute, or relative to current's working
 * directory) to @path, which the caller path_put()s.  @flags: LOOKUP_*.
 * Returns 0 or -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EACCES.
 * Sleeps on vfs_lock.
 */
int kern_path(const char *name, unsigned int flags, struct path *path);

/*
 * Name-space changes, each from a path as kern_path() takes one:
 * ksys_mkdir, ksys_rmdir (-ENOTEMPTY if it has children), ksys_unlink
 * (an open file's data stays until its last close), ksys_symlink (@name
 * made a link to @target), ksys_chdir.  Each returns 0 or -errno.
 */
int ksys_mkdir(const char *name, umode_t mode);
int ksys_rmdir(const char *name);
int ksys_unlink(const char *name);
int ksys_symlink(const char *target, const char *name);
int ksys_chdir(const char *name);

/*
 * ksys_mount - mount a new file system of type @fstype on the directory
 * @dir.  ksys_umount - take the one mounted at @dir away (-EBUSY while a
 * file or directory of it is in use).  Each returns 0 or -errno.
 */
int ksys_mount(const char *fstype, const char *dir);
int ksys_umount(const char *dir);

/*
 * kern_mount - a mount of @type that is in no directory, for the kernel's
 * own use: a pseudo file system builds its tree under ->mnt_root before
 * (or without) being mounted anywhere.  0 and the mount in *@out, or
 * -ENOMEM or fill_super's error.  kern_unmount - let go of @mnt; its
 * super block goes with the last of its mounts.
 * vfs_mount_at - make the directory @dir (0755; an existing one is fine)
 * and mount @fstype there, logging what failed; 0 or -errno.  Both sleep.
 */
int kern_mount(struct file_system_type *type, struct vfsmount **out);
void kern_unmount(struct vfsmount *mnt);
int vfs_mount_at(const char *fstype, const char *dir);

/*
 * The library of simple file systems (kernel/fs/libfs.c), for trees that
 * kernel code builds rather than paths: procfs, sysfs, debugfs, devtmpfs.
 * simple_fill_super - give @sb a root directory (0755).
 * kill_litter_super - remove every name in @sb's tree, then its root.
 * simple_create_node - make @name in the directory @parent: a directory
 *   (S_IFDIR in @mode), a symbolic link to the string @data (S_IFLNK), or
 *   a file of any other type whose inode has @fops, i_private @data and
 *   i_rdev @rdev.  0 and the dentry in *@out (if @out is not NULL),
 *   which the tree holds until simple_remove(); or -EEXIST, -ENOTDIR
 *   (@parent is not a directory), -ENOENT (it was removed), -ENOMEM.
 * simple_remove - take @d and everything under it out of the tree; files
 *   still open keep their inodes until they close.  NULL is ignored.  Each takes vfs_lock, so none may be called under it.
 */
int simple_fill_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
int simple_create_node(struct dentry *parent, const char *name, umode_t mode,
		       dev_t rdev, const struct file_operations *fops,
		       void *data, struct dentry **out);
void simple_remove(struct dentry *d);
/* A directory's operations in such a tree: seek; listing is the VFS's. */
extern const struct file_operations simple_dir_operations;

/*
 * simple_read_from_buffer - copy to the user buffer @to, at most @count
 * bytes of the @available at @from, starting at *@ppos, and advance it:
 * bytes copied, 0 at the end, or -EFAULT if none could be.
 * simple_write_to_buffer - the other way, into @to of @available bytes.
 * simple_open - set private_data to the inode's i_private.
 * no_llseek (-ESPIPE), noop_llseek (the position unchanged),
 * default_llseek (SEEK_SET/SEEK_CUR; SEEK_END from i_size).
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);
int simple_open(struct inode *inode, struct file *file);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
#define default_llseek generic_file_llseek

/*
 * file_open_name - open @name with O_* @flags (creating it with @mode
 * under O_CREAT) into *@filp: 0, or -ENOENT, -EEXIST (O_CREAT|O_EXCL),
 * -EISDIR (a directory for writing), -EACCES, -ENOMEM or a walk's error.
 * (Linux's filp_open(), which gives an ERR_PTR, is its shim in
 * <linux/fs.h>.)  filp_close - release @file; returns 0.
 * kernel_read/kernel_write - move @count bytes at *@pos through the
 * file's operations; bytes moved or -errno (-EBADF if not opened for it).
 * The kernel buffer @buf is lent to the driver as user memory (the
 * thread's user window opens on it for the call), so a driver's
 * copy_to_user() works on it, as Linux's kernel_read() lends a kvec.
 * vfs_llseek - set f_pos by SEEK_*; the new position or -EINVAL/-ESPIPE.
 * All may sleep.
 */
int file_open_name(const char *name, int flags, umode_t mode,
		   struct file **filp);
int filp_close(struct file *file);

/*
 * get_file - one more holder of @file (a descriptor in another thread's
 * table, a pipeline stage); gives @file.  fput - drop one; the last
 * releases the file (its f_op->release, its owner's reference, its
 * inode and path).  filp_close() is fput() by another name.
 */
static inline struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}
void fput(struct file *file);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
/* vfs_read/vfs_write - as kernel_read/kernel_write, with @buf user memory
 * the caller's window already covers (the descriptor calls use these). */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* generic_file_llseek - the llseek of a file whose end is i_size. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

/*
 * Boot-time name-space calls (kernel/fs/init.c, Linux's fs/init.c), for
 * the initramfs unpacker.  init_link - make @new_name another name of
 * the file @old_name: 0, -EPERM (a directory), -EXDEV (another file
 * system), -EEXIST, or a walk's error.  init_chmod - set the permission
 * bits of @name (a link followed) to @mode & 07777, whatever they were:
 * 0 or a walk's error.  init_stat - the i_mode of @name, a final link not
 * followed, in *@mode: 0 or a walk's error.  Each sleeps on vfs_lock and
 * is __init.
 */
int init_link(const char *old_name, const char *new_name);
int init_chmod(const char *name, umode_t mode);
int init_stat(const char *name, umode_t *mode);

/*
 * Descriptors in current's table (kernel/fs/file_table.c): do_sys_open
 * gives the lowest free one (or -EMFILE); ksys_read, ksys_write,
 * ksys_lseek, ksys_ioctl act through it (-EBADF if it is not open);
 * close_fd gives it back.  A thread's files and working directory are
 * let go when it ends.  Each may sleep.
 */
int do_sys_open(const char *name, int flags, umode_t mode);
ssize_t ksys_read(int fd, char __user *buf, size_t count);
ssize_t ksys_write(int fd, const char __user *buf, size_t count);
loff_t ksys_lseek(int fd, loff_t offset, int whence);
long ksys_ioctl(int fd, unsigned int cmd, unsigned long arg);
int close_fd(int fd);

/*
 * Sharing descriptors, Linux's way (kernel/fs/file_table.c), on current's
 * table: fget - the file at @fd with one more holder (fput() it), or
 * NULL.  get_unused_fd_flags - the lowest free descriptor (the table is
 * made on first use), -EMFILE or -ENOMEM; it stays free until
 * fd_install() puts @file there (the table takes the caller's reference).
 * replace_fd - make @fd refer to @file (a reference of its own; NULL
 * closes it), closing what was there: @fd, or -EBADF/-ENOMEM.
 */
struct file *fget(unsigned int fd);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);

/*
 * anon_file_open - an open file with @fops and private_data @priv on an
 * inode of its own that is in no directory (Linux's anon_inode_getfile(),
 * which returns an ERR_PTR): 0 and the file in *@out, or -ENOMEM.  @name
 * is what the file's dentry is called ("[console]").  @flags: O_*.
 */
int anon_file_open(const char *name, const struct file_operations *fops,
		   void *priv, int flags, struct file **out);

/*
 * Pipes (kernel/fs/pipe.c): a bounded buffer of PIPE_PAGES pages
 * between a read end and a write end, Linux's semantics: a write of at
 * most PIPE_BUF bytes is never interleaved with another; a reader sleeps
 * until there is data and reads 0 once no writer is left; a writer
 * sleeps for room and gets -EPIPE (and SIGPIPE) once no reader is left;
 * with O_NONBLOCK either gets -EAGAIN instead of sleeping.  Sleeps are
 * interruptible (-ERESTARTSYS).
 * create_pipe_files - the two ends: @res[0] to read, @res[1] to write;
 * 0 or -ENOMEM.  do_pipe_flags - the same as descriptors in current's
 * table, @fd[0] and @fd[1]; 0, -EMFILE or -ENOMEM.
 */
#define PIPE_BUF 4096 /* bytes a write keeps together */
#define PIPE_PAGES 4  /* buffer pages a pipe has (Linux: 16) */
int create_pipe_files(struct file **res, int flags);
int do_pipe_flags(int *fd, int flags);

/*
 * What stat() reports (kernel/fs/stat.c), Linux's struct kstat without
 * the times Sprout does not keep.  vfs_stat - of what @name names, links
 * followed; vfs_lstat - a link itself.  0 or the walk's error.
 * vfs_getcwd - current's working directory as a path from the root into
 * @buf: its length, or -ERANGE if it does not fit in @size bytes.
 */
struct kstat {
	unsigned long ino;
	dev_t dev;  /* the file system's (anonymous: major 0) */
	dev_t rdev; /* a device file's */
	umode_t mode;
	unsigned int nlink;
	loff_t size;
	unsigned int blksize;	   /* the I/O block: PAGE_SIZE */
	unsigned long long blocks; /* 512-byte units held */
};
int vfs_stat(const char *name, struct kstat *stat);
int vfs_lstat(const char *name, struct kstat *stat);
int vfs_getcwd(char *buf, size_t size);
/* vfs_readlink - the target of the link @name into @buf: its length, or
 * -EINVAL (not a link), -ERANGE (@size too small) or the walk's error. */
int vfs_readlink(const char *name, char *buf, size_t size);

/*
 * A file holding one number, read and written as text (Linux's
 * simple_attr, kernel/fs/libfs_attr.c): DEFINE_SIMPLE_ATTRIBUTE(fops,
 * get, set, fmt) makes @fops whose open binds get/set (either may be
 * NULL: -EACCES) to the inode's i_private; a read at position 0 calls
 * get and prints with @fmt ("%llu\n"), a write parses a number (as
 * kstrtoull, base 0) and calls set.  Each returns bytes or -errno.
 * @fops's .owner is THIS_MODULE, as in Linux: an open file holds the
 * module that made it.
 */
int simple_attr_open(struct inode *inode, struct file *file,
		     int (*get)(void *, uint64_t *),
		     int (*set)(void *, uint64_t), const char *fmt);
int simple_attr_release(struct inode *inode, struct file *file);
ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len,
			 loff_t *ppos);
ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len,
			  loff_t *ppos);

/* The format must print one unsigned long long: checked by the compiler. */
static inline __printf(1, 2) void __simple_attr_check_format(
	const char *fmt __unused, ...)
{
}

/* clang-format off */
#define DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt)        \
	static int __fops##_open(struct inode *inode, struct file *file)     \
	{                                                                    \
		__simple_attr_check_format(__fmt, 0ull);                     \
		return simple_attr_open(inode, file, __get, __set, __fmt);   \
	}                                                                    \
	static const struct file_operations __fops = {                      \
		.owner = THIS_MODULE,                                        \
		.open = __fops##_open,                                       \
		.release = simple_attr_release,                              \
		.read = simple_attr_read,                                    \
		.write = simple_attr_write,                                  \
		.llseek = generic_file_llseek,                               \
	}
/* clang-format on */
#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt) \
	DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt)

#endif
