/*
 * The undefined behaviour sanitizer's runtime (CONFIG_UBSAN): code built
 * with -fsanitize=... checks each shift, signed add, index, pointer use and
 * _Bool load, and calls one of these handlers when the check fails.  Each
 * prints Linux's report (lib/ubsan.c) and the kernel goes on.  The
 * structures are the compiler's, as GCC and LLVM lay them out
 * (compiler-rt's ubsan_handlers.h); this file is built uninstrumented.
 */
#include <kernel/export.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/types.h>

/* excerpt: ubsan-data */
/* A check's place in the source: the compiler's static data, writable. */
struct source_location {
	const char *file_name;
	uint32_t line;
	uint32_t column;
};

/* The column's top bit marks a place already reported (as Linux does). */
#define REPORTED_BIT (1u << 31)

/* A type: kind, size and sign, and its name in quotes ("'int'"). */
struct type_descriptor {
	uint16_t type_kind;
	uint16_t type_info;
	char type_name[];
};
/* excerpt-end: ubsan-data */

enum { type_kind_int = 0 };

struct overflow_data {
	struct source_location location;
	struct type_descriptor *type;
};

/* excerpt: ubsan-shift-data */
struct shift_out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *lhs_type;
	struct type_descriptor *rhs_type;
};
/* excerpt-end: ubsan-shift-data */

struct out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *array_type;
	struct type_descriptor *index_type;
};

struct type_mismatch_data_v1 {
	struct source_location location;
	struct type_descriptor *type;
	uint8_t log_alignment;
	uint8_t type_check_kind;
};

struct unreachable_data {
	struct source_location location;
};

struct invalid_value_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct invalid_builtin_data {
	struct source_location location;
	uint8_t kind;
};

/* What a type_mismatch check was doing, by type_check_kind (LLVM's list). */
static const char *const type_check_kinds[] = {
	"load of",
	"store to",
	"reference binding to",
	"member access within",
	"member call on",
	"constructor call on",
	"downcast of",
	"downcast of",
	"upcast of",
	"cast to virtual base of",
	"_Nonnull binding to",
	"dynamic operation on",
};

/* Set while a report prints: UB in printk itself must not recurse. */
static bool in_report;

static bool type_is_signed(const struct type_descriptor *type)
{
	return type->type_kind == type_kind_int && (type->type_info & 1);
}

static unsigned int type_bit_width(const struct type_descriptor *type)
{
	return 1u << (type->type_info >> 1);
}

/*
 * An operand comes in the pointer itself when it fits; a wider one (a
 * 128-bit integer) comes by address, and its low 64 bits are printed.
 */
static uint64_t value_bits(const struct type_descriptor *type, void *val)
{
	if (type_bit_width(type) > 64)
		return *(uint64_t *)val;
	return (uint64_t)(uintptr_t)val;
}

static int64_t value_signed(const struct type_descriptor *type, void *val)
{
	unsigned int width = type_bit_width(type);
	unsigned int shift = width < 64 ? 64 - width : 0;

	/* Sign-extend from the type's width. */
	return (int64_t)(value_bits(type, val) << shift) >> shift;
}

static bool value_is_negative(const struct type_descriptor *type, void *val)
{
	return type_is_signed(type) && value_signed(type, val) < 0;
}

static void value_str(char *buf, size_t size,
		      const struct type_descriptor *type, void *val)
{
	if (type_is_signed(type))
		snprintf(buf, size, "%lld", (long long)value_signed(type, val));
	else
		snprintf(buf, size, "%llu",
			 (unsigned long long)value_bits(type, val));
}

#define VALUE_LEN 24

static void ubsan_header(struct source_location *loc, const char *reason)
{
	in_report = true;
	pr_err("========================================"
	       "========================================\n");
	pr_err("UBSAN: %s in %s:%u:%u\n", reason, loc->file_name, loc->line,
	       loc->column & ~REPORTED_BIT);
}

/*
 * ubsan_prologue - start the report of @reason at @loc, or return false
 * when that place was reported before or a report is already printing.
 */
/* excerpt: ubsan-prologue */
static bool ubsan_prologue(struct source_location *loc, const char *reason)
{
	if (in_report || (loc->column & REPORTED_BIT))
		return false;
	loc->column |= REPORTED_BIT;
	ubsan_header(loc, reason);
	return true;
}
/* excerpt-end: ubsan-prologue */

static void ubsan_epilogue(void)
{
	dump_stack();
	pr_err("========================================"
	       "========================================\n");
	in_report = false;
}

static void handle_overflow(struct overflow_data *data, void *lhs, void *rhs,
			    char op)
{
	char l[VALUE_LEN], r[VALUE_LEN];

	if (!ubsan_prologue(&data->location,
			    type_is_signed(data->type) ?
				    "signed-integer-overflow" :
				    "unsigned-integer-overflow"))
		return;
	value_str(l, sizeof(l), data->type, lhs);
	value_str(r, sizeof(r), data->type, rhs);
	pr_err("%s %c %s cannot be represented in type %s\n", l, op, r,
	       data->type->type_name);
	ubsan_epilogue();
}

void __ubsan_handle_add_overflow(struct overflow_data *data, void *lhs,
				 void *rhs)
{
	handle_overflow(data, lhs, rhs, '+');
}
EXPORT_SYMBOL(__ubsan_handle_add_overflow);

void __ubsan_handle_sub_overflow(struct overflow_data *data, void *lhs,
				 void *rhs)
{
	handle_overflow(data, lhs, rhs, '-');
}
EXPORT_SYMBOL(__ubsan_handle_sub_overflow);

void __ubsan_handle_mul_overflow(struct overflow_data *data, void *lhs,
				 void *rhs)
{
	handle_overflow(data, lhs, rhs, '*');
}
EXPORT_SYMBOL(__ubsan_handle_mul_overflow);

void __ubsan_handle_negate_overflow(struct overflow_data *data, void *val)
{
	char v[VALUE_LEN];

	if (!ubsan_prologue(&data->location, "negation-overflow"))
		return;
	value_str(v, sizeof(v), data->type, val);
	pr_err("negation of %s cannot be represented in type %s:\n", v,
	       data->type->type_name);
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_negate_overflow);

/* x / 0, or INT_MIN / -1 (whose quotient does not fit). */
void __ubsan_handle_divrem_overflow(struct overflow_data *data, void *lhs,
				    void *rhs)
{
	char l[VALUE_LEN];

	if (!ubsan_prologue(&data->location, "division-overflow"))
		return;
	value_str(l, sizeof(l), data->type, lhs);
	if (type_is_signed(data->type) && value_signed(data->type, rhs) == -1)
		pr_err("division of %s by -1 cannot be represented in type %s\n",
		       l, data->type->type_name);
	else
		pr_err("division by zero\n");
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_divrem_overflow);

/* excerpt: ubsan-shift */
void __ubsan_handle_shift_out_of_bounds(struct shift_out_of_bounds_data *data,
					void *lhs, void *rhs)
{
	struct type_descriptor *lt = data->lhs_type, *rt = data->rhs_type;
	char l[VALUE_LEN], r[VALUE_LEN];

	if (!ubsan_prologue(&data->location, "shift-out-of-bounds"))
		return;
	value_str(l, sizeof(l), lt, lhs);
	value_str(r, sizeof(r), rt, rhs);
	if (value_is_negative(rt, rhs))
		pr_err("shift exponent %s is negative\n", r);
	else if (value_bits(rt, rhs) >= type_bit_width(lt))
		pr_err("shift exponent %s is too large for %u-bit type %s\n", r,
		       type_bit_width(lt), lt->type_name);
	else if (value_is_negative(lt, lhs))
		pr_err("left shift of negative value %s\n", l);
	else
		pr_err("left shift of %s by %s places cannot be represented in type %s\n",
		       l, r, lt->type_name);
	ubsan_epilogue();
}
/* excerpt-end: ubsan-shift */
EXPORT_SYMBOL(__ubsan_handle_shift_out_of_bounds);

void __ubsan_handle_out_of_bounds(struct out_of_bounds_data *data, void *index)
{
	char i[VALUE_LEN];

	if (!ubsan_prologue(&data->location, "array-index-out-of-bounds"))
		return;
	value_str(i, sizeof(i), data->index_type, index);
	pr_err("index %s is out of range for type %s\n", i,
	       data->array_type->type_name);
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_out_of_bounds);

/* A null, misaligned or too small pointer used as @data->type. */
void __ubsan_handle_type_mismatch_v1(struct type_mismatch_data_v1 *data,
				     void *ptr)
{
	unsigned long align = 1ul << data->log_alignment;
	const char *kind = data->type_check_kind <
					   ARRAY_SIZE(type_check_kinds) ?
				   type_check_kinds[data->type_check_kind] :
				   "access to";

	if (!ptr) {
		if (!ubsan_prologue(&data->location, "null-ptr-deref"))
			return;
		pr_err("%s null pointer of type %s\n", kind,
		       data->type->type_name);
	} else if ((uintptr_t)ptr & (align - 1)) {
		if (!ubsan_prologue(&data->location, "misaligned-access"))
			return;
		pr_err("%s misaligned address %p for type %s\n", kind, ptr,
		       data->type->type_name);
		pr_err("which requires %lu byte alignment\n", align);
	} else {
		if (!ubsan_prologue(&data->location, "object-size-mismatch"))
			return;
		pr_err("%s address %p with insufficient space\n", kind, ptr);
		pr_err("for an object of type %s\n", data->type->type_name);
	}
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_type_mismatch_v1);

/*
 * Reached a __builtin_unreachable(): what follows is not code to run, so
 * this report is always printed, and is the last.
 */
void __ubsan_handle_builtin_unreachable(struct unreachable_data *data)
{
	ubsan_header(&data->location, "unreachable");
	pr_err("calling __builtin_unreachable()\n");
	ubsan_epilogue();
	panic("can't return from __builtin_unreachable()");
}
EXPORT_SYMBOL(__ubsan_handle_builtin_unreachable);

/* A _Bool holding neither 0 nor 1. */
void __ubsan_handle_load_invalid_value(struct invalid_value_data *data,
				       void *val)
{
	char v[VALUE_LEN];

	if (!ubsan_prologue(&data->location, "invalid-load"))
		return;
	value_str(v, sizeof(v), data->type, val);
	pr_err("load of value %s is not a valid value for type %s\n", v,
	       data->type->type_name);
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_load_invalid_value);

/* __builtin_ctz() or __builtin_clz() of 0, whose result is undefined. */
void __ubsan_handle_invalid_builtin(struct invalid_builtin_data *data)
{
	if (!ubsan_prologue(&data->location, "invalid-builtin-use"))
		return;
	pr_err("passing zero to %s, which is not a valid argument\n",
	       data->kind == 0 ? "ctz()" : "clz()");
	ubsan_epilogue();
}
EXPORT_SYMBOL(__ubsan_handle_invalid_builtin);
