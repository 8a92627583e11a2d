/*
 * Character device benchmark for make bench: /dev/zero read in 4 KiB
 * blocks through a descriptor into the thread's user window, as
 * "dd if=/dev/zero bs=4096" reads it on Linux (make bench-linux's /init
 * does just that), reported in decimal megabytes a second.
 */
#include <kernel/bench.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <kernel/x86.h>

#define ZERO_BLOCK 4096
#define ZERO_TOTAL (64u << 20) /* bytes: 16,384 reads */

static char zero_buf[ZERO_BLOCK];

static void bench_zero_read(void)
{
	int fd = do_sys_open("/dev/zero", O_RDONLY, 0);
	struct uaccess_window saved;
	uint64_t done = 0, start, ns;

	if (fd < 0) {
		pr_err("bench: cannot open /dev/zero: %d\n", fd);
		return;
	}
	uaccess_window_open(&saved, zero_buf, sizeof(zero_buf));
	start = rdtsc();
	while (done < ZERO_TOTAL &&
	       ksys_read(fd, zero_buf, sizeof(zero_buf)) == ZERO_BLOCK)
		done += ZERO_BLOCK;
	ns = tsc_to_ns(rdtsc() - start);
	uaccess_window_close(&saved);
	close_fd(fd);
	if (done == ZERO_TOTAL && ns)
		bench_value("zero_read_mbps", done * 1000 / ns,
			    "MB/s, /dev/zero read in 4 KiB blocks");
}
BENCH("zero_read", bench_zero_read);
