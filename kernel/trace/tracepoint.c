/*
 * Subscribing to trace points (include/kernel/tracepoint.h).  The events
 * themselves are inline tests in the code that emits them; this file only
 * sets and clears the one probe of an event, refusing to replace another's.
 */
#include <kernel/errno.h>
#include <kernel/tracepoint.h>

int tracepoint_probe_register(struct tracepoint *tp, void (*probe)(void))
{
	if (!probe)
		return -EINVAL;
	if (tp->probe)
		return -EBUSY;
	tp->probe = probe;
	return 0;
}

int tracepoint_probe_unregister(struct tracepoint *tp, void (*probe)(void))
{
	if (!probe || tp->probe != probe)
		return -ENOENT;
	tp->probe = NULL;
	return 0;
}
