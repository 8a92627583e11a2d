/*
 * What became of each built-in initcall: kept after boot (the tables
 * themselves are init memory) for the initcalls shell command.
 */
#ifndef KERNEL_INITCALL_H
#define KERNEL_INITCALL_H

#include <kernel/types.h>

#define INITCALL_RECORDS_MAX 128

struct initcall_record {
	uintptr_t fn;
	const char *level;	/* "device", "core_sync", ... */
	int result;
	bool skipped;		/* initcall_blacklist */
	uint64_t ns;
};

extern struct initcall_record initcall_records[INITCALL_RECORDS_MAX];
extern size_t initcall_record_count;

#endif
