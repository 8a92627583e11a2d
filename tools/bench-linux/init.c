/*
 * The whole of user space in make bench-linux's initramfs: load the
 * modules it holds, each of whose init prints its figures to the console,
 * and power off.  Built static with the host's gcc; it is /init, PID 1, so
 * it must never exit (the kernel would panic), only power the machine off.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Log a line through the kernel's log, which the console shows. */
static void init_log(const char *what, int err)
{
	char line[160];
	int fd = open("/dev/kmsg", O_WRONLY);
	int n = snprintf(line, sizeof(line), "bench-init: %s: %s\n", what,
			 err ? strerror(err) : "ok");

	if (fd < 0)
		return;
	/* A failed write has nowhere left to be reported. */
	(void)!write(fd, line, (size_t)n);
	close(fd);
}

/* Load the module from its file, as insmod does: 0 or an errno. */
static int init_load_module(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int err = 0;

	if (fd < 0)
		return errno;
	if (syscall(SYS_finit_module, fd, "", 0) != 0)
		err = errno;
	close(fd);
	return err;
}

/*
 * Load the modules /modules.order names, one path a line, in that order
 * (Kbuild's order, obj-m's), logging how each went.
 */
static void init_load_modules(void)
{
	FILE *order = fopen("/modules.order", "r");
	char path[256], what[300];

	if (!order) {
		init_log("open /modules.order", errno);
		return;
	}
	while (fgets(path, sizeof(path), order)) {
		path[strcspn(path, "\n")] = '\0';
		snprintf(what, sizeof(what), "finit_module %s", path);
		init_log(what, init_load_module(path));
	}
	fclose(order);
}

/*
 * What user space alone can measure, as "bench_user: KEY VALUE" lines
 * and "bench_user: done": /dev/zero read in 4 KiB blocks, as
 * "dd if=/dev/zero bs=4096 count=16384" reads it, in decimal MB/s.  make
 * bench measures Sprout's with the same reads (tests/bench/chardev.c).
 */
static void init_zero_read(void)
{
	static char buf[4096];
	const long long total = 64ll << 20;
	long long done = 0, ns;
	struct timespec a, b;
	char line[80];
	int fd = open("/dev/zero", O_RDONLY);

	if (fd < 0) {
		init_log("open /dev/zero", errno);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	while (done < total && read(fd, buf, sizeof(buf)) == sizeof(buf))
		done += sizeof(buf);
	clock_gettime(CLOCK_MONOTONIC, &b);
	close(fd);
	ns = (b.tv_sec - a.tv_sec) * 1000000000ll + (b.tv_nsec - a.tv_nsec);
	fd = open("/dev/kmsg", O_WRONLY);
	if (fd < 0)
		return;
	if (done == total && ns > 0) {
		snprintf(line, sizeof(line),
			 "bench_user: zero_read_mbps %lld\n", done * 1000 / ns);
		(void)!write(fd, line, strlen(line));
	}
	(void)!write(fd, "bench_user: done\n", 17);
	close(fd);
}

int main(void)
{
	/* /dev/kmsg lives in devtmpfs, which an initramfs does not mount. */
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) != 0)
		init_log("mount devtmpfs on /dev", errno);
	init_load_modules();
	init_zero_read();
	sync();
	reboot(RB_POWER_OFF);
	init_log("reboot(RB_POWER_OFF)", errno);
	for (;;)
		pause();
}
