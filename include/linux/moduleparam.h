/*
 * Linux-compatible <linux/moduleparam.h>: module_param(), _named, _array,
 * _array_named, _string and MODULE_PARM_DESC().
 */
#ifndef LINUX_MODULEPARAM_H
#define LINUX_MODULEPARAM_H

#include <linux/init.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <kernel/moduleparam.h>

#endif
