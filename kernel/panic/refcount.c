/*
 * refcount_t's one out-of-line part: the warning for a count used wrongly,
 * with Linux's messages, after pinning the count where no later get or
 * put can make it reach 0 (the object leaks rather than being freed under
 * its users).
 */
#include <kernel/export.h>
#include <kernel/panic.h>
#include <kernel/refcount.h>

static const char *const refcount_what[] = {
	[REFCOUNT_ADD_NOT_ZERO_OVF] = "saturated; leaking memory",
	[REFCOUNT_ADD_OVF] = "saturated; leaking memory",
	[REFCOUNT_ADD_UAF] = "addition on 0; use-after-free",
	[REFCOUNT_SUB_UAF] = "underflow; use-after-free",
	[REFCOUNT_DEC_LEAK] = "decrement hit 0; leaking memory",
};

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	atomic_set(&r->refs, REFCOUNT_SATURATED);
	warn_slowpath(__FILE__, __LINE__,
		      (uintptr_t)__builtin_return_address(0),
		      "refcount_t: %s.\n", refcount_what[t]);
}
EXPORT_SYMBOL(refcount_warn_saturate);
