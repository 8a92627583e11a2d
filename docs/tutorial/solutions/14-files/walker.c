/*
 * Chapter 14, exercise 1: what the path walk answers for a file, the same
 * file with a trailing slash or a component after it, a missing
 * directory, ".." above the root and a component over NAME_MAX bytes.
 * Init makes the file, walks each name and prints the errno or the name
 * of the dentry reached.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define WALKER_FILE "/walker.txt"

static const char *const walker_names[] = {
	WALKER_FILE, WALKER_FILE "/",	   WALKER_FILE "/x",
	"/nope/x",   "/../.." WALKER_FILE,
};

/* Walk @name: print where it led, or why not; the dentry or NULL. */
static struct dentry *walker_walk(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW, &path);

	if (err) {
		pr_info("walker: %.20s: %d\n", name, err);
		return NULL;
	}
	pr_info("walker: %.20s: the dentry \"%s\"\n", name,
		path.dentry->d_name.name);
	path_put(&path);
	return path.dentry;
}

static int __init walker_init(void)
{
	struct dentry *first, *up;
	struct file *f;
	char *longname;

	f = filp_open(WALKER_FILE, O_CREAT | O_WRONLY, 0644);
	if (IS_ERR(f))
		return PTR_ERR(f);
	filp_close(f, NULL);
	first = walker_walk(walker_names[0]);
	for (int i = 1; i < 4; i++)
		walker_walk(walker_names[i]);
	up = walker_walk(walker_names[4]);
	pr_info("walker: the same dentry: %s\n",
		first && first == up ? "yes" : "no");

	/* "/" and 256 bytes of name: one over NAME_MAX. */
	longname = kmalloc(NAME_MAX + 3, GFP_KERNEL);
	if (!longname)
		return -ENOMEM;
	longname[0] = '/';
	memset(longname + 1, 'n', NAME_MAX + 1);
	longname[NAME_MAX + 2] = '\0';
	walker_walk(longname);
	kfree(longname);
	return 0;
}

static void __exit walker_exit(void)
{
}

module_init(walker_init);
module_exit(walker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("the path walk's answers, errnos included");
