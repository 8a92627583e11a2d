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
obj-y += kernel/fs/char_dev.o
