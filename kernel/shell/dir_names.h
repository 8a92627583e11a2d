/*
 * A directory's names a bufferful at a time, for the file commands: what
 * iterate_dir() gives is copied out under vfs_lock, and the command looks
 * at each name (stat, remove) after, when the VFS may be called again.
 */
#ifndef KERNEL_SHELL_DIR_NAMES_H
#define KERNEL_SHELL_DIR_NAMES_H

#include <kernel/fs.h>

/* Names of a directory, in order; set ctx.actor to shell_dir_collect. */
struct shell_dir_chunk {
	struct dir_context ctx;
	bool all;    /* names starting with '.' too */
	size_t used; /* bytes of names, each NUL-terminated */
	char names[1024];
};

/*
 * shell_dir_collect - the dir_context actor that fills a chunk.
 * shell_dir_next - the next bufferful of @dir's names (opened) into @c,
 * from c->ctx.pos on: 0 (c->used is 0 at the end) or -ENOTDIR.
 */
bool shell_dir_collect(struct dir_context *ctx, const char *name,
		       unsigned int len, unsigned long ino, umode_t mode);
int shell_dir_next(struct file *dir, struct shell_dir_chunk *c);

#endif
