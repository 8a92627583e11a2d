/*
 * In-kernel tests of the character device modules of tests/compat/chardev
 * (built out of tree, in the initrd tests/boot/chardev.sh makes): the
 * open-counting chardev, held by its open file so that rmmod refuses it
 * until the close, and ioctl_dev driven through a descriptor with real
 * _IOR/_IOW/_IOWR commands, a wrong command (-ENOTTY) and a pointer
 * outside the caller's memory (-EFAULT).  Elsewhere they are skipped.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include "../../kernel/shell/internal.h"
#include "../compat/chardev/ioctl_dev.h"
#include "modfiles.h"

/* Run the shell command @line (at most 63 bytes); its status. */
static int run(const char *line)
{
	char buf[64], *args;
	const struct shell_cmd *cmd;

	strlcpy(buf, line, sizeof(buf));
	args = strchr(buf, ' ');
	if (args)
		*args++ = '\0';
	else
		args = buf + strlen(buf);
	cmd = shell_find(buf);
	return cmd ? cmd->fn(args) : -ENOENT;
}

/* Load @name for @t: false, with a note, if its file is not there. */
static bool load(struct ktest *t, const char *name)
{
	int ret = ktest_load_quiet(name, NULL);

	KT_EXPECT(t, ret == 0 || ret == -ENOENT);
	if (ret == -ENOENT) {
		printk(KERN_INFO "        # %s: skipped: %s.ko is not in the "
				 "initrd (tests/boot/chardev.sh has it)\n",
		       t->name, name);
		return false;
	}
	return true;
}

static ssize_t read_all(struct file *f, char *buf, size_t size)
{
	ssize_t n = kernel_read(f, buf, size - 1, &f->f_pos);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void chardev_counts_opens_and_holds_module(struct ktest *t)
{
	struct file *f, *g;
	char buf[96];

	if (!load(t, "chardev"))
		return;
	KT_EXPECT_EQ(t, file_open_name("/dev/chardev", O_RDONLY, 0, &f), 0);
	read_all(f, buf, sizeof(buf));
	KT_EXPECT(t, !strcmp(buf, "I already told you 1 time Hello world!\n"));
	/* One opener at a time; and it holds the module. */
	KT_EXPECT_EQ(t, file_open_name("/dev/chardev", O_RDONLY, 0, &g),
		     -EBUSY);
	KT_EXPECT_EQ(t, run("rmmod chardev"), SHELL_FAILED);
	KT_EXPECT(t, module_find("chardev") != NULL);
	filp_close(f);
	KT_EXPECT_EQ(t, file_open_name("/dev/chardev", O_RDONLY, 0, &f), 0);
	read_all(f, buf, sizeof(buf));
	KT_EXPECT(t, !strcmp(buf, "I already told you 2 times Hello world!\n"));
	KT_EXPECT_EQ(t, kernel_write(f, "x", 1, &f->f_pos), -EBADF);
	filp_close(f);
	KT_EXPECT_EQ(t, run("rmmod chardev"), 0);
	KT_EXPECT(t, module_find("chardev") == NULL);
	KT_EXPECT_EQ(t, file_open_name("/dev/chardev", O_RDONLY, 0, &f),
		     -ENOENT);
}

/* What the ioctl calls read and write: all inside the caller's window. */
struct ioctl_args {
	int value;
	struct ioctl_dev_msg msg;
};

static void ioctl_dev_commands(struct ktest *t)
{
	struct uaccess_window saved;
	struct ioctl_args u = { 0 };
	int outside = 7;
	struct file *f;
	char buf[96];
	int fd;

	if (!load(t, "ioctl_dev"))
		return;
	fd = do_sys_open("/dev/ioctl_dev", O_RDWR, 0);
	KT_EXPECT(t, fd >= 0);
	if (fd < 0)
		goto out;
	uaccess_window_open(&saved, &u, sizeof(u));
	u.value = 42;
	KT_EXPECT_EQ(t, ksys_ioctl(fd, IOCTL_DEV_SET_VALUE, (unsigned long)&u),
		     0);
	u.value = 0;
	KT_EXPECT_EQ(t, ksys_ioctl(fd, IOCTL_DEV_GET_VALUE, (unsigned long)&u),
		     0);
	KT_EXPECT_EQ(t, u.value, 42);
	u.value = 7;
	KT_EXPECT_EQ(t, ksys_ioctl(fd, IOCTL_DEV_XCHG_VALUE, (unsigned long)&u),
		     0);
	KT_EXPECT_EQ(t, u.value, 42); /* the old one back; 7 is set */
	KT_EXPECT_EQ(t,
		     ksys_ioctl(fd, IOCTL_DEV_GET_MSG, (unsigned long)&u.msg),
		     0);
	KT_EXPECT(t, !strcmp(u.msg.text, "hello"));
	strlcpy(u.msg.text, "set by ioctl", sizeof(u.msg.text));
	KT_EXPECT_EQ(t,
		     ksys_ioctl(fd, IOCTL_DEV_SET_MSG, (unsigned long)&u.msg),
		     0);
	/* Wrong commands: another driver's type, a number it lacks. */
	KT_EXPECT_EQ(t, ksys_ioctl(fd, _IOR('z', 1, int), (unsigned long)&u),
		     -ENOTTY);
	KT_EXPECT_EQ(t,
		     ksys_ioctl(fd, _IOR(IOCTL_DEV_MAGIC, 99, int),
				(unsigned long)&u),
		     -ENOTTY);
	/* Memory outside the window is not the caller's: -EFAULT, and the
	 * value stays. */
	KT_EXPECT_EQ(t,
		     ksys_ioctl(fd, IOCTL_DEV_SET_VALUE,
				(unsigned long)&outside),
		     -EFAULT);
	KT_EXPECT_EQ(t, ksys_ioctl(fd, IOCTL_DEV_GET_MSG, 16), -EFAULT);
	uaccess_window_close(&saved);
	/* The descriptor holds the module; a second opener reads what the
	 * commands set. */
	KT_EXPECT_EQ(t, run("rmmod ioctl_dev"), SHELL_FAILED);
	KT_EXPECT_EQ(t, file_open_name("/dev/ioctl_dev", O_RDONLY, 0, &f), 0);
	/* Its static .owner = THIS_MODULE is the loader's struct module. */
	KT_EXPECT(t,
		  f->f_op->owner && f->f_op->owner == module_find("ioctl_dev"));
	KT_EXPECT_EQ(t, f->f_op->owner->refcount, 2); /* fd and f */
	read_all(f, buf, sizeof(buf));
	filp_close(f);
	KT_EXPECT(t, !strcmp(buf, "value 7, message set by ioctl\n"));
	KT_EXPECT_EQ(t, close_fd(fd), 0);
out:
	KT_EXPECT_EQ(t, run("rmmod ioctl_dev"), 0);
	KT_EXPECT(t, module_find("ioctl_dev") == NULL);
}

KTEST_SUITE(compat_chardev, KTEST_CASE(chardev_counts_opens_and_holds_module),
	    KTEST_CASE(ioctl_dev_commands));
