/*
 * The boot's events: kernel_main has finished one of its steps ("early",
 * "memory", ... "ready"), for whoever measures the boot to subscribe to
 * (make bench's build).
 */
#ifndef TRACE_EVENTS_BOOT_H
#define TRACE_EVENTS_BOOT_H

#include <kernel/tracepoint.h>

/* trace_boot_step_done - boot step @step ended; @step is a string literal. */
DECLARE_TRACE(boot_step_done, TP_PROTO(const char *step), TP_ARGS(step))

#endif
