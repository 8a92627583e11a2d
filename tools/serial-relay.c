/*
 * serial-relay: the host end of a QEMU serial pipe for scripted runs.  It
 * copies what the guest writes to standard output as it arrives, holds the
 * input back until the guest prints its prompt (the firmware and GRUB read
 * the same line and would swallow it), then passes standard input through.
 * Until the prompt it reads the guest's output in batches, a millisecond
 * apart: QEMU writes the serial output a byte at a time, and waking a
 * reader blocked on the pipe for every byte costs QEMU's vCPU thread about
 * a tenth of the kernel's boot time, which timed boots would then count as
 * the kernel's.  The prompt is seen at most a millisecond late.
 *
 * Usage: serial-relay PROMPT FROM-GUEST TO-GUEST
 *   FROM-GUEST, TO-GUEST: the FIFOs of QEMU's "-serial pipe:NAME" (NAME.out
 *   and NAME.in).  Ends when the guest side closes.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* How long output gathers in the pipe between reads before the prompt. */
static const struct timespec batch_wait = { 0, 1000000 };

/* write() all of buf, or return -1. */
static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Feed bytes to a matcher for prompt; true once it has been seen.  The
 * prompt is short and plain text: restarting at a mismatch is enough.
 */
static int prompt_seen(const char *prompt, size_t *matched, const char *buf,
		       size_t n)
{
	size_t len = strlen(prompt);

	for (size_t i = 0; i < n; i++) {
		if (buf[i] == prompt[*matched])
			(*matched)++;
		else
			*matched = buf[i] == prompt[0];
		if (*matched == len)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char buf[4096];
	size_t matched = 0;
	int from, to = -1, input_open = 1;

	if (argc != 4 || !argv[1][0]) {
		fprintf(stderr,
			"usage: serial-relay PROMPT FROM-GUEST TO-GUEST\n");
		return 64;
	}
	from = open(argv[2], O_RDONLY);
	if (from < 0) {
		perror(argv[2]);
		return 1;
	}
	for (;;) {
		struct pollfd p[2] = { { .fd = from, .events = POLLIN },
				       { .fd = 0, .events = POLLIN } };
		int nfds = to >= 0 && input_open ? 2 : 1;
		ssize_t n;

		if (poll(p, nfds, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("poll");
			return 1;
		}
		if (p[0].revents) {
			n = read(from, buf, sizeof(buf));
			if (n <= 0)
				break; /* the guest side closed: QEMU is gone */
			if (write_all(1, buf, (size_t)n))
				return 1;
			if (to < 0 && input_open &&
			    prompt_seen(argv[1], &matched, buf, (size_t)n)) {
				/*
				 * Without O_NONBLOCK the open would wait for
				 * ever for a reader if QEMU has gone already
				 * (stopped by run-qemu.sh --until): ENXIO.
				 */
				to = open(argv[3], O_WRONLY | O_NONBLOCK);
				if (to < 0 && errno == ENXIO) {
					input_open = 0;
					continue;
				}
				if (to < 0 || fcntl(to, F_SETFL, 0) < 0) {
					perror(argv[3]);
					return 1;
				}
			}
			if (to < 0 && input_open)
				nanosleep(&batch_wait, NULL);
		}
		if (nfds == 2 && p[1].revents) {
			n = read(0, buf, sizeof(buf));
			if (n <= 0 || write_all(to, buf, (size_t)n)) {
				input_open =
					0; /* QEMU keeps running: wait for it */
				close(to);
			}
		}
	}
	return 0;
}
