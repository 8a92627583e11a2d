/*
 * Linux-compatible <linux/namei.h>: the path walk by name, kern_path()
 * with its LOOKUP_* flags, and path_put() (Linux's <linux/path.h>, which
 * this includes there too), from <kernel/fs.h>.
 */
#ifndef LINUX_NAMEI_H
#define LINUX_NAMEI_H

#include <linux/fs.h>

#endif
