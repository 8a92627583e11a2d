/*
 * User copies: copies inside the thread's user window work both ways; a
 * pointer outside it is refused without touching memory; one inside it
 * that faults is caught by the exception table and reported as bytes not
 * copied or -EFAULT, and the kernel goes on without an oops.
 */
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include "modfiles.h"

#define BUF_LEN 64
#define TAIL 40 /* mapped bytes before the guard page in the crossing copy */

/* A page of the module area and the unmapped guard page after it. */
static char *mapped_then_guard(void)
{
	return modarea_alloc(PAGE_SIZE, PAGE_KERNEL_RW);
}

static void uaccess_copies_both_ways(struct ktest *t)
{
	char user[BUF_LEN], kbuf[BUF_LEN];
	struct uaccess_window saved;
	size_t i;

	for (i = 0; i < BUF_LEN; i++)
		kbuf[i] = (char)i;
	memset(user, 0, sizeof(user));
	uaccess_window_open(&saved, user, sizeof(user));
	KT_EXPECT_EQ(t, copy_to_user(user, kbuf, BUF_LEN), 0);
	KT_EXPECT(t, memcmp(user, kbuf, BUF_LEN) == 0);
	memset(kbuf, 0, sizeof(kbuf));
	KT_EXPECT_EQ(t, copy_from_user(kbuf, user + 8, BUF_LEN - 8), 0);
	KT_EXPECT_EQ(t, kbuf[0], 8);
	KT_EXPECT_EQ(t, kbuf[BUF_LEN - 9], BUF_LEN - 1);
	KT_EXPECT_EQ(t, clear_user(user, 16), 0);
	KT_EXPECT(t, user[0] == 0 && user[15] == 0 && user[16] == 16);
	uaccess_window_close(&saved);
}

/* Outside the window nothing is read or written, even one byte past it. */
static void uaccess_outside_window_is_refused(struct ktest *t)
{
	char user[BUF_LEN], kbuf[BUF_LEN];
	struct uaccess_window saved;
	int v = 5;

	memset(user, 'u', sizeof(user));
	memset(kbuf, 'k', sizeof(kbuf));
	uaccess_window_open(&saved, user + 8, 24);
	KT_EXPECT(t, access_ok(user + 8, 24));
	KT_EXPECT(t, !access_ok(user + 8, 25));
	KT_EXPECT(t, !access_ok(user + 32, 1));
	KT_EXPECT(t, !access_ok(user + 7, 1));
	KT_EXPECT(t, !access_ok(user + 1, (unsigned long)-1));
	KT_EXPECT_EQ(t, copy_to_user(user + 16, kbuf, 17), 17);
	KT_EXPECT(t, user[16] == 'u' && user[32] == 'u');
	KT_EXPECT_EQ(t, copy_from_user(kbuf, user + 40, 8), 8);
	KT_EXPECT(t, kbuf[0] == 0 && kbuf[7] == 0 && kbuf[8] == 'k');
	KT_EXPECT_EQ(t, clear_user(user + 40, 1), 1);
	KT_EXPECT_EQ(t, get_user(v, (int *)(user + 32)), -EFAULT);
	KT_EXPECT_EQ(t, v, 0);
	KT_EXPECT_EQ(t, put_user(7, (int *)(user + 30)), -EFAULT);
	KT_EXPECT_EQ(t, put_user(7, (int *)(user + 6)), -EFAULT);
	KT_EXPECT(t, user[6] == 'u' && user[30] == 'u' && user[40] == 'u');
	uaccess_window_close(&saved);
	/* A thread that opened no window may pass nothing. */
	KT_EXPECT(t, !access_ok(user + 8, 1));
}

/* Inside the window but unmapped: the fault is fixed up, no oops. */
static void uaccess_fault_is_fixed_up(struct ktest *t)
{
	char *page = mapped_then_guard(), *guard, kbuf[BUF_LEN];
	int oopses = ktest_log_count("Oops:");
	struct uaccess_window saved;
	uint64_t q = 1;
	char s[8];

	if (!page) {
		KT_EXPECT(t, page != NULL);
		return;
	}
	guard = page + PAGE_SIZE;
	uaccess_window_open(&saved, page, 2 * PAGE_SIZE);
	KT_EXPECT_EQ(t, copy_to_user(guard, kbuf, BUF_LEN), BUF_LEN);
	memset(kbuf, 'k', sizeof(kbuf));
	KT_EXPECT_EQ(t, copy_from_user(kbuf, guard, BUF_LEN), BUF_LEN);
	KT_EXPECT(t, kbuf[0] == 0 && kbuf[BUF_LEN - 1] == 0);
	KT_EXPECT_EQ(t, clear_user(guard + 1, 3), 3);
	KT_EXPECT_EQ(t, get_user(q, (uint64_t *)guard), -EFAULT);
	KT_EXPECT_EQ(t, q, 0);
	KT_EXPECT_EQ(t, put_user(q, (uint64_t *)guard), -EFAULT);
	KT_EXPECT_EQ(t, strncpy_from_user(s, guard, sizeof(s)), -EFAULT);
	uaccess_window_close(&saved);
	KT_EXPECT_EQ(t, ktest_log_count("Oops:"), oopses);
	modarea_free(page);
}

/* A copy running from mapped into unmapped memory stops at the page. */
static void uaccess_crossing_copy_counts_exactly(struct ktest *t)
{
	char *page = mapped_then_guard(), kbuf[BUF_LEN * 2];
	char *tail;
	struct uaccess_window saved;

	if (!page) {
		KT_EXPECT(t, page != NULL);
		return;
	}
	tail = page + PAGE_SIZE - TAIL;
	memset(kbuf, 'k', sizeof(kbuf));
	uaccess_window_open(&saved, page, 2 * PAGE_SIZE);
	KT_EXPECT_EQ(t, copy_to_user(tail, kbuf, sizeof(kbuf)),
		     sizeof(kbuf) - TAIL);
	KT_EXPECT(t, tail[0] == 'k' && tail[TAIL - 1] == 'k');
	memset(tail, 'u', TAIL);
	KT_EXPECT_EQ(t, copy_from_user(kbuf, tail, sizeof(kbuf)),
		     sizeof(kbuf) - TAIL);
	KT_EXPECT(t, kbuf[TAIL - 1] == 'u' && kbuf[TAIL] == 0);
	KT_EXPECT_EQ(t, clear_user(tail + 8, sizeof(kbuf)),
		     sizeof(kbuf) - (TAIL - 8));
	KT_EXPECT(t, tail[7] == 'u' && tail[8] == 0 && tail[TAIL - 1] == 0);
	/* A string running into the guard page has no end: a fault. */
	memset(tail, 'x', TAIL);
	KT_EXPECT_EQ(t, strncpy_from_user(kbuf, tail, sizeof(kbuf)), -EFAULT);
	uaccess_window_close(&saved);
	modarea_free(page);
}

static void uaccess_strncpy_length_and_truncation(struct ktest *t)
{
	char user[16] = "sprout", dst[16];
	struct uaccess_window saved;

	uaccess_window_open(&saved, user, sizeof(user));
	memset(dst, 'z', sizeof(dst));
	KT_EXPECT_EQ(t, strncpy_from_user(dst, user, sizeof(dst)), 6);
	KT_EXPECT(t, strcmp(dst, "sprout") == 0);
	memset(dst, 'z', sizeof(dst));
	KT_EXPECT_EQ(t, strncpy_from_user(dst, user, 4), 4);
	KT_EXPECT(t, memcmp(dst, "spro", 4) == 0 && dst[4] == 'z');
	KT_EXPECT_EQ(t, strncpy_from_user(dst, user, 0), 0);
	uaccess_window_close(&saved);
	/* The window ends before the NUL: the string cannot be read whole. */
	uaccess_window_open(&saved, user, 6);
	KT_EXPECT_EQ(t, strncpy_from_user(dst, user, sizeof(dst)), -EFAULT);
	KT_EXPECT_EQ(t, strncpy_from_user(dst, user, 5), 5);
	uaccess_window_close(&saved);
}

static void uaccess_get_put_sizes(struct ktest *t)
{
	struct {
		uint8_t b;
		uint16_t w;
		uint32_t l;
		uint64_t q;
	} user = { 0 };
	uint8_t b = 0;
	uint16_t w = 0;
	uint32_t l = 0;
	uint64_t q = 0;
	struct uaccess_window saved;

	uaccess_window_open(&saved, &user, sizeof(user));
	KT_EXPECT_EQ(t, put_user(0xa5, &user.b), 0);
	KT_EXPECT_EQ(t, put_user(0xbeef, &user.w), 0);
	KT_EXPECT_EQ(t, put_user(0xdeadbeefu, &user.l), 0);
	KT_EXPECT_EQ(t, put_user(0x0123456789abcdefull, &user.q), 0);
	KT_EXPECT(t, user.b == 0xa5 && user.w == 0xbeef);
	KT_EXPECT(t, user.l == 0xdeadbeefu && user.q == 0x0123456789abcdefull);
	KT_EXPECT_EQ(t, get_user(b, &user.b), 0);
	KT_EXPECT_EQ(t, get_user(w, &user.w), 0);
	KT_EXPECT_EQ(t, get_user(l, &user.l), 0);
	KT_EXPECT_EQ(t, get_user(q, &user.q), 0);
	KT_EXPECT(t, b == 0xa5 && w == 0xbeef);
	KT_EXPECT(t, l == 0xdeadbeefu && q == 0x0123456789abcdefull);
	uaccess_window_close(&saved);
}

/* tools/sortextable ran on this image: fixup_exception() can bisect it. */
static void uaccess_kernel_extable_is_sorted(struct ktest *t)
{
	const struct exception_table_entry *e;

	KT_EXPECT(t, __stop___ex_table - __start___ex_table >= 4);
	for (e = __start___ex_table + 1; e < __stop___ex_table; e++)
		if (ex_insn_addr(e - 1) >= ex_insn_addr(e))
			ktest_fail(t, __FILE__, __LINE__,
				   "entry %ld out of order: %lx after %lx",
				   (long)(e - __start___ex_table),
				   (unsigned long)ex_insn_addr(e),
				   (unsigned long)ex_insn_addr(e - 1));
}

/*
 * The module usercopy faults in its own code at the guard page we lend
 * it; its init_module fails unless the loader sorted its table and the
 * fixup found the entries there.
 */
static void uaccess_module_fault_is_fixed_up(struct ktest *t)
{
	char *page, args[40];
	int oopses = ktest_log_count("Oops:");
	struct uaccess_window saved;
	const struct module *mod;

	if (!ktest_have_module_files(t))
		return;
	page = mapped_then_guard();
	if (!page) {
		KT_EXPECT(t, page != NULL);
		return;
	}
	snprintf(args, sizeof(args), "address=%#lx",
		 (unsigned long)(page + PAGE_SIZE));
	uaccess_window_open(&saved, page, 2 * PAGE_SIZE);
	KT_EXPECT_EQ(t, ktest_load_quiet("usercopy", args), 0);
	uaccess_window_close(&saved);
	mod = module_find("usercopy");
	KT_EXPECT(t, mod && mod->num_exentries == 3);
	for (size_t i = 1; mod && i < mod->num_exentries; i++)
		KT_EXPECT(t, ex_insn_addr(&mod->extable[i - 1]) <
				     ex_insn_addr(&mod->extable[i]));
	KT_EXPECT_EQ(t, ktest_remove_quiet("usercopy"), 0);
	KT_EXPECT_EQ(t, ktest_log_count("Oops:"), oopses);
	modarea_free(page);
}

KTEST_SUITE(uaccess, KTEST_CASE(uaccess_kernel_extable_is_sorted),
	    KTEST_CASE(uaccess_copies_both_ways),
	    KTEST_CASE(uaccess_outside_window_is_refused),
	    KTEST_CASE(uaccess_fault_is_fixed_up),
	    KTEST_CASE(uaccess_crossing_copy_counts_exactly),
	    KTEST_CASE(uaccess_strncpy_length_and_truncation),
	    KTEST_CASE(uaccess_get_put_sizes),
	    KTEST_CASE(uaccess_module_fault_is_fixed_up));
