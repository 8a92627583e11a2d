/*
 * Linux-compatible <linux/gfp.h>: allocation flags.  Sprout's allocators
 * never sleep or reclaim, so the flags that say how far they may go all
 * mean the same; only __GFP_ZERO changes anything.
 */
#ifndef LINUX_GFP_H
#define LINUX_GFP_H

#include <kernel/mm.h>

#define GFP_NOWAIT GFP_ATOMIC
#define GFP_NOIO GFP_KERNEL
#define GFP_NOFS GFP_KERNEL
#define GFP_USER GFP_KERNEL
#define __GFP_NOWARN 0u
#define __GFP_NOFAIL 0u

#endif
