/* Linux-compatible <linux/types.h>: the kernel's basic types. */
#ifndef LINUX_TYPES_H
#define LINUX_TYPES_H

#include <kernel/atomic.h> /* atomic_t, atomic64_t: Linux defines them here */
#include <kernel/mm.h>
#include <kernel/types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef int8_t __s8;
typedef int16_t __s16;
typedef int32_t __s32;
typedef int64_t __s64;

typedef unsigned char u_char;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef long long loff_t;
typedef unsigned short umode_t;
typedef phys_addr_t resource_size_t;

#endif
