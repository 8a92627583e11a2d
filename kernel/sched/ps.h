/*
 * ps's pure part: one task's line of the listing, formatted as Linux's
 * procps prints `ps -eo pid,s,time,args`.  No locks, no allocation, so the
 * host unit tests (test_sched_ps) run it unchanged.
 */
#ifndef KERNEL_SCHED_PS_H
#define KERNEL_SCHED_PS_H

#include <kernel/sched.h>

/* What ps copies from a task, with interrupts off, before printing it. */
struct ps_row {
	int pid;
	unsigned int state;  /* TASK_* */
	unsigned int flags;  /* PF_* */
	uint64_t runtime_ns; /* sum_exec_runtime, with current's running time */
	char comm[TASK_COMM_LEN];
};

/* The header of the listing, without the newline. */
#define PS_HEADER "    PID S     TIME COMMAND"

/*
 * ps_state_char - the S column for @state, as Linux's fs/proc/array.c
 * reports it: R running or runnable, S interruptible sleep, D
 * uninterruptible sleep, I idle (TASK_IDLE), Z ended but not yet reaped.
 */
char ps_state_char(unsigned int state);

/*
 * ps_format_time - @ns of CPU time as procps's TIME column:
 * "[DD-]HH:MM:SS", whole seconds.  Writes at most @size bytes to @buf.
 */
void ps_format_time(char *buf, size_t size, uint64_t ns);

/*
 * ps_format_row - @row as one line of the listing (no newline), at most
 * @size bytes in @buf: PID, S, TIME and the name, a kernel thread's in
 * brackets as procps shows a task without a command line.
 */
void ps_format_row(char *buf, size_t size, const struct ps_row *row);

#endif
