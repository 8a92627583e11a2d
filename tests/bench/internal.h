/*
 * What the benchmark files share among themselves (and, for the made-up
 * ELF files, with the loader's unit tests): none of it is in the kernel
 * that ships, only in the one make bench boots.
 */
#ifndef TESTS_BENCH_INTERNAL_H
#define TESTS_BENCH_INTERNAL_H

#include <kernel/types.h>

/*
 * bench_boot_subscribe - start noting the end of each boot step (boot.c);
 * from the "bench" early parameter, before the first step ends.  0 or the
 * error of registering the probe.
 */
int bench_boot_subscribe(void);

/*
 * module_synth_elf - write into @buf (module_synth_elf_size(@n) bytes,
 * 8-byte aligned) a relocatable ELF file of @n sections: the null section,
 * the name table and n - 2 one-byte sections named ".s" side by side, the
 * section headers at the end.  @n >= 2.  Pure: no allocation.
 */
size_t module_synth_elf_size(unsigned int n);
void module_synth_elf(void *buf, unsigned int n);

#endif
