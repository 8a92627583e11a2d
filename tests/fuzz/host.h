/*
 * What the fuzz targets provide in place of the kernel around the code
 * they exercise: printk formats its message (so a bad argument is caught)
 * and keeps the last one; kmalloc is malloc.  Also copies of the fuzzer's
 * input in the shapes kernel code expects.
 */
#ifndef FUZZ_HOST_H
#define FUZZ_HOST_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_LOG_MAX 512

/* The text of the last printk, without its level prefix. */
extern char fuzz_log[FUZZ_LOG_MAX];

/*
 * fuzz_copy - a malloc'd copy of @data: writable, 16-byte aligned, and
 * exactly @size bytes long, so that a read past its end is caught.
 */
void *fuzz_copy(const uint8_t *data, size_t size);

/* fuzz_cstr - a malloc'd copy of @data with a NUL after it. */
char *fuzz_cstr(const uint8_t *data, size_t size);

/* fuzz_check - abort (a libFuzzer crash) with @what if @ok is false. */
void fuzz_check(int ok, const char *what);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
