/*
 * The 8253/8254 programmable interval timer (Intel 82C54 datasheet) and the
 * PC's port B, which gates its channel 2 and reads its output: what the
 * tick (drivers/pit.c) and the TSC's calibration (kernel/time/time.c) both
 * program.  Each keeps its own control words.
 */
#ifndef KERNEL_I8253_H
#define KERNEL_I8253_H

#define PIT_HZ 1193182u /* every channel's input clock */
#define PIT_CH0 0x40	/* channel 0: the tick, on IRQ 0 */
#define PIT_CH2 0x42	/* channel 2: the speaker's, usable without IRQs */
#define PIT_CMD 0x43	/* mode and command register */

#define PORT_B 0x61
#define PORT_B_GATE 0x01    /* channel 2 counts */
#define PORT_B_SPEAKER 0x02 /* channel 2's output drives the speaker */
#define PORT_B_OUT2 0x20    /* channel 2's output (mode 0: high once 0) */

#endif
