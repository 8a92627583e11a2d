/*
 * Linux-compatible <linux/device.h>: classes (class_create() takes the
 * owner and the name, as Linux 6.1's), device_create(), device_destroy(),
 * dev_get_drvdata(), and the dev_*() log calls naming the device.
 */
#ifndef LINUX_DEVICE_H
#define LINUX_DEVICE_H

#include <linux/err.h>
#include <linux/kdev_t.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <kernel/device.h>

#define dev_err(dev, fmt, ...)                                       \
	pr_err("%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
	       ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)                                       \
	pr_warn("%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
		##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)                                       \
	pr_notice("%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
		  ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)                                       \
	pr_info("%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
		##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)                                         \
	pr_debug("%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
		 ##__VA_ARGS__)

#endif
