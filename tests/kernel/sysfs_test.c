/*
 * In-kernel tests of kobjects and sysfs, through the VFS as a reader of
 * /sys would see them: a kobject's directory lives exactly as long as the
 * kobject, show runs once per open and store gets the bytes written,
 * groups make and remove their files together, modes are enforced, and
 * removing a file waits for a read in progress and fails later ones.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/sysfs.h>
#include "files.h"

static int value = 5, shows, releases;
static struct completion in_show, may_return;
static bool slow_show;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	shows++;
	if (slow_show) {
		complete(&in_show);
		wait_for_completion(&may_return);
	}
	return sysfs_emit(buf, "%d\n", value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr,
			   const char *buf, size_t count)
{
	int err = kstrtoint(buf, 10, &value);

	return err ? err : (ssize_t)count;
}

static struct kobj_attribute value_attr = __ATTR_RW(value);
static struct kobj_attribute ro_attr = __ATTR(ro, 0444, value_show, NULL);
static struct kobj_attribute nostore_attr =
	__ATTR(nostore, 0644, value_show, NULL);
static struct kobj_attribute wo_attr = __ATTR(wo, 0200, NULL, value_store);
static struct kobj_attribute hidden_attr =
	__ATTR(hidden, 0444, value_show, NULL);

static struct attribute *grp_attrs[] = { &ro_attr.attr, &hidden_attr.attr,
					 NULL };

static umode_t grp_visible(struct kobject *kobj, struct attribute *attr, int n)
{
	return attr == &hidden_attr.attr ? 0 : attr->mode;
}

static const struct attribute_group named_grp = {
	.name = "grp",
	.is_visible = grp_visible,
	.attrs = grp_attrs,
};

static void counted_release(struct kobject *kobj)
{
	releases++;
}

static const struct attribute_group *counted_groups[] = { &named_grp, NULL };

static const struct kobj_type counted_ktype = {
	.release = counted_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = counted_groups,
};

static void sysfs_is_mounted(struct ktest *t)
{
	KT_EXPECT(t, ktest_exists("/sys/kernel"));
	KT_EXPECT(t, ktest_exists("/sys/module"));
	KT_EXPECT(t, ktest_exists("/sys/kernel/debug"));
	KT_EXPECT(t,
		  kernel_kobj && !strcmp(kobject_name(kernel_kobj), "kernel"));
}

static void kobject_directory_lives_with_its_references(struct ktest *t)
{
	static struct kobject kobj;

	releases = 0;
	memset(&kobj, 0, sizeof(kobj));
	KT_EXPECT_EQ(t,
		     kobject_init_and_add(&kobj, &counted_ktype, kernel_kobj,
					  "st_%s", "counted"),
		     0);
	KT_EXPECT(t, ktest_exists("/sys/kernel/st_counted/grp/ro"));
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_counted/grp/hidden"));
	KT_EXPECT(t, kobject_get(&kobj) == &kobj);
	kobject_put(&kobj);
	KT_EXPECT(t, ktest_exists("/sys/kernel/st_counted"));
	KT_EXPECT_EQ(t, releases, 0);
	kobject_put(&kobj);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_counted"));
	KT_EXPECT_EQ(t, releases, 1);
}

static void duplicate_and_empty_names_are_refused(struct ktest *t)
{
	struct kobject *a = kobject_create_and_add("st_dup", kernel_kobj);
	static struct kobject b, c;

	KT_EXPECT(t, a != NULL);
	memset(&b, 0, sizeof(b));
	KT_EXPECT_EQ(t,
		     kobject_init_and_add(&b, &counted_ktype, kernel_kobj,
					  "st_dup"),
		     -EEXIST);
	kobject_put(&b);
	memset(&c, 0, sizeof(c));
	KT_EXPECT_EQ(t,
		     kobject_init_and_add(&c, &counted_ktype, kernel_kobj, "%s",
					  ""),
		     -EINVAL);
	kobject_put(&c);
	memset(&c, 0, sizeof(c));
	KT_EXPECT_EQ(t,
		     kobject_init_and_add(&c, &counted_ktype, kernel_kobj,
					  "st/slash"),
		     0);
	KT_EXPECT(t, ktest_exists("/sys/kernel/st!slash"));
	kobject_put(&c);
	KT_EXPECT(t, kobject_create_and_add("st_dup", kernel_kobj) == NULL);
	kobject_put(a);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_dup"));
}

static void show_runs_once_per_open_and_store_takes_the_bytes(struct ktest *t)
{
	struct kobject *k = kobject_create_and_add("st_rw", kernel_kobj);
	char buf[32];

	value = 5;
	shows = 0;
	KT_EXPECT_EQ(t, sysfs_create_file(k, &value_attr.attr), 0);
	KT_EXPECT_EQ(t, sysfs_create_file(k, &value_attr.attr), -EEXIST);
	KT_EXPECT_EQ(t,
		     ktest_read_chunks("/sys/kernel/st_rw/value", buf,
				       sizeof(buf), 1),
		     2);
	KT_EXPECT(t, !strcmp(buf, "5\n"));
	KT_EXPECT_EQ(t, shows, 1);
	KT_EXPECT_EQ(t, ktest_write_str("/sys/kernel/st_rw/value", "42\n"), 3);
	KT_EXPECT_EQ(t, value, 42);
	KT_EXPECT_EQ(t, ktest_write_str("/sys/kernel/st_rw/value", "x"),
		     -EINVAL);
	KT_EXPECT_EQ(t, value, 42);
	ktest_read_chunks("/sys/kernel/st_rw/value", buf, sizeof(buf), 16);
	KT_EXPECT(t, !strcmp(buf, "42\n"));
	sysfs_remove_file(k, &value_attr.attr);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_rw/value"));
	kobject_put(k);
}

static void modes_are_enforced(struct ktest *t)
{
	struct kobject *k = kobject_create_and_add("st_mode", kernel_kobj);
	char buf[8];

	KT_EXPECT_EQ(t, sysfs_create_file(k, &ro_attr.attr), 0);
	KT_EXPECT_EQ(t, sysfs_create_file(k, &nostore_attr.attr), 0);
	KT_EXPECT_EQ(t, sysfs_create_file(k, &wo_attr.attr), 0);
	KT_EXPECT_EQ(t, ktest_write_str("/sys/kernel/st_mode/ro", "1"),
		     -EACCES);
	KT_EXPECT_EQ(t, ktest_write_str("/sys/kernel/st_mode/nostore", "1"),
		     -EIO);
	KT_EXPECT_EQ(t,
		     ktest_read_chunks("/sys/kernel/st_mode/wo", buf,
				       sizeof(buf), 8),
		     -EACCES);
	KT_EXPECT_EQ(t, ktest_write_str("/sys/kernel/st_mode/wo", "9"), 1);
	KT_EXPECT_EQ(t, value, 9);
	kobject_put(k); /* its files go with it */
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_mode"));
}

static void groups_make_and_remove_their_files(struct ktest *t)
{
	struct kobject *k = kobject_create_and_add("st_grp", kernel_kobj);
	static struct attribute *flat[] = { &value_attr.attr, NULL };
	static const struct attribute_group flat_grp = { .attrs = flat };

	KT_EXPECT_EQ(t, sysfs_create_group(k, &named_grp), 0);
	KT_EXPECT_EQ(t, sysfs_create_group(k, &flat_grp), 0);
	KT_EXPECT(t, ktest_exists("/sys/kernel/st_grp/grp/ro"));
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_grp/grp/hidden"));
	KT_EXPECT(t, ktest_exists("/sys/kernel/st_grp/value"));
	sysfs_remove_group(k, &named_grp);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_grp/grp"));
	KT_EXPECT(t, ktest_exists("/sys/kernel/st_grp/value"));
	sysfs_remove_group(k, &flat_grp);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_grp/value"));
	kobject_put(k);
}

static int slow_reader(void *arg)
{
	char buf[16];

	return ktest_read_chunks(arg, buf, sizeof(buf), sizeof(buf));
}

static int remover(void *arg)
{
	sysfs_remove_file(arg, &value_attr.attr);
	return 0;
}

/* A read in progress finishes; the remover waits; later calls fail. */
static void removal_waits_for_calls_and_fails_later_ones(struct ktest *t)
{
	struct kobject *k = kobject_create_and_add("st_rm", kernel_kobj);
	struct task_struct *reader, *rm;
	struct file *open;
	loff_t pos = 0;
	char buf[8];

	value = 7;
	KT_EXPECT_EQ(t, sysfs_create_file(k, &value_attr.attr), 0);
	KT_EXPECT_EQ(t,
		     file_open_name("/sys/kernel/st_rm/value", O_RDWR, 0,
				    &open),
		     0);
	init_completion(&in_show);
	init_completion(&may_return);
	slow_show = true;
	reader = kthread_create_task(slow_reader, "/sys/kernel/st_rm/value",
				     "st_reader");
	get_task_struct(reader);
	wake_up_process(reader);
	wait_for_completion(&in_show);
	rm = kthread_create_task(remover, k, "st_remover");
	get_task_struct(rm);
	wake_up_process(rm);
	msleep(20);
	KT_EXPECT(t,
		  ktest_exists("/sys/kernel/st_rm/value")); /* still waiting */
	slow_show = false;
	complete(&may_return);
	KT_EXPECT_EQ(t, kthread_stop(reader), 2); /* "7\n", read whole */
	KT_EXPECT_EQ(t, kthread_stop(rm), 0);
	put_task_struct(reader);
	put_task_struct(rm);
	KT_EXPECT(t, !ktest_exists("/sys/kernel/st_rm/value"));
	KT_EXPECT_EQ(t, kernel_read(open, buf, sizeof(buf), &pos), -ENODEV);
	KT_EXPECT_EQ(t, kernel_write(open, "1", 1, &pos), -ENODEV);
	filp_close(open);
	kobject_put(k);
}

/* Made and taken down 50 times: no byte or page is left behind. */
static void nothing_leaks(struct ktest *t)
{
	struct mm_stats before, after;
	char buf[16];

	mm_get_stats(&before);
	for (int i = 0; i < 50; i++) {
		struct kobject *k =
			kobject_create_and_add("st_leak", kernel_kobj);

		sysfs_create_file(k, &value_attr.attr);
		sysfs_create_group(k, &named_grp);
		ktest_read_chunks("/sys/kernel/st_leak/value", buf, sizeof(buf),
				  4);
		kobject_put(k);
	}
	mm_get_stats(&after);
	ktest_same_mm(t, "50 kobjects with files", &before, &after);
}

static void sysfs_emit_stays_in_its_page(struct ktest *t)
{
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	int n = 0;

	for (int i = 0; i < 2000; i++)
		n += sysfs_emit_at(page, n, "%d,", i);
	KT_EXPECT_EQ(t, n, PAGE_SIZE - 1);
	KT_EXPECT_EQ(t, page[PAGE_SIZE - 1], '\0');
	KT_EXPECT_EQ(t, sysfs_emit_at(page, n + 1, "x"), 0);
	kfree(page);
}

KTEST_SUITE(sysfs, KTEST_CASE(sysfs_is_mounted),
	    KTEST_CASE(kobject_directory_lives_with_its_references),
	    KTEST_CASE(duplicate_and_empty_names_are_refused),
	    KTEST_CASE(show_runs_once_per_open_and_store_takes_the_bytes),
	    KTEST_CASE(modes_are_enforced),
	    KTEST_CASE(groups_make_and_remove_their_files),
	    KTEST_CASE(removal_waits_for_calls_and_fails_later_ones),
	    KTEST_CASE(nothing_leaks),
	    KTEST_CASE(sysfs_emit_stays_in_its_page));
