/*
 * The shell's commands on the name space: cd, pwd, mkdir, rm, rmdir,
 * ln -s and stat, over the VFS calls, with GNU coreutils' (and bash's,
 * for cd) messages.  Sprout keeps no file times: stat shows the epoch,
 * which is what Linux shows for a file whose times are zero.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#include "internal.h"

static int cmd_cd(char *args)
{
	char *dir = args_word(&args);
	int ret;

	if (dir && *args) {
		console_eprintf("cd: too many arguments\n");
		return SHELL_FAILED;
	}
	ret = ksys_chdir(dir ? dir : "/");
	if (ret)
		console_eprintf("cd: %s: %s\n", dir, errno_text(ret));
	return ret ? SHELL_FAILED : 0;
}
SHELL_COMMAND_COMPLETE("cd", "[dir]", "change the working directory", cmd_cd,
		       shell_complete_path);

static int cmd_pwd(char *args)
{
	char buf[PATH_MAX];
	int ret = vfs_getcwd(buf, sizeof(buf));

	if (ret < 0) {
		console_eprintf("pwd: %s\n", errno_text(ret));
		return SHELL_FAILED;
	}
	console_printf("%s\n", buf);
	return 0;
}
SHELL_COMMAND("pwd", "", "print the working directory", cmd_pwd);

/* mkdir -p: each missing directory on the way to @path. */
static int mkdir_parents(char *path)
{
	for (char *p = path + 1;; p++) {
		char c = *p;
		int ret;

		if (c && c != '/')
			continue;
		*p = '\0';
		ret = ksys_mkdir(path, 0755);
		*p = c;
		if (ret && ret != -EEXIST)
			return ret;
		if (!c)
			return 0;
	}
}

static int cmd_mkdir(char *args)
{
	char *name = args_word(&args);
	bool parents = name && !strcmp(name, "-p");
	int status = 0;

	if (parents)
		name = args_word(&args);
	if (!name)
		return -EINVAL;
	for (; name; name = args_word(&args)) {
		int ret = parents ? mkdir_parents(name) :
				    ksys_mkdir(name, 0755);

		if (ret) {
			console_eprintf("mkdir: cannot create directory '%s': %s\n",
					name, errno_text(ret));
			status = SHELL_FAILED;
		}
	}
	return status;
}
SHELL_COMMAND_COMPLETE("mkdir", "[-p] dir...", "make directories", cmd_mkdir,
		       shell_complete_path);

static int cmd_rmdir(char *args)
{
	char *name = args_word(&args);
	int status = 0;

	if (!name)
		return -EINVAL;
	for (; name; name = args_word(&args)) {
		int ret = ksys_rmdir(name);

		if (ret) {
			console_eprintf("rmdir: failed to remove '%s': %s\n",
					name, errno_text(ret));
			status = SHELL_FAILED;
		}
	}
	return status;
}
SHELL_COMMAND_COMPLETE("rmdir", "dir...", "remove empty directories", cmd_rmdir,
		       shell_complete_path);

/* rm -r: what is under @path, then @path. */
static int rm_tree(char *path, size_t size)
{
	struct kstat st;
	int ret = vfs_lstat(path, &st);

	if (ret || !S_ISDIR(st.mode))
		return ret ? ret : ksys_unlink(path);
	for (;;) {
		size_t len = strlen(path);
		int n = shell_dir_first(path, path + len + 1, size - len - 1);

		if (n <= 0) {
			ret = n;
			break;
		}
		path[len] = '/';
		ret = rm_tree(path, size);
		path[len] = '\0';
		if (ret)
			return ret;
	}
	return ret ? ret : ksys_rmdir(path);
}

static int cmd_rm(char *args)
{
	bool recursive = false, force = false;
	char *name, path[PATH_MAX];
	int status = 0;

	while ((name = args_word(&args)) && name[0] == '-' && name[1]) {
		recursive |= strchr(name, 'r') || strchr(name, 'R');
		force |= !!strchr(name, 'f');
	}
	if (!name && !force)
		return -EINVAL;
	for (; name; name = args_word(&args)) {
		int ret;

		if (recursive && strlen(name) < sizeof(path) / 2)
			ret = rm_tree(strcpy(path, name), sizeof(path));
		else
			ret = ksys_unlink(name);
		if (ret && !(force && ret == -ENOENT)) {
			console_eprintf("rm: cannot remove '%s': %s\n", name,
					errno_text(ret));
			status = SHELL_FAILED;
		}
	}
	return status;
}
SHELL_COMMAND_COMPLETE("rm", "[-rf] file...", "remove files", cmd_rm,
		       shell_complete_path);

static int cmd_ln(char *args)
{
	char *opt = args_word(&args), *target = args_word(&args);
	char *name = args_word(&args);
	int ret;

	if (!opt || strcmp(opt, "-s") || !target || !name || *args)
		return -EINVAL;
	ret = ksys_symlink(target, name);
	if (ret)
		console_eprintf("ln: failed to create symbolic link '%s': %s\n",
				name, errno_text(ret));
	return ret ? SHELL_FAILED : 0;
}
SHELL_COMMAND_COMPLETE("ln", "-s target name", "make a symbolic link", cmd_ln,
		       shell_complete_path);

/* GNU stat's %F. */
static const char *stat_file_type(const struct kstat *st)
{
	switch (st->mode & S_IFMT) {
	case S_IFREG:
		return st->size ? "regular file" : "regular empty file";
	case S_IFDIR:
		return "directory";
	case S_IFLNK:
		return "symbolic link";
	case S_IFCHR:
		return "character special file";
	case S_IFBLK:
		return "block special file";
	case S_IFIFO:
		return "fifo";
	}
	return "socket";
}

static void stat_print(const char *name, const struct kstat *st)
{
	char mode[11], target[PATH_MAX];

	shell_mode_string(st->mode, mode);
	if (S_ISLNK(st->mode) &&
	    vfs_readlink(name, target, sizeof(target)) >= 0)
		console_printf("  File: %s -> %s\n", name, target);
	else
		console_printf("  File: %s\n", name);
	console_printf("  Size: %-10lld\tBlocks: %-10llu IO Block: %-6u %s\n",
		       st->size, st->blocks, st->blksize, stat_file_type(st));
	console_printf("Device: %u,%u\tInode: %-11lu Links: ", MAJOR(st->dev),
		       MINOR(st->dev), st->ino);
	if (S_ISCHR(st->mode) || S_ISBLK(st->mode))
		console_printf("%-5u Device type: %u,%u\n", st->nlink,
			       MAJOR(st->rdev), MINOR(st->rdev));
	else
		console_printf("%u\n", st->nlink);
	console_printf("Access: (%04o/%s)  Uid: (    0/    root)   Gid: (    0/    root)\n",
		       st->mode & 07777, mode);
	for (int i = 0; i < 3; i++)
		console_printf("%s: 1970-01-01 00:00:00.000000000 +0000\n",
			       (const char *[]){ "Access", "Modify",
						 "Change" }[i]);
	console_printf(" Birth: -\n");
}

static int cmd_stat(char *args)
{
	char *name = args_word(&args);
	int status = 0;

	if (!name)
		return -EINVAL;
	for (; name; name = args_word(&args)) {
		struct kstat st;
		int ret = vfs_lstat(name, &st);

		if (ret) {
			console_eprintf("stat: cannot statx '%s': %s\n", name,
					errno_text(ret));
			status = SHELL_FAILED;
			continue;
		}
		stat_print(name, &st);
	}
	return status;
}
SHELL_COMMAND_COMPLETE("stat", "file...", "show a file's attributes", cmd_stat,
		       shell_complete_path);
