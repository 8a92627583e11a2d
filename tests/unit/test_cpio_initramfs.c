/*
 * The unpacker follows Linux's initramfs rules, run on the host into a
 * ramfs root (the kernel's VFS, tests/fuzz/host_vfs.h): a later entry of
 * one path replaces the earlier, hard links are one file with the data
 * their entries carry, archives concatenated after a trailer are unpacked
 * too, the root cannot be replaced, and "x/" names only a directory.
 * Archives are built here byte by byte, and once by GNU cpio for its
 * hard-link layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/string.h>
#include "../../kernel/fs/internal.h"
#include "../../kernel/initrd/internal.h"
#include "../fuzz/host_vfs.h"

/* <stdlib.h> would bring the C library's dev_t and loff_t, not the kernel's. */
void *calloc(size_t n, size_t size);
void free(void *p);
int system(const char *command);
char *mkdtemp(char *template);
char *strstr(const char *haystack, const char *needle);

#define MODE_REG (CPIO_S_IFREG | 0644)
#define MODE_DIR (CPIO_S_IFDIR | 0755)
#define BLOCK 512 /* GNU cpio pads an archive to 512-byte blocks */

/* An archive being built: members are appended at @len. */
struct builder {
	uint8_t buf[1 << 16];
	size_t len;
};

static void pad(struct builder *b, size_t align)
{
	while (b->len % align)
		b->buf[b->len++] = 0;
}

/* Append a member: inode @ino with @nlink links, @data its contents. */
static void add_link(struct builder *b, const char *name, uint32_t mode,
		     uint32_t ino, uint32_t nlink, const char *data)
{
	size_t size = strlen(data);

	b->len += (size_t)
		sprintf((char *)b->buf + b->len,
			"070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X%s",
			ino, mode, 0u, 0u, nlink, 0u, size, 8u, 1u, 0u, 0u,
			strlen(name) + 1, 0u, name);
	b->buf[b->len++] = '\0';
	pad(b, CPIO_ALIGN);
	memcpy(b->buf + b->len, data, size);
	b->len += size;
	pad(b, CPIO_ALIGN);
}

static void add(struct builder *b, const char *name, uint32_t mode,
		const char *data)
{
	static uint32_t ino = 100;

	add_link(b, name, mode, ino++, 1, data);
}

/* End one archive as GNU cpio does: a trailer, zeros to a 512-byte block. */
static void trailer(struct builder *b)
{
	add(b, CPIO_TRAILER, 0, "");
	pad(b, BLOCK);
}

static struct builder *new_builder(void)
{
	struct builder *b = calloc(1, sizeof(*b));

	assert_non_null(b);
	return b;
}

/* Unpack what @b holds into a fresh root, as populate_rootfs() does. */
static void unpack_built(struct builder *b)
{
	char err[256] = "";

	host_rootfs_mount();
	if (unpack_to_rootfs(b->buf, b->len, err, sizeof(err)))
		fail_msg("unpacking failed: %s", err);
}

static int unpack_teardown(void **state)
{
	host_rootfs_umount();
	return 0;
}

/* The inode at @path (not followed), which must be there. */
static struct inode *inode_at(const char *path)
{
	struct inode *inode;
	struct path p;

	if (kern_path(path, 0, &p))
		fail_msg("%s: not unpacked", path);
	inode = p.dentry->d_inode;
	path_put(&p);
	return inode;
}

/* @path is a file of bits @mode holding @data. */
static void expect_file_mode(const char *path, umode_t mode, const char *data)
{
	struct inode *inode = inode_at(path);

	assert_int_equal(inode->i_mode, S_IFREG | mode);
	assert_int_equal(inode->i_size, strlen(data));
	if (*data)
		assert_memory_equal(inode->i_private, data, strlen(data));
}

static void expect_file(const char *path, const char *data)
{
	expect_file_mode(path, 0644, data);
}

static void expect_missing(const char *path)
{
	struct path p;

	assert_int_equal(kern_path(path, 0, &p), -ENOENT);
}

struct listing {
	char text[256];
};

static bool list_one(struct dentry *d, void *arg)
{
	struct listing *l = arg;
	size_t n = strlen(l->text);

	snprintf(l->text + n, sizeof(l->text) - n, "%.*s%s ", d->d_name.len,
		 d->d_name.name, S_ISDIR(d->d_inode->i_mode) ? "/" : "");
	return true;
}

/* The names in directory @dir, in order, "name " each ("name/ " a dir). */
static void expect_listing(const char *dir, const char *want)
{
	struct listing l = { "" };
	struct path p;

	assert_int_equal(kern_path(dir, LOOKUP_FOLLOW, &p), 0);
	dtree_walk(p.dentry->d_children, 0, list_one, &l);
	path_put(&p);
	assert_string_equal(l.text, want);
}

/* A later entry of one path replaces the earlier: Linux unlinks it first. */
static void test_later_entry_replaces(void **state)
{
	struct builder *b = new_builder();

	add(b, "etc", MODE_DIR, "");
	add(b, "etc/motd", MODE_REG, "first");
	add(b, "/etc/motd", MODE_REG, "second");
	add(b, "./etc/motd", CPIO_S_IFREG | 0600, "third");
	add(b, "etc/issue", MODE_REG, "issue");
	trailer(b);
	unpack_built(b);
	expect_file_mode("/etc/motd", 0600, "third");
	expect_listing("/etc", "issue motd ");
	expect_listing("/", "etc/ ");
	free(b);
}

/*
 * A directory archived without u+wx is made with them, so that its
 * members can be, and gets its own bits at the end -- unless a later
 * entry of its path says otherwise, as in Linux, where each entry's bits
 * are set at once.
 */
static void test_later_directory_bits(void **state)
{
	struct builder *b = new_builder();

	add(b, "shut", CPIO_S_IFDIR | 0500, "");
	add(b, "shut/in", MODE_REG, "in");
	add(b, "opened", CPIO_S_IFDIR | 0500, "");
	add(b, "opened/in", MODE_REG, "in");
	add(b, "opened", CPIO_S_IFDIR | 0750, "");
	add(b, "gone", CPIO_S_IFDIR | 0500, "");
	add(b, "gone", MODE_REG, "a file");
	trailer(b);
	unpack_built(b);
	assert_int_equal(inode_at("/shut")->i_mode, S_IFDIR | 0500);
	assert_int_equal(inode_at("/opened")->i_mode, S_IFDIR | 0750);
	expect_file("/opened/in", "in");
	expect_file("/gone", "a file");
	free(b);
}

/*
 * Hard links as GNU cpio writes them: one inode, nlink > 1, the data only
 * with the last link.  Every link gets it; a link named again later is
 * replaced like any file; one inode number in two archives is two files.
 */
static void test_hard_links(void **state)
{
	struct builder *b = new_builder();

	add_link(b, "a", MODE_REG, 7, 3, "");
	add_link(b, "b", MODE_REG, 7, 3, "");
	add(b, "other", MODE_REG, "x");
	add_link(b, "c", MODE_REG, 7, 3, "shared");
	add_link(b, "lonely", MODE_REG, 9, 2, "");
	trailer(b);
	add_link(b, "d", MODE_REG, 7, 2, "");
	add_link(b, "e", MODE_REG, 7, 2, "new");
	trailer(b);
	unpack_built(b);
	expect_file("/a", "shared");
	expect_file("/b", "shared");
	expect_file("/c", "shared");
	assert_ptr_equal(inode_at("/a"), inode_at("/b"));
	assert_ptr_equal(inode_at("/a"), inode_at("/c"));
	assert_int_equal(inode_at("/a")->i_nlink, 3);
	expect_file("/other", "x");
	expect_file("/lonely", ""); /* its data never came */
	expect_file("/d", "new");
	expect_file("/e", "new");
	assert_ptr_equal(inode_at("/d"), inode_at("/e"));
	assert_ptr_not_equal(inode_at("/a"), inode_at("/d"));
	free(b);
}

static char tmpdir[] = "/tmp/sprout-initramfs-test.XXXXXX";

/* The same, with an archive GNU cpio packs from a tree with two links. */
static void test_gnu_cpio_hard_links(void **state)
{
	struct builder *b = new_builder();
	char cmd[512];
	FILE *f;

	assert_non_null(mkdtemp(tmpdir));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && mkdir d && printf linked > d/one && ln d/one two && "
		 "printf '%%s\\n' d d/one two | cpio -o -H newc --quiet",
		 tmpdir);
	f = popen(cmd, "r");
	assert_non_null(f);
	b->len = fread(b->buf, 1, sizeof(b->buf), f);
	assert_int_equal(pclose(f), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	assert_int_equal(system(cmd), 0);
	unpack_built(b);
	expect_file("/d/one", "linked");
	expect_file("/two", "linked");
	assert_ptr_equal(inode_at("/d/one"), inode_at("/two"));
	free(b);
}

/*
 * Archives concatenated, each padded with zeros (Linux skips them): the
 * second's members are read too, and replace the first's.
 */
static void test_concatenated(void **state)
{
	struct builder *b = new_builder();

	add(b, "lib", MODE_DIR, "");
	add(b, "lib/a.ko", MODE_REG, "old");
	trailer(b);
	b->len += 4 * CPIO_ALIGN; /* more zeros than one block holds */
	add(b, "lib/a.ko", MODE_REG, "new");
	add(b, "lib/b.ko", MODE_REG, "bee");
	trailer(b);
	add(b, "etc", MODE_DIR, "");
	add(b, CPIO_TRAILER, 0, ""); /* the last with no padding */
	unpack_built(b);
	expect_file("/lib/a.ko", "new");
	expect_file("/lib/b.ko", "bee");
	expect_listing("/", "etc/ lib/ ");
	free(b);
}

/*
 * The unpacking of @b stops with a message saying @what; what came before
 * the damage is there (a file "a", and "b" if @b_first), nothing after it.
 */
static void expect_unpack_fails(struct builder *b, const char *what,
				bool b_first)
{
	char err[256] = "";

	host_rootfs_mount();
	assert_int_equal(unpack_to_rootfs(b->buf, b->len, err, sizeof(err)),
			 -EINVAL);
	if (!strstr(err, what))
		fail_msg("message \"%s\" does not say \"%s\"", err, what);
	expect_file("/a", "a");
	if (b_first)
		expect_file("/b", "b");
	else
		expect_missing("/b");
	host_rootfs_umount();
}

/* After a trailer come only zeros and whole archives, 4-byte aligned. */
static void test_junk_after_trailer(void **state)
{
	struct builder *b = new_builder();
	size_t end;

	add(b, "a", MODE_REG, "a");
	trailer(b);
	end = b->len;
	b->len += 2;
	add(b, "b", MODE_REG, "b");
	expect_unpack_fails(b, "junk at offset 514 after a TRAILER!!! entry",
			    false);

	b->len = end;
	memset(b->buf + b->len, 'g', 2 * CPIO_HEADER_SIZE);
	b->len += 2 * CPIO_HEADER_SIZE;
	expect_unpack_fails(b, "header at offset 512: bad magic \"gggggg\"",
			    false);

	b->len = end;
	add(b, "b", MODE_REG, "b"); /* a second archive without its trailer */
	expect_unpack_fails(b, "without a TRAILER!!! entry", true);
	free(b);
}

/* ".", "/" and "./" name the root, which no entry can replace. */
static void test_root_not_replaced(void **state)
{
	struct builder *b = new_builder();

	add(b, ".", MODE_DIR, "");
	add(b, "x", MODE_REG, "x");
	add(b, "/", MODE_REG, "not the root");
	add(b, "./", MODE_REG, "nor this");
	add(b, ".", CPIO_S_IFLNK | 0777, "x");
	add(b, "//", MODE_DIR, "");
	trailer(b);
	unpack_built(b);
	assert_int_equal(inode_at("/")->i_mode, S_IFDIR | 0755);
	expect_listing("/", "x ");
	free(b);
}

/*
 * "x.ko/" is a directory (of directory mode) or nothing (a file: Linux
 * cannot create a file by a name ending in "/"); never a module file.
 */
static void test_trailing_slash(void **state)
{
	struct builder *b = new_builder();

	add(b, "m", MODE_DIR, "");
	add(b, "m/dir.ko/", MODE_DIR, "");
	add(b, "m/file.ko/", MODE_REG, "not a module");
	add(b, "m/kept.ko", MODE_REG, "module");
	add(b, "m/kept.ko/", MODE_REG, "no replacement");
	add(b, "m/sub//", MODE_DIR, "");
	add(b, "m/sub/inner.ko", MODE_REG, "inner");
	trailer(b);
	unpack_built(b);
	assert_int_equal(inode_at("/m/dir.ko")->i_mode, S_IFDIR | 0755);
	expect_missing("/m/file.ko");
	expect_file("/m/kept.ko", "module");
	expect_file("/m/sub/inner.ko", "inner");
	expect_listing("/m", "dir.ko/ kept.ko sub/ ");
	expect_listing("/m/dir.ko", "");
	expect_listing("/m/sub/", "inner.ko ");
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_later_entry_replaces,
					  unpack_teardown),
		cmocka_unit_test_teardown(test_later_directory_bits,
					  unpack_teardown),
		cmocka_unit_test_teardown(test_hard_links, unpack_teardown),
		cmocka_unit_test_teardown(test_gnu_cpio_hard_links,
					  unpack_teardown),
		cmocka_unit_test_teardown(test_concatenated, unpack_teardown),
		cmocka_unit_test(test_junk_after_trailer),
		cmocka_unit_test_teardown(test_root_not_replaced,
					  unpack_teardown),
		cmocka_unit_test_teardown(test_trailing_slash, unpack_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
