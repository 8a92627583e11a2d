/*
 * Not a fuzz target of make fuzz but a check of its flags: an input that
 * starts with "HANG" runs for 20 seconds, far past the time a unit may
 * take, as an algorithmic hang in a parser would.  tests/checks/fuzz.sh
 * runs it through make's own fuzz-run rule and expects the timeout to be
 * reported as a finding, with the input saved.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#define HANG_MARKER "HANG"
#define HANG_SECONDS 20 /* ends even if nothing stops it */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct timespec start, now;

	if (size < strlen(HANG_MARKER) ||
	    memcmp(data, HANG_MARKER, strlen(HANG_MARKER)))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while (now.tv_sec - start.tv_sec < HANG_SECONDS);
	return 0;
}
