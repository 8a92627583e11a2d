/*
 * Linux-compatible <linux/poll.h>: poll_table, poll_wait() and the POLL*
 * and EPOLL* event bits (Linux's values), so a driver's .poll compiles
 * and registers its wait queue as on Linux.  Nothing in Sprout calls
 * .poll yet: there is no poll() or select() without user space.
 */
#ifndef LINUX_POLL_H
#define LINUX_POLL_H

#include <linux/fs.h>
#include <linux/types.h>
#include <linux/wait.h>

typedef unsigned int __poll_t;

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG 0x0400
#define POLLRDHUP 0x2000

#define EPOLLIN ((__poll_t)POLLIN)
#define EPOLLPRI ((__poll_t)POLLPRI)
#define EPOLLOUT ((__poll_t)POLLOUT)
#define EPOLLERR ((__poll_t)POLLERR)
#define EPOLLHUP ((__poll_t)POLLHUP)
#define EPOLLNVAL ((__poll_t)POLLNVAL)
#define EPOLLRDNORM ((__poll_t)POLLRDNORM)
#define EPOLLRDBAND ((__poll_t)POLLRDBAND)
#define EPOLLWRNORM ((__poll_t)POLLWRNORM)
#define EPOLLWRBAND ((__poll_t)POLLWRBAND)
#define EPOLLMSG ((__poll_t)POLLMSG)
#define EPOLLRDHUP ((__poll_t)POLLRDHUP)

struct poll_table_struct;

/* What a poller does with each wait queue a driver's .poll names. */
typedef void (*poll_queue_proc)(struct file *, struct wait_queue_head *,
				struct poll_table_struct *);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key; /* the events the poller asks about */
} poll_table;

/* poll_wait - let the poller of @p wait on @wait_address too. */
static inline void poll_wait(struct file *filp,
			     struct wait_queue_head *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

#endif
