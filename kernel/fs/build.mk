# The VFS (layer 14): the pure tree of a directory's children, object
# lifetimes, the path walk, file system types and mounts, name-space
# changes, open files and each thread's table, then ramfs, the root.
obj-y += kernel/fs/dtree.o
obj-y += kernel/fs/dcache.o
obj-y += kernel/fs/namei.o
obj-y += kernel/fs/namespace.o
obj-y += kernel/fs/dirops.o
obj-y += kernel/fs/open.o
obj-y += kernel/fs/file_table.o
obj-y += kernel/fs/libfs.o
obj-y += kernel/fs/ramfs.o
obj-y += kernel/fs/init.o
obj-y += kernel/fs/char_dev.o
obj-y += kernel/fs/stat.o
obj-y += kernel/fs/anon_inodes.o
obj-y += kernel/fs/pipe.o
# seq_file, then procfs: its entries' guard, their making and removal,
# the file system, the built-in files and /proc/<pid>/.
obj-y += kernel/fs/seq_file.o
obj-y += kernel/fs/proc/inode.o
obj-y += kernel/fs/proc/generic.o
obj-y += kernel/fs/proc/base.o
obj-y += kernel/fs/proc/root.o
obj-y += kernel/fs/proc/misc.o
obj-y += kernel/fs/proc/modules.o
# /proc/lockdep_stats, with lockdep (config.mk).
obj-$(CONFIG_LOCKDEP) += kernel/fs/proc/lockdep.o
# sysfs: attribute files and groups, the file system and its mount on
# /sys, kobjects (and /sys/kernel), then /sys/module (each initcall uses
# what the files before it made).
obj-y += kernel/fs/sysfs/file.o
obj-y += kernel/fs/sysfs/group.o
obj-y += kernel/fs/sysfs/mount.o
obj-y += kernel/fs/sysfs/kobject.o
obj-y += kernel/fs/sysfs/module.o
# simple_attr (DEFINE_SIMPLE_ATTRIBUTE), then debugfs on /sys/kernel/debug
# (after sysfs: its mount point is there): the calls wrapped, the tree,
# the files of one variable.
obj-y += kernel/fs/libfs_attr.o
obj-y += kernel/fs/debugfs/file.o
obj-y += kernel/fs/debugfs/inode.o
obj-y += kernel/fs/debugfs/typed.o
# /sys/kernel/debug/kmemleak: the module leak totals (config.mk).
obj-$(CONFIG_DEBUG_KMEMLEAK_MODULES) += kernel/fs/debugfs/kmemleak.o
