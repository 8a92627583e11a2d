/*
 * The kernel around the VFS, for host tests that run it (host_vfs.h): one
 * thread with a working directory, locks that are never contended, user
 * copies that are plain copies, and the root mount made by hand.
 */
#include <string.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>
#include "../../kernel/fs/internal.h"
#include "host.h"
#include "host_vfs.h"

/* <stdlib.h> would bring the C library's dev_t and loff_t, not the kernel's. */
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
size_t malloc_usable_size(void *ptr);

static struct fs_struct host_fs;
static struct task_struct host_task = { .fs = &host_fs };
struct task_struct *current_task = &host_task;

void mutex_init_key(struct mutex *lock, const char *name,
		    struct lock_class_key *key)
{
}

int mutex_lock_at(struct mutex *lock, unsigned int state, uintptr_t ip)
{
	return 0;
}

void mutex_unlock_at(struct mutex *lock, uintptr_t ip)
{
}

void uaccess_window_open(struct uaccess_window *saved, const void *start,
			 size_t len)
{
}

void uaccess_window_close(const struct uaccess_window *saved)
{
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	memcpy(to, (const void *)from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy((void *)to, from, n);
	return 0;
}

bool try_module_get(struct module *mod)
{
	return true;
}

void module_put(struct module *mod)
{
}

void sched_exit_hook_register(void (*hook)(struct task_struct *t))
{
}

/* kmalloc is malloc (host.c): its usable size is what was asked for. */
size_t ksize(const void *ptr)
{
	return ptr ? malloc_usable_size((void *)ptr) : 0;
}

void *krealloc(void *ptr, size_t size, gfp_t flags)
{
	if (!size) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

static struct file_system_type *ramfs_type;

int register_filesystem(struct file_system_type *fs)
{
	if (!strcmp(fs->name, "ramfs"))
		ramfs_type = fs;
	return 0;
}

/* The initcalls of the files built in: ramfs registers itself there. */
extern initcall_t __start_initcall_table[], __stop_initcall_table[];

void host_rootfs_mount(void)
{
	struct super_block *sb;
	struct vfsmount *mnt;

	if (!ramfs_type)
		for (initcall_t *fn = __start_initcall_table;
		     fn < __stop_initcall_table; fn++)
			(*fn)();
	sb = calloc(1, sizeof(*sb));
	mnt = calloc(1, sizeof(*mnt));
	fuzz_check(ramfs_type && sb && mnt, "a ramfs to mount");
	sb->s_type = ramfs_type;
	sb->s_active = 1;
	fuzz_check(!ramfs_type->fill_super(sb), "ramfs fills its super block");
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	mnt->mnt_count = 1;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	list_add_tail(&mnt->mnt_list, &mount_table);
	fs_root = (struct path){ mnt, mnt->mnt_root };
	host_fs.pwd = fs_root;
}

void host_rootfs_umount(void)
{
	struct vfsmount *mnt = fs_root.mnt;
	struct super_block *sb = mnt->mnt_sb;

	list_del(&mnt->mnt_list);
	dput(mnt->mnt_root);
	sb->s_type->kill_sb(sb);
	free(sb);
	free(mnt);
	fs_root = (struct path){ NULL, NULL };
	host_fs.pwd = fs_root;
}
