/* Linux-compatible <linux/limits.h>: the ranges of the integer types. */
#ifndef LINUX_LIMITS_H
#define LINUX_LIMITS_H

#include <stdint.h>

#define U8_MAX UINT8_MAX
#define S8_MAX INT8_MAX
#define S8_MIN INT8_MIN
#define U16_MAX UINT16_MAX
#define S16_MAX INT16_MAX
#define S16_MIN INT16_MIN
#define U32_MAX UINT32_MAX
#define S32_MAX INT32_MAX
#define S32_MIN INT32_MIN
#define U64_MAX UINT64_MAX
#define S64_MAX INT64_MAX
#define S64_MIN INT64_MIN
#define INT_MAX __INT_MAX__
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (INT_MAX * 2u + 1u)
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (LONG_MAX * 2ul + 1ul)
#define LLONG_MAX __LONG_LONG_MAX__
#define LLONG_MIN (-LLONG_MAX - 1)
#define ULLONG_MAX (LLONG_MAX * 2ull + 1ull)
#define SHRT_MAX __SHRT_MAX__
#define SHRT_MIN (-SHRT_MAX - 1)
#define USHRT_MAX (SHRT_MAX * 2 + 1)

#endif
