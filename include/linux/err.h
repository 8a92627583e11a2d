/*
 * Linux-compatible <linux/err.h>: ERR_PTR(), PTR_ERR(), IS_ERR() and
 * IS_ERR_OR_NULL() of <kernel/err.h>.  Linux's API returns these where
 * Sprout's own returns NULL; the shims convert.
 */
#ifndef LINUX_ERR_H
#define LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/err.h>

#endif
