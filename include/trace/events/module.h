/*
 * The module loader's events: the end of each step of load_module(), in
 * order, emitted only when the step succeeded.  make bench's build
 * subscribes to time the steps; the loader itself measures nothing.
 */
#ifndef TRACE_EVENTS_MODULE_H
#define TRACE_EVENTS_MODULE_H

#include <kernel/tracepoint.h>

struct module;

enum module_load_step {
	LOAD_READ,     /* the private copy of the file */
	LOAD_CHECK,    /* module_elf_check */
	LOAD_LAYOUT,   /* .modinfo, layout, module area, placing sections */
	LOAD_LINK,     /* resolving symbols */
	LOAD_RELOCATE, /* applying relocations */
	LOAD_FINISH,   /* tables, symbols, parameters, page permissions */
	LOAD_INIT,     /* init_module and freeing init memory */
	LOAD_STEPS
};

/* trace_module_step_done - @mod has come through load step @step. */
DECLARE_TRACE(module_step_done,
	      TP_PROTO(const struct module *mod, enum module_load_step step),
	      TP_ARGS(mod, step))

#endif
