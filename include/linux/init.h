/*
 * Linux-compatible <linux/init.h>: __init, __initdata, __initconst, __exit,
 * __exitdata and the initcall levels; module_init()/module_exit() too, as
 * Linux has them here for built-in code.
 */
#ifndef LINUX_INIT_H
#define LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/init.h>
#include <kernel/module.h>

#endif
