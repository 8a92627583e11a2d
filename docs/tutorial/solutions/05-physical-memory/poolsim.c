/*
 * Exercise 5.2: run the kernel's frame pool (mm/frame_pool.c) on the host.
 * Reads a boot log on standard input -- the firmware's "mem:" lines and
 * Sprout's "mm: reserved" lines -- builds the same pool the kernel built
 * from them and prints the counts the kernel printed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm/internal.h" /* the pool, as the kernel has it */

#define MAX_ENTRIES 64
#define LINE_MAX_LEN 256

static struct boot_mmap_entry map[MAX_ENTRIES];
static struct frame_range res[MAX_ENTRIES];
static size_t nmap, nres;

static void print_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("warning: ", stdout);
	vprintf(fmt, ap);
	va_end(ap);
}

/* The type of a "mem:" line, by the name the kernel printed for it. */
static uint32_t type_of(const char *name)
{
	if (!strncmp(name, "usable", 6))
		return MB2_MEMORY_AVAILABLE;
	if (!strncmp(name, "ACPI data", 9))
		return MB2_MEMORY_ACPI_RECLAIMABLE;
	if (!strncmp(name, "ACPI NVS", 8))
		return MB2_MEMORY_NVS;
	if (!strncmp(name, "unusable", 8))
		return MB2_MEMORY_BADRAM;
	return MB2_MEMORY_RESERVED;
}

/* One log line: a memory map entry, a reservation, or neither. */
static void read_line(const char *line)
{
	unsigned long long s, e;
	const char *p;
	int n = 0;

	if ((p = strstr(line, "] mem: [mem ")) && nmap < MAX_ENTRIES &&
	    sscanf(p, "] mem: [mem %llx-%llx]%n", &s, &e, &n) == 2 && n)
		map[nmap++] = (struct boot_mmap_entry){ s, e - s + 1,
							type_of(p + n + 1) };
	else if ((p = strstr(line, "] mm: reserved [mem ")) &&
		 nres < MAX_ENTRIES &&
		 sscanf(p, "] mm: reserved [mem %llx-%llx]%n", &s, &e, &n) ==
			 2 &&
		 n)
		res[nres++] = (struct frame_range){ s, e + 1, "reserved" };
}

int main(void)
{
	char line[LINE_MAX_LEN];
	struct frame_pool pool;
	phys_addr_t base, end;
	void *storage;

	while (fgets(line, sizeof(line), stdin))
		read_line(line);
	if (frame_map_extent(map, nmap, &base, &end, print_warning))
		return 1;
	storage = malloc(frame_pool_storage_size((end - base) >> PAGE_SHIFT));
	if (!storage)
		return 1;
	frame_pool_init(&pool, storage, base, end, map, nmap, res, nres,
			print_warning);
	printf("%zu map entries, %zu reservations: %zu frames free, %zu reserved\n",
	       nmap, nres, frame_pool_free_count(&pool), pool.reserved_count);
	free(storage);
	return 0;
}
