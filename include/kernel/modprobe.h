/*
 * modprobe semantics for loading modules by name: what a module depends on
 * is loaded first, each module once, in order; a dependency cycle or a
 * missing dependency is reported with its chain.  The resolver is pure and
 * reaches the loader only through struct modprobe_ops, so the host unit
 * tests drive it with a fake loader; it also reads modprobe's text files.
 */
#ifndef KERNEL_MODPROBE_H
#define KERNEL_MODPROBE_H

#include <kernel/module.h> /* MODULE_NAME_LEN */
#include <kernel/types.h>

#define MODPROBE_DEPTH_MAX 16 /* longest dependency chain followed */
#define MODPROBE_ARGS_MAX 256 /* parameters on one line of etc/modules */
#define MODPROBE_MSG_MAX 256  /* one report line */

/*
 * Where ops->dep stands in the dependencies of one module: zeroed before
 * the first call, then kept by ops->dep, which reads each list once.
 */
struct modprobe_dep_pos {
	bool started; /* the list was found */
	size_t start; /* where it begins */
	size_t end;   /* the end of what is still to be read */
};

struct modprobe_ops {
	/*
	 * dep - write the name of the next module @name needs, in load order,
	 * into @out and advance *@pos.  Returns 1, 0 when there are no more,
	 * or -ENOENT if there is no module @name at all.
	 */
	int (*dep)(void *ctx, const char *name, struct modprobe_dep_pos *pos,
		   char out[MODULE_NAME_LEN]);
	/* loaded - whether @name is loaded already (it is then skipped). */
	bool (*loaded)(void *ctx, const char *name);
	/* load - load @name with parameters @args ("" for none): 0 or -errno. */
	int (*load)(void *ctx, const char *name, const char *args);
	/* report - one line for the log, no trailing newline. */
	void (*report)(void *ctx, const char *msg);
};

/*
 * modprobe_resolve - load @name with @args after everything it depends on,
 * skipping what is loaded already.  A cycle ("a -> b -> a"), a missing
 * dependency or one deeper than MODPROBE_DEPTH_MAX is reported through
 * ops->report with the chain.  Returns 0, -ENOENT (no such module or a
 * dependency missing), -ELOOP (cycle, too deep), or what ops->load
 * returned.  Recursive, about 130 bytes of stack per level.
 */
int modprobe_resolve(const struct modprobe_ops *ops, void *ctx,
		     const char *name, const char *args);

/* The text of a modules.dep file (not NUL-terminated). */
struct modules_dep {
	const char *text;
	size_t len;
};

/*
 * modprobe_dep_of - modprobe_ops.dep over @md, in Linux's format
 * ("lib/modules/a.ko: lib/modules/b.ko ...": every dependency, users
 * first, so they are loaded from the right).  The file is searched for
 * @name's line once, and each call reads one word of it, so a module's
 * whole list costs the length of the file.  A dependency listed twice is
 * returned twice (the walk finds it loaded the second time, as kmod
 * does).  Returns as ops->dep does, or -ENAMETOOLONG for a dependency
 * whose name does not fit @out.
 */
int modprobe_dep_of(const struct modules_dep *md, const char *name,
		    struct modprobe_dep_pos *pos, char out[MODULE_NAME_LEN]);

/*
 * modprobe_etc_next - parse the next entry of an etc/modules text (one
 * module per line, '#' comments, parameters after the name) from *@pos.
 * Fills @name and @args (NUL-terminated, "" for none).  Returns 1, 0 at the
 * end, or -ENAMETOOLONG / -E2BIG for a line whose name or parameters do not
 * fit (that line is skipped; the next call goes on after it).
 */
int modprobe_etc_next(const char *text, size_t len, size_t *pos,
		      char name[MODULE_NAME_LEN], char args[MODPROBE_ARGS_MAX]);

struct boot_module;

/*
 * modprobe_boot_file - the file GRUB loaded as a boot module (module2) whose
 * name, without directory, is @name or @name.ko; NULL if none.
 */
const struct boot_module *modprobe_boot_file(const char *name);

/*
 * modprobe_file - the file of module @name: /lib/modules/@name.ko ('-'
 * and '_' alike, as Linux's modprobe) read through the VFS, else a copy
 * of a GRUB boot module of that name.  0 with *@buf (kmalloc'd: the
 * caller kfree()s it) and *@len set, -ENOENT, -ENAMETOOLONG or -ENOMEM.
 * Sleeps.
 */
int modprobe_file(const char *name, const void **buf, size_t *len);

/*
 * modprobe_read_file - read all of the regular file at @path through the
 * VFS into a kmalloc'd buffer (Linux's kernel_read_file()), which the
 * caller kfree()s.  0 with *@buf and *@len set, or an open's error
 * (-ENOENT, -ENOTDIR, -EACCES, ...), -EISDIR, -EINVAL (not a regular
 * file), -EFBIG, -ENOMEM, or the read's error.  Sleeps.
 * modprobe_file_at - the same for insmod, which takes any path (relative
 * to the working directory) as Linux's does.
 */
int modprobe_read_file(const char *path, void **buf, size_t *len);
int modprobe_file_at(const char *path, const void **buf, size_t *len);

/*
 * modprobe - load @name with @args (may be NULL) after the modules it
 * depends on (/lib/modules/modules.dep), skipping loaded ones.
 * Returns 0 or the first error.
 */
int modprobe(const char *name, const char *args);

#endif
