/*
 * What became of each built-in initcall: kept after boot (the tables
 * themselves are init memory) for the initcalls shell command.  And the
 * work registered for after boot, once init memory is freed.
 */
#ifndef KERNEL_INITCALL_H
#define KERNEL_INITCALL_H

#include <kernel/list.h>
#include <kernel/types.h>

#define INITCALL_RECORDS_MAX 128

struct initcall_record {
	uintptr_t fn;
	const char *level; /* "device", "core_sync", ... */
	int result;
	bool skipped; /* initcall_blacklist */
	uint64_t ns;
};

extern struct initcall_record initcall_records[INITCALL_RECORDS_MAX];

/*
 * "initcall_debug" on the command line: each initcall, and each module's
 * init_module, is logged before it runs ("calling  fn @ level") and after
 * ("initcall fn returned R after N usecs"), as Linux does.
 */
extern bool initcall_debug;

/*
 * Where the kernel is in its life, as Linux's system_state: BOOTING until
 * kernel_main has freed init memory and audited the boot's mappings,
 * RUNNING after.
 */
enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
};
extern enum system_states system_state;
extern size_t initcall_record_count;

/*
 * A function to run once boot is over: init memory freed, just before the
 * shell (the test build's in-kernel tests and crash points, the bench
 * build's benchmarks).  Registered
 * from an initcall with boot_done_register(); the hooks run in the order
 * registered.  The hook itself must not be __init.
 */
struct boot_done_hook {
	void (*fn)(void);
	struct list_head list; /* in the hooks to run, oldest first */
};

/* boot_done_register - run @hook->fn after boot; @hook stays the caller's. */
void boot_done_register(struct boot_done_hook *hook);

/* boot_done_run - run the registered hooks; kernel_main's last step. */
void boot_done_run(void);

#endif
