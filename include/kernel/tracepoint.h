/*
 * Trace points, as Linux's: code emits a named event, trace_<event>(args),
 * and whoever wants it subscribes a probe with register_trace_<event>().
 * While nobody subscribes, an event is one test of a pointer that is NULL;
 * so measurement lives in the subscriber, never in the code it measures.
 */
#ifndef KERNEL_TRACEPOINT_H
#define KERNEL_TRACEPOINT_H

#include <kernel/types.h>

/*
 * One event.  @probe is the subscriber's function, stored as the generic
 * function pointer type and called through its real one (trace_<event>);
 * Sprout keeps one probe per event, where Linux keeps a list.
 */
struct tracepoint {
	const char *name;
	void (*probe)(void);
};

/*
 * tracepoint_probe_register - make @probe the subscriber of @tp.  Returns
 * 0, -EINVAL for a NULL @probe, or -EBUSY if @tp has a subscriber already.
 * tracepoint_probe_unregister - remove @probe from @tp; -ENOENT if it is
 * not @tp's subscriber.  Neither sleeps; the probe runs in the context of
 * whoever emits the event, so it must not sleep either.
 */
int tracepoint_probe_register(struct tracepoint *tp, void (*probe)(void));
int tracepoint_probe_unregister(struct tracepoint *tp, void (*probe)(void));

/* The argument lists of DECLARE_TRACE: the prototype, then the names. */
#define TP_PROTO(...) __VA_ARGS__
#define TP_ARGS(...) __VA_ARGS__

/*
 * DECLARE_TRACE - in a header: event @name, emitted as trace_@name(@proto)
 * and passing @args on to the probe, which register_trace_@name() and
 * unregister_trace_@name() set and clear.  The casts go through
 * void (*)(void), the type C allows any function pointer to pass through.
 */
#define DECLARE_TRACE(name, proto, args)                                   \
	extern struct tracepoint __tracepoint_##name;                      \
	static inline void trace_##name(proto)                             \
	{                                                                  \
		void (*probe)(proto) =                                     \
			(void (*)(proto))__tracepoint_##name.probe;        \
		if (unlikely(probe))                                       \
			probe(args);                                       \
	}                                                                  \
	static inline int register_trace_##name(void (*probe)(proto))      \
	{                                                                  \
		return tracepoint_probe_register(&__tracepoint_##name,     \
						 (void (*)(void))probe);   \
	}                                                                  \
	static inline int unregister_trace_##name(void (*probe)(proto))    \
	{                                                                  \
		return tracepoint_probe_unregister(&__tracepoint_##name,   \
						   (void (*)(void))probe); \
	}

/* DEFINE_TRACE - in the one file that emits event @name: its storage. */
#define DEFINE_TRACE(name) \
	struct tracepoint __tracepoint_##name = { #name, NULL }

#endif
