/*
 * The 16550 UART on COM1: the kernel's first console and, with the shell,
 * its terminal.  Output polls the transmitter; a lost byte is worse than a
 * short wait when the log is all a developer has.  Input comes by IRQ 4
 * once the interrupt controller is up, read by a tasklet; until then it
 * waits in the UART (nothing reads input before the shell starts).
 * Polled only if there is no interrupt controller.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/tasklet.h>
#include <kernel/x86.h>

#define COM1 0x3f8
/* Register offsets (PC16550D datasheet). */
#define UART_DATA 0
#define UART_IER 1 /* interrupt enable */
#define UART_IIR 2 /* interrupt identification (read) */
#define UART_FCR 2 /* FIFO control */
#define UART_LCR 3 /* line control */
#define UART_MCR 4 /* modem control */
#define UART_LSR 5 /* line status */
#define UART_DLL 0 /* divisor latch, low (with LCR_DLAB) */
#define UART_DLM 1 /* divisor latch, high */

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define FCR_ENABLE_CLEAR 0x07 /* enable FIFOs, clear both */
#define MCR_DTR_RTS_OUT2 0x0b /* OUT2 gates the IRQ line */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20    /* with FIFOs: the transmit FIFO is empty */
#define IIR_FIFO_ENABLED 0xc0 /* both bits: a working 16550 FIFO */
#define UART_FIFO_SIZE 16
#define IER_RX_AVAILABLE 0x01
#define UART_ABSENT 0xff /* an undecoded port reads as all ones */
#define COM1_IRQ 4
#define UART_CLOCK 115200
#define BAUD 115200

/*
 * Bytes the transmitter takes after it reports empty: the 16550's FIFO, or
 * one for a UART without one.  Writing a FIFO's worth per status read halves
 * the port accesses, and each one is slow when the UART is emulated.
 */
static unsigned int tx_fifo_size = 1;
static unsigned int tx_room;

/* excerpt: serial-putc */
void serial_putc(char c)
{
	if (!tx_room) {
		for (int spins = 0; spins < 100000; spins++)
			if (inb(COM1 + UART_LSR) & LSR_THR_EMPTY)
				break;
		tx_room = tx_fifo_size;
	}
	tx_room--;
	outb((uint8_t)c, COM1 + UART_DATA);
}
/* excerpt-end: serial-putc */

/* The next received byte, or -1 if none is waiting. */
static int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}

/* excerpt: serial-console */
static void serial_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};
/* excerpt-end: serial-console */

/* excerpt: serial-early-init */
void __init serial_early_init(void)
{
	uint16_t divisor = UART_CLOCK / BAUD;

	outb(0, COM1 + UART_IER);
	outb(LCR_DLAB, COM1 + UART_LCR);
	outb(divisor & 0xff, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(LCR_8N1, COM1 + UART_LCR);
	outb(FCR_ENABLE_CLEAR, COM1 + UART_FCR);
	if ((inb(COM1 + UART_IIR) & IIR_FIFO_ENABLED) == IIR_FIFO_ENABLED)
		tx_fifo_size = UART_FIFO_SIZE;
	outb(MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
	console_register(&serial_console);
}
/* excerpt-end: serial-early-init */

/* The shell has read from a full queue: take interrupts again (one is
 * raised at once if bytes are waiting).  Any context. */
static void serial_rx_resume(void)
{
	outb(IER_RX_AVAILABLE, COM1 + UART_IER);
}

/*
 * Move the bytes waiting in the UART into the console input, as far as it
 * has room.  The reader, a thread, cannot take a byte while a tasklet
 * runs, so the check for room and the throttle cannot be split by it.
 */
static void serial_rx(struct tasklet_struct *t)
{
	int c;

	while (console_input_room()) {
		c = serial_getc();
		if (c < 0) {
			serial_rx_resume();
			return;
		}
		console_input_push((uint8_t)c);
	}
	/* The rest waits in the UART (and, under QEMU, in the pipe behind
	 * it) until the shell has read. */
	console_input_throttle(serial_rx_resume);
}

/*
 * A tasklet, not a work item, for the reason the keyboard's is one
 * (drivers/keyboard.c): nothing in it sleeps, and it runs before any
 * thread, so Ctrl-C gets through while a command keeps the CPU busy.
 */
static DECLARE_TASKLET(serial_rx_tasklet, serial_rx);

/*
 * The UART's receive interrupt stays off until the tasklet has read what
 * waits: the FIFO (and QEMU's pipe) holds bytes meanwhile.
 */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return IRQ_NONE;
	outb(0, COM1 + UART_IER);
	tasklet_schedule(&serial_rx_tasklet);
	return IRQ_HANDLED;
}

/*
 * Received bytes by interrupt from now on.  With no interrupt controller
 * (booted with initcall_blacklist=pic_init, or none found) the shell's
 * reader polls the port instead: busy, but the only way left to read it.
 */
static int __init serial_init(void)
{
	int err;

	if (inb(COM1 + UART_LSR) == UART_ABSENT)
		return -ENODEV;
	err = request_irq(COM1_IRQ, serial_interrupt, 0, "ttyS0", NULL);
	if (err == -ENODEV) {
		pr_warn("serial: ttyS0: no interrupt controller: input polled\n");
		return console_add_poller(serial_getc);
	}
	if (err)
		return err;
	outb(IER_RX_AVAILABLE, COM1 + UART_IER);
	inb(COM1 + UART_IIR); /* clear a pending identification */
	pr_info("serial: ttyS0 at I/O %#x, IRQ %d, %d baud\n", COM1, COM1_IRQ,
		BAUD);
	return 0;
}
device_initcall(serial_init);
