/*
 * Module parameters: module_param() and friends describe a variable that
 * insmod arguments ("a=1 s=text arr=1,2,3") or, for built-in code, the
 * kernel command line ("name.a=1") can set, and /sys/module/<name>/
 * parameters/ shows (and, if its mode allows, writes).  Each description
 * is a struct kernel_param in the __param section; the types are named by
 * their ops (param_ops_int ...), exported by kernel/module/params.c, and
 * module_param_cb() takes ops of the module's own.  The .modinfo
 * strings "parmtype=name:type" and "parm=name:description" are what the
 * host's modinfo prints.
 */
#ifndef KERNEL_MODULEPARAM_H
#define KERNEL_MODULEPARAM_H

#include <kernel/modinfo.h>
#include <kernel/types.h>

struct kernel_param;

/* How one parameter type is parsed and printed, as Linux's. */
struct kernel_param_ops {
	/*
	 * set - parse @val (NULL for a bare "name") into the variable; 0 or
	 * -EINVAL/-ERANGE.  @val may end in one newline (a sysfs write).
	 */
	int (*set)(const char *val, const struct kernel_param *kp);
	/*
	 * get - print the value and a newline into @buffer (PAGE_SIZE bytes):
	 * the characters written, or -errno.  NULL: the value cannot be read.
	 */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* free - let go of what set allocated (charp's copy) at unload. */
	void (*free)(void *arg);
};

/* The storage of a module_param_array(). */
struct kparam_array {
	unsigned int max; /* elements in the array */
	unsigned int elemsize;
	unsigned int *num; /* where to store the count set, or NULL */
	const struct kernel_param_ops *ops; /* of one element */
	void *elem;
};

/* The storage of a module_param_string(): a buffer the value is copied to. */
struct kparam_string {
	unsigned int maxlen; /* its size, the NUL included */
	char *string;
};

struct kernel_param {
	const char *name; /* "a", or "mod.a" for built-in code */
	const struct kernel_param_ops *ops;
	uint16_t perm; /* the mode of its file in /sys/module/<name>/parameters */
	union {
		void *arg;
		const struct kparam_array *arr;
		const struct kparam_string *str;
	};
};

extern const struct kernel_param_ops param_ops_bool, param_ops_invbool,
	param_ops_byte, param_ops_short, param_ops_ushort, param_ops_int,
	param_ops_uint, param_ops_long, param_ops_ulong, param_ops_ullong,
	param_ops_hexint, param_ops_charp, param_array_ops, param_ops_string;

/*
 * The standard types' functions, for module_param_cb() ops that wrap
 * them: param_set_<type> parses (0 or -EINVAL/-ERANGE), param_get_<type>
 * prints the value with a newline (Linux's formats: %i, %u, %hhu, 'Y' or
 * 'N' ...) and returns its length.  charp's set keeps a kmalloc'd copy of
 * the string (at most 1024 bytes, else -ENOSPC), which param_free_charp
 * frees.
 */
#define PARAM_FUNCS(type)                                                     \
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)
PARAM_FUNCS(byte);
PARAM_FUNCS(short);
PARAM_FUNCS(ushort);
PARAM_FUNCS(int);
PARAM_FUNCS(uint);
PARAM_FUNCS(long);
PARAM_FUNCS(ulong);
PARAM_FUNCS(ullong);
PARAM_FUNCS(hexint);
PARAM_FUNCS(charp);
PARAM_FUNCS(bool);
PARAM_FUNCS(invbool);
#undef PARAM_FUNCS
void param_free_charp(void *arg);
int param_get_string(char *buffer, const struct kernel_param *kp);

/* Built-in code names its parameters "<file>.<param>", as Linux does. */
#ifdef MODULE
#define MODULE_PARAM_PREFIX ""
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif

/*
 * The type check: __check_<name>() returns @p as a pointer to the C type
 * of the parameter type, so a mismatch is a compile error.
 */
#define __param_check(name, p, type)                      \
	static inline type __unused *__check_##name(void) \
	{                                                 \
		return (p);                               \
	}

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) __param_check(name, p, unsigned int)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_charp(name, p) __param_check(name, p, char *)

/* (Macro arguments must not be named like the fields they fill.) */
/* clang-format off */
#define __module_param_call(prefix, id, ops_, field, value, perm_)          \
	static const char __param_str_##id[] = prefix #id;                  \
	static const struct kernel_param __param_##id __used               \
		__section("__param") __aligned(8) = {                       \
			.name = __param_str_##id, .ops = (ops_),            \
			.perm = (perm_), .field = (value) }
/* clang-format on */

/*
 * module_param_cb - parameter @name handled by @ops (a struct
 * kernel_param_ops of the module's own, or a standard one) with @value as
 * kp->arg: insmod, the command line and its sysfs file all go through
 * @ops->set, and reading the file through @ops->get.
 */
#define module_param_cb(name, ops, value, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, value, perm)

#define __MODULE_PARM_TYPE(name, type) \
	__MODULE_INFO(parmtype, name, #name ":" type)

/*
 * The type is pasted (param_ops_##type) in the first macro it reaches:
 * "bool" is itself a macro (<stdbool.h>) and would otherwise be expanded.
 */
#define __module_param_named(name, value, check, ops, type, perm) \
	check(name, &(value));                                    \
	module_param_cb(name, &ops, &(value), perm);              \
	__MODULE_PARM_TYPE(name, type)

/*
 * module_param_named - parameter @name stored in the variable @value of
 * parameter type @type (bool, invbool, short, ushort, int, uint, long,
 * ulong, charp).
 */
#define module_param_named(name, value, type, perm)           \
	__module_param_named(name, value, param_check_##type, \
			     param_ops_##type, #type, perm)

#define module_param(name, type, perm)                                         \
	__module_param_named(name, name, param_check_##type, param_ops_##type, \
			     #type, perm)

/* clang-format off */
#define __module_param_array(name, array, check, elem_ops, type, nump, perm) \
	check(name, &(array)[0]);                                           \
	static const struct kparam_array __param_arr_##name = {             \
		.max = ARRAY_SIZE(array), .elemsize = sizeof((array)[0]),   \
		.num = (nump), .ops = &elem_ops, .elem = (array) };         \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,    \
			    arr, &__param_arr_##name, perm);                \
	__MODULE_PARM_TYPE(name, "array of " type)
/* clang-format on */

/*
 * module_param_array - the array @name of parameter type @type, set from a
 * comma-separated list; the number of elements given is stored in *@nump
 * (may be NULL).  More values than the array holds is an error.
 * module_param_array_named - the same for parameter @name stored in @array.
 */
#define module_param_array(name, type, nump, perm)                             \
	__module_param_array(name, name, param_check_##type, param_ops_##type, \
			     #type, nump, perm)
#define module_param_array_named(name, array, type, nump, perm) \
	__module_param_array(name, array, param_check_##type,   \
			     param_ops_##type, #type, nump, perm)

/*
 * module_param_string - parameter @name copied into the char array
 * @string of @len bytes (NUL included); a longer value is refused
 * (-ENOSPC).
 */
/* clang-format off */
#define module_param_string(name, string, len, perm)                        \
	static const struct kparam_string __param_string_##name = {         \
		(len), (string) };                                          \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,   \
			    str, &__param_string_##name, perm);             \
	__MODULE_PARM_TYPE(name, "string")
/* clang-format on */

#define MODULE_PARM_DESC(name, desc) __MODULE_INFO(parm, name, #name ":" desc)

/*
 * param_parse - set the parameters in @params[0..@count) from @args
 * ("a=1 s=\"two words\" arr=1,2,3"), which is modified in place: charp
 * parameters point into it, so it must live as long as they are used.
 * A name no parameter has is an error, unless @skip_unknown (the kernel
 * command line, where other code owns most names).  @who names the owner
 * in messages.  Every bad one is reported and the rest still applied; an
 * array with a bad element is left untouched.  Returns 0 or the first
 * error (-ENOENT unknown name, -EINVAL bad value, -ERANGE out of range).
 */
int param_parse(const char *who, char *args, const struct kernel_param *params,
		size_t count, bool skip_unknown);

/*
 * kernel_param_lock / kernel_param_unlock - hold every parameter still
 * while one is set or read (param_parse() takes it; so do the sysfs
 * files).  @mod is the module whose parameter it is (NULL: built-in); one
 * lock covers them all.  Sleeps.
 */
struct module;
void kernel_param_lock(struct module *mod);
void kernel_param_unlock(struct module *mod);

/*
 * param_free_all - call each of @params' free op (charp's copies, an
 * array's elements), when a module goes.  Takes the parameter lock.
 */
void param_free_all(const struct kernel_param *params, size_t count);

#endif
