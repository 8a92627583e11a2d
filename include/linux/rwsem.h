/* Linux-compatible <linux/rwsem.h>: struct rw_semaphore over <kernel/rwsem.h>. */
#ifndef LINUX_RWSEM_H
#define LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/types.h>
#include <kernel/rwsem.h>

#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

#endif
