/*
 * libFuzzer target for the command-line parsers: any byte string (up to
 * its first NUL) is the kernel command line.  It is split by
 * cmdline_next(), handed to cmdline_parse() with its table of handlers
 * (modules= and module_blacklist= among them, whose lists are read back), to
 * param_parse() for built-in parameters of every type, to
 * modprobe_cmdline_args() to pick out a module's "name.param=value" words,
 * whose result must parse again, and, cut into words as the shell cuts
 * them, to param_args_join().
 */
#define KBUILD_MODNAME "fuzz"
#include <stdlib.h>
#include <string.h>
#include <kernel/args.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/moduleparam.h>
#include <kernel/multiboot2.h>
#include <kernel/mutex.h>
#include <kernel/string.h>
#include "../../kernel/modprobe/internal.h"
#include "../../kernel/module/internal.h"
#include "host.h"

#define FUZZ_ARGS_MAX 256 /* as the module loader's argument string */
#define FUZZ_WORDS_MAX 16

/* One parameter of each type, built in: "fuzz.flag", "fuzz.count"... */
static bool flag, inverted;
static short small;
static unsigned short usmall;
static int count;
static unsigned int ucount;
static long big;
static unsigned long ubig;
static char *name;
static int list[4];
static unsigned int list_len;
static char *words[3];
static unsigned int words_len;
module_param(flag, bool, 0444);
module_param(inverted, invbool, 0444);
module_param(small, short, 0444);
module_param(usmall, ushort, 0444);
module_param(count, int, 0444);
module_param(ucount, uint, 0444);
module_param(big, long, 0444);
module_param(ubig, ulong, 0444);
module_param(name, charp, 0444);
module_param_array(list, int, &list_len, 0444);
module_param_array(words, charp, &words_len, 0444);

extern const struct kernel_param __start___param[], __stop___param[];

/* The same parameters named as a loadable module's ("flag", "count"...). */
static struct kernel_param module_params[32];
static size_t module_param_count;

static void module_params_init(void)
{
	const size_t prefix = strlen(KBUILD_MODNAME ".");

	for (const struct kernel_param *p = __start___param;
	     p < __stop___param && module_param_count < 32; p++) {
		module_params[module_param_count] = *p;
		module_params[module_param_count++].name = p->name + prefix;
	}
}

/*
 * More of cmdline_parse()'s table, besides module_blacklist= and modules=
 * (kernel/module/cmdline.c): a handler that refuses values starting "!".
 */
static const char *setup_seen;

static int fuzz_setup(const char *val)
{
	setup_seen = val;
	return val && val[0] == '!' ? -EINVAL : 0;
}
__setup_param("quiet", quiet, fuzz_setup, false);
__setup_param("loglevel", loglevel, fuzz_setup, true);

/* What modules= and module_blacklist= were given, read back. */
static void fuzz_module_lists(void)
{
	char name[MODULE_NAME_LEN];
	size_t pos = 0, n;

	while ((n = modprobe_boot_list_next(&pos, name)) != 0)
		fuzz_check(n == MODULE_NAME_LEN ?
				   strlen(name) == MODULE_NAME_LEN - 1 :
				   strlen(name) == n,
			   "a modules= name is as long as returned");
	module_blacklisted("hello");
}

/* Every key and value args_next() gives lies in the string, in order. */
static void fuzz_split(char *s)
{
	char *start = s, *end = s + strlen(s), *key, *val, *last = s;

	while (args_next(&s, &key, &val)) {
		fuzz_check(key >= last && key < end,
			   "a key lies in the string");
		fuzz_check(!val || (val > key && val <= end),
			   "a value follows its key");
		fuzz_check(s > key && s <= end, "the split moves forward");
		last = s;
	}
	fuzz_check(s >= start && s <= end, "the split ends in the string");
}

/* The parameter lock: one thread here, so taking it always succeeds. */
int mutex_lock_at(struct mutex *lock, unsigned int state, uintptr_t ip)
{
	return 0;
}

void mutex_unlock_at(struct mutex *lock, uintptr_t ip)
{
}

/* A charp parameter holds its own copy, no longer than its arguments. */
static void check_charp(const char *p, const char *args, size_t len)
{
	fuzz_check(!p || ((p < args || p > args + len) && strlen(p) <= len),
		   "a charp is a copy, not longer than its arguments");
}

static void fuzz_params(const char *line)
{
	size_t n = (size_t)(__stop___param - __start___param);
	char *args = strdup(line), *modargs = malloc(FUZZ_ARGS_MAX);
	size_t len = strlen(line);

	param_free_all(__start___param, n); /* the last input's copies */
	name = NULL;
	param_parse("kernel command line", args, __start___param, n, true);
	check_charp(name, args, len);
	free(args);
	/* What modprobe_cmdline_args() picks out must read as the module's arguments. */
	strlcpy(saved_command_line, line, BOOT_CMDLINE_MAX);
	if (!modargs)
		abort();
	if (modprobe_cmdline_args("fuzz", modargs, FUZZ_ARGS_MAX) == 0) {
		param_free_all(module_params, module_param_count);
		name = NULL;
		param_parse("fuzz", modargs, module_params, module_param_count,
			    false);
		check_charp(name, modargs, FUZZ_ARGS_MAX);
	}
	free(modargs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = fuzz_cstr(data, size), *copy;

	if (!module_param_count)
		module_params_init();
	copy = strdup(line);
	fuzz_split(copy);
	free(copy);
	cmdline_parse(line, true);
	cmdline_parse(line, false);
	fuzz_module_lists();
	fuzz_params(line);
	free(line);
	return 0;
}
