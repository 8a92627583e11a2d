/*
 * Directory names for the file commands: a chunk at a time (dir_names.h),
 * a directory's first name (rm -r), and Tab completion over the VFS; and
 * ls's mode string, which stat shares.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "dir_names.h"
#include "internal.h"

void shell_mode_string(unsigned int mode, char out[11])
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";

	out[0] = types[(mode & S_IFMT) >> 12];
	for (int i = 0; i < 9; i++)
		out[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	out[10] = '\0';
}

bool shell_dir_collect(struct dir_context *ctx, const char *name,
		       unsigned int len, unsigned long ino, umode_t mode)
{
	struct shell_dir_chunk *c =
		container_of(ctx, struct shell_dir_chunk, ctx);

	if (name[0] == '.' && !c->all)
		return true;
	if (c->used + len + 1 > sizeof(c->names))
		return false;
	memcpy(c->names + c->used, name, len);
	c->names[c->used + len] = '\0';
	c->used += len + 1;
	return true;
}

int shell_dir_next(struct file *dir, struct shell_dir_chunk *c)
{
	c->used = 0;
	return iterate_dir(dir, &c->ctx);
}

int shell_dir_first(const char *dir, char *buf, size_t size)
{
	struct shell_dir_chunk *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct file *f;
	int ret = c ? file_open_name(dir, O_RDONLY | O_DIRECTORY, 0, &f) :
		      -ENOMEM;

	if (!ret) {
		c->ctx.actor = shell_dir_collect;
		c->all = true;
		ret = shell_dir_next(f, c);
		fput(f);
	}
	if (!ret && c->used) {
		ret = strlen(c->names) < size ? 1 : -ENAMETOOLONG;
		if (ret > 0)
			strcpy(buf, c->names);
	}
	kfree(c);
	return ret;
}

/* Is "@dir/@name" a directory (links followed)?  @path is scratch. */
static bool dir_names_is_dir(char *path, const char *dir, const char *name)
{
	struct kstat st;

	snprintf(path, PATH_MAX, "%s%s%s", dir,
		 dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return !vfs_stat(path, &st) && S_ISDIR(st.mode);
}

int shell_complete_path(const char *dir,
			int (*offer)(void *arg, const char *name, size_t len,
				     bool is_dir),
			void *arg)
{
	struct shell_dir_chunk *c = kzalloc(sizeof(*c), GFP_KERNEL);
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct file *f;
	int ret = c && path ?
			  file_open_name(dir, O_RDONLY | O_DIRECTORY, 0, &f) :
			  -ENOMEM;

	if (ret)
		goto out;
	c->ctx.actor = shell_dir_collect;
	c->all = true;
	while (!(ret = shell_dir_next(f, c)) && c->used)
		for (char *n = c->names; n < c->names + c->used;
		     n += strlen(n) + 1)
			offer(arg, n, strlen(n),
			      dir_names_is_dir(path, dir, n));
	fput(f);
out:
	kfree(path);
	kfree(c);
	return ret;
}
