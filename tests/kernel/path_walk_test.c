/*
 * In-kernel tests of the path walk (kernel/fs/namei.c) on the root ramfs:
 * each of Linux's errnos where Linux gives it, ".." at the root and out
 * of a mount, relative names from a thread's working directory, symbolic
 * links up to the limit and a loop, and the name and path length limits.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define DIR "/pw"

/* The dentry @name walks to (followed), dropped at once, or NULL. */
static struct dentry *walk_to(const char *name)
{
	struct path p;

	if (kern_path(name, LOOKUP_FOLLOW, &p))
		return NULL;
	path_put(&p);
	return p.dentry;
}

static int walk_err(const char *name)
{
	struct path p;
	int ret = kern_path(name, LOOKUP_FOLLOW, &p);

	if (!ret)
		path_put(&p);
	return ret;
}

static int touch(const char *name, umode_t mode)
{
	struct file *f;
	int ret = file_open_name(name, O_CREAT | O_WRONLY, mode, &f);

	return ret ? ret : filp_close(f);
}

static int open_err(const char *name, int flags)
{
	struct file *f;
	int ret = file_open_name(name, flags, 0644, &f);

	return ret ? ret : filp_close(f);
}

static void setup(struct ktest *t)
{
	KT_EXPECT_EQ(t, ksys_mkdir(DIR, 0755), 0);
	KT_EXPECT_EQ(t, touch(DIR "/f", 0644), 0);
}

static void teardown(struct ktest *t)
{
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/f"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR), 0);
}

static void errnos(struct ktest *t)
{
	setup(t);
	KT_EXPECT_EQ(t, walk_err(DIR "/nope"), -ENOENT);
	KT_EXPECT_EQ(t, walk_err(""), -ENOENT);
	KT_EXPECT_EQ(t, walk_err(DIR "/nope/f"), -ENOENT);
	KT_EXPECT_EQ(t, walk_err(DIR "/f/x"), -ENOTDIR);
	KT_EXPECT_EQ(t, walk_err(DIR "/f/"), -ENOTDIR);
	KT_EXPECT_EQ(t, open_err(DIR, O_WRONLY), -EISDIR);
	KT_EXPECT_EQ(t, open_err(DIR "/f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR, 0755), -EEXIST);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR "/f", 0755), -EEXIST);
	KT_EXPECT_EQ(t, open_err(DIR "/f", O_CREAT | O_EXCL | O_RDWR), -EEXIST);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/nope"), -ENOENT);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/f"), -ENOTDIR);
	KT_EXPECT_EQ(t, ksys_unlink(DIR), -EISDIR);
	teardown(t);
}

static void dotdot_stays_at_root(struct ktest *t)
{
	struct dentry *root = walk_to("/");

	setup(t);
	KT_EXPECT(t, root != NULL);
	KT_EXPECT(t, walk_to("/..") == root);
	KT_EXPECT(t, walk_to("/../../..") == root);
	KT_EXPECT(t, walk_to(DIR "/../../" DIR "/./f") == walk_to(DIR "/f"));
	KT_EXPECT(t, walk_to("//" DIR "//f") == walk_to(DIR "/f"));
	teardown(t);
}

static void eacces_from_modes(struct ktest *t)
{
	setup(t);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR "/ro", 0500), 0);
	KT_EXPECT_EQ(t, touch(DIR "/ro/x", 0644), -EACCES);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR "/nox", 0600), 0);
	KT_EXPECT_EQ(t, walk_err(DIR "/nox/x"), -EACCES);
	KT_EXPECT_EQ(t, touch(DIR "/none", 0), 0);
	KT_EXPECT_EQ(t, open_err(DIR "/none", O_RDONLY), -EACCES);
	KT_EXPECT_EQ(t, open_err(DIR "/none", O_WRONLY), -EACCES);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/none"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/ro"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/nox"), 0);
	teardown(t);
}

/* A chain l0 -> l1 -> ... -> l@n -> f: @n + 1 links to follow. */
static void make_chain(struct ktest *t, int n, bool make)
{
	char name[32], target[32];

	for (int i = 0; i <= n; i++) {
		snprintf(name, sizeof(name), DIR "/l%d", i);
		snprintf(target, sizeof(target), i == n ? "f" : "l%d", i + 1);
		if (make)
			KT_EXPECT_EQ(t, ksys_symlink(target, name), 0);
		else
			KT_EXPECT_EQ(t, ksys_unlink(name), 0);
	}
}

static void symlinks_and_eloop(struct ktest *t)
{
	struct path p;

	setup(t);
	make_chain(t, MAXSYMLINKS - 1, true); /* l0 .. l39: 40 links */
	KT_EXPECT(t, walk_to(DIR "/l0") == walk_to(DIR "/f"));
	KT_EXPECT_EQ(t, ksys_symlink("l0", DIR "/over"), 0); /* 41 */
	KT_EXPECT_EQ(t, walk_err(DIR "/over"), -ELOOP);
	KT_EXPECT_EQ(t, ksys_symlink("b", DIR "/a"), 0);
	KT_EXPECT_EQ(t, ksys_symlink("a", DIR "/b"), 0);
	KT_EXPECT_EQ(t, walk_err(DIR "/a"), -ELOOP);
	KT_EXPECT_EQ(t, open_err(DIR "/a", O_RDONLY), -ELOOP);
	/* Not followed at the end without LOOKUP_FOLLOW: the link itself. */
	KT_EXPECT_EQ(t, kern_path(DIR "/a", 0, &p), 0);
	if (!p.dentry)
		return;
	KT_EXPECT(t, S_ISLNK(p.dentry->d_inode->i_mode));
	path_put(&p);
	KT_EXPECT_EQ(t, ksys_symlink("/", DIR "/up"), 0);
	KT_EXPECT(t, walk_to(DIR "/up" DIR "/f") == walk_to(DIR "/f"));
	KT_EXPECT_EQ(t, ksys_symlink("", DIR "/empty"), -ENOENT);
	make_chain(t, MAXSYMLINKS - 1, false);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/over"), 0);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/a"), 0);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/b"), 0);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/up"), 0);
	teardown(t);
}

static void name_and_path_limits(struct ktest *t)
{
	char *buf = kmalloc(PATH_MAX + 1, GFP_KERNEL);
	size_t len;

	KT_EXPECT(t, buf != NULL);
	if (!buf)
		return;
	setup(t);
	len = snprintf(buf, PATH_MAX, DIR "/");
	memset(buf + len, 'n', NAME_MAX + 1);
	buf[len + NAME_MAX] = '\0';
	KT_EXPECT_EQ(t, touch(buf, 0644), 0); /* 255 bytes */
	KT_EXPECT_EQ(t, walk_err(buf), 0);
	KT_EXPECT_EQ(t, ksys_unlink(buf), 0);
	buf[len + NAME_MAX] = 'n';
	buf[len + NAME_MAX + 1] = '\0';
	KT_EXPECT_EQ(t, touch(buf, 0644), -ENAMETOOLONG); /* 256 */
	KT_EXPECT_EQ(t, walk_err(buf), -ENAMETOOLONG);
	/* DIR, then "/." to 4093 bytes, then "/f": 4095 bytes, then 4096. */
	len = strlen(DIR);
	memcpy(buf, DIR, len);
	while (len < PATH_MAX - 3) {
		memcpy(buf + len, "/.", 2);
		len += 2;
	}
	len = PATH_MAX - 3;
	memcpy(buf + len, "/f", 3);
	KT_EXPECT_EQ(t, strlen(buf), PATH_MAX - 1);
	KT_EXPECT_EQ(t, walk_err(buf), 0);
	memcpy(buf + len, "//f", 4);
	KT_EXPECT_EQ(t, strlen(buf), PATH_MAX);
	KT_EXPECT_EQ(t, walk_err(buf), -ENAMETOOLONG);
	kfree(buf);
	teardown(t);
}

static void mount_crossing(struct ktest *t)
{
	struct file *f;

	setup(t);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR "/m", 0755), 0);
	KT_EXPECT_EQ(t, ksys_mount("nofs", DIR "/m"), -ENODEV);
	KT_EXPECT_EQ(t, ksys_mount("ramfs", DIR "/f"), -ENOTDIR);
	KT_EXPECT_EQ(t, ksys_mount("ramfs", DIR "/m"), 0);
	KT_EXPECT(t, walk_to(DIR "/m") != NULL);
	KT_EXPECT(t, walk_to(DIR "/m/..") == walk_to(DIR));
	KT_EXPECT_EQ(t, touch(DIR "/m/x", 0644), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/m"), -EBUSY);
	KT_EXPECT_EQ(t, file_open_name(DIR "/m/x", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, ksys_umount(DIR "/m"), -EBUSY);
	filp_close(f);
	KT_EXPECT_EQ(t, ksys_umount(DIR), -EINVAL);
	KT_EXPECT_EQ(t, ksys_umount(DIR "/m"), 0);
	KT_EXPECT_EQ(t, walk_err(DIR "/m/x"), -ENOENT);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/m"), 0);
	teardown(t);
}

/* A thread with its own working directory, which its end gives back. */
static struct completion relative_done;

static int relative_thread(void *arg)
{
	struct ktest *t = arg;
	int fd;

	KT_EXPECT_EQ(t, ksys_chdir(DIR "/f"), -ENOTDIR);
	KT_EXPECT_EQ(t, ksys_chdir(DIR), 0);
	KT_EXPECT(t, walk_to("f") == walk_to(DIR "/f"));
	KT_EXPECT(t, walk_to("../" DIR "/./f") == walk_to(DIR "/f"));
	KT_EXPECT_EQ(t, ksys_mkdir("sub", 0755), 0);
	KT_EXPECT_EQ(t, ksys_chdir("sub"), 0);
	KT_EXPECT(t, walk_to("..") == walk_to(DIR));
	/* Left open and as the working directory: the end closes both. */
	fd = do_sys_open("../f", O_RDONLY, 0);
	KT_EXPECT(t, fd >= 0);
	complete(&relative_done);
	return ktest_sleep_until_stopped();
}

static void relative_to_cwd(struct ktest *t)
{
	struct dentry *f, *sub;
	struct task_struct *k;

	setup(t);
	init_completion(&relative_done);
	k = kthread_create_task(relative_thread, t, "pw_cwd");
	KT_EXPECT(t, k != NULL);
	if (!k)
		return;
	wake_up_process(k);
	wait_for_completion(&relative_done);
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
	/* Its end let go of its file and its working directory. */
	f = walk_to(DIR "/f");
	sub = walk_to(DIR "/sub");
	KT_EXPECT(t, f && sub);
	if (!f || !sub)
		return;
	KT_EXPECT_EQ(t, f->d_inode->i_count, 1);
	KT_EXPECT_EQ(t, sub->d_count, 1);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/sub"), 0);
	teardown(t);
}

KTEST_SUITE(path_walk, KTEST_CASE(errnos), KTEST_CASE(dotdot_stays_at_root),
	    KTEST_CASE(eacces_from_modes), KTEST_CASE(symlinks_and_eloop),
	    KTEST_CASE(name_and_path_limits), KTEST_CASE(mount_crossing),
	    KTEST_CASE(relative_to_cwd));
