/*
 * libFuzzer target for modprobe: the input is a modules.dep text, then a
 * NUL, then an etc/modules text.  Each module etc/modules names (and a few
 * fixed names) is resolved over that modules.dep with a fake loader,
 * which checks that every module is loaded once, after everything it
 * depends on, and that each report fits its line.
 */
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include <kernel/modprobe.h>
#include "host.h"

#define FUZZ_LOADED_MAX 64

struct fake {
	struct modules_dep md;
	char loaded[FUZZ_LOADED_MAX][MODULE_NAME_LEN];
	size_t n_loaded;
};

static int fake_dep(void *ctx, const char *name, struct modprobe_dep_pos *pos,
		    char out[MODULE_NAME_LEN])
{
	struct fake *f = ctx;
	int ret = modprobe_dep_of(&f->md, name, pos, out);

	fuzz_check(ret <= 0 || strlen(out) < MODULE_NAME_LEN,
		   "a dependency name fits");
	return ret;
}

static bool fake_loaded(void *ctx, const char *name)
{
	struct fake *f = ctx;

	for (size_t i = 0; i < f->n_loaded; i++)
		if (module_name_eq(f->loaded[i], strlen(f->loaded[i]), name))
			return true;
	return false;
}

static int fake_load(void *ctx, const char *name, const char *args)
{
	struct fake *f = ctx;
	struct modprobe_dep_pos pos = { false, 0, 0 };
	char dep[MODULE_NAME_LEN];

	fuzz_check(!fake_loaded(f, name), "a module is loaded once");
	while (fake_dep(f, name, &pos, dep) > 0)
		fuzz_check(fake_loaded(f, dep),
			   "dependencies are loaded first");
	if (name[0] == 'x') /* some loads fail, as a broken module would */
		return -ENOEXEC;
	if (f->n_loaded == FUZZ_LOADED_MAX)
		return -ENOMEM;
	strcpy(f->loaded[f->n_loaded++], name);
	return 0;
}

static void fake_report(void *ctx, const char *msg)
{
	fuzz_check(strlen(msg) < MODPROBE_MSG_MAX, "a report fits its line");
}

static const struct modprobe_ops fake_ops = {
	fake_dep,
	fake_loaded,
	fake_load,
	fake_report,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fixed[] = { "a", "b", "hello", "importer" };
	/* Exact-size copies: neither text is NUL-terminated. */
	const uint8_t *nul = memchr(data, '\0', size);
	size_t dep_len = nul ? (size_t)(nul - data) : size;
	size_t etc_len = nul ? size - dep_len - 1 : 0, pos = 0;
	char *dep = fuzz_copy(data, dep_len),
	     *etc = fuzz_copy(nul ? nul + 1 : data, etc_len);
	char name[MODULE_NAME_LEN], args[MODPROBE_ARGS_MAX];
	static struct fake f;
	int ret;

	f.md = (struct modules_dep){ dep, dep_len };
	f.n_loaded = 0;
	while ((ret = modprobe_etc_next(etc, etc_len, &pos, name, args)) != 0) {
		fuzz_check(pos <= etc_len,
			   "etc/modules is read inside the text");
		if (ret > 0)
			modprobe_resolve(&fake_ops, &f, name, args);
	}
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		modprobe_resolve(&fake_ops, &f, fixed[i], NULL);
	free(dep);
	free(etc);
	return 0;
}
