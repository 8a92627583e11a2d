/*
 * Device numbers: a dev_t holds a major number (which driver) in its top
 * 12 bits and a minor number (which of its devices) in the low 20, as
 * Linux's in-kernel dev_t does.
 */
#ifndef KERNEL_KDEV_T_H
#define KERNEL_KDEV_T_H

#include <kernel/types.h>

typedef uint32_t dev_t;

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

#endif
