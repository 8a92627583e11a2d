/*
 * Shared by the module loader's unit tests: read a .ko, run the loader's
 * steps on it at fixed kernel-like addresses, and recompute independently
 * what every relocation should have written.
 */
#ifndef TESTS_MODULE_FIXTURE_H
#define TESTS_MODULE_FIXTURE_H

#include <kernel/types.h>
#include "../../kernel/module/internal.h"

/* Where the test pretends the regions and the kernel's symbols are. */
#define FIX_CORE_ADDR 0xffffffffa0000000ull
#define FIX_INIT_ADDR 0xffffffffa8000000ull
#define FIX_EXT_FUNC 0xffffffff80100000ull
#define FIX_EXT_DATA 0xffffffff80200000ull

struct fixture {
	void *buf;  /* the file, modified by the loader */
	void *orig; /* an untouched copy */
	size_t len;
	struct load_info info;
	int err; /* of the first step that failed */
	uint64_t init, exit;
	/* The registered tables: fixture_read() sets the shell's alone. */
	const struct module_table_ops *const *tables;
	size_t num_tables;
};

/*
 * fixture_shell_table - .shell_cmds described as kernel/shell/table.c
 * registers it: every string of a command, its function and completion.
 */
extern const struct module_table_ops fixture_shell_table;

/*
 * fixture_read - read $BUILD/<path> (BUILD defaults to "build") into
 * f->buf and f->orig; fails the test if the file cannot be read.
 */
void fixture_read(struct fixture *f, const char *path);

/*
 * fixture_load - run check, layout (with f->tables), placement, symbol
 * resolution, relocation, the init/exit lookup and the table checks on
 * f->buf (len bytes, which a test
 * may have shortened).  Returns the first error; f->info.why says why.
 */
int fixture_load(struct fixture *f, size_t len);

/* fixture_free - release the buffers and regions. */
void fixture_free(struct fixture *f);

/*
 * fixture_resolve - the test's kernel: ext_func and ext_data at fixed
 * addresses, names starting "missing_" unknown, anything else at an
 * address derived from its name inside the kernel image.
 */
int fixture_resolve(struct load_info *info, const char *name, uint64_t *value,
		    void *ctx);

/*
 * fixture_check_relocations - recompute each relocation of every loaded
 * section from the untouched file and compare the bytes the loader wrote;
 * returns the number checked, fails the test on the first difference.
 */
size_t fixture_check_relocations(struct fixture *f);

/* fixture_section - index of the section named @name in the file, or 0. */
unsigned int fixture_section(const struct fixture *f, const char *name);

/* fixture_shdr - section header @i of the (writable) copy in @f->buf. */
Elf64_Shdr *fixture_shdr(struct fixture *f, unsigned int i);

/* fixture_symbol - @f->buf's symbol named @name; fails the test if none. */
Elf64_Sym *fixture_symbol(struct fixture *f, const char *name);

#endif
