# Layer 10: softirqs' thread and tasklets; drivers' interrupts -- the
# flow of each interrupt, the "nobody cared" check, requesting and freeing
# handlers, and the views of the lines (/proc/interrupts rows, the
# interrupts command).
obj-y += kernel/irq/ksoftirqd.o
obj-y += kernel/irq/tasklet.o
obj-y += kernel/irq/spurious.o
obj-y += kernel/irq/handle.o
obj-y += kernel/irq/manage.o
obj-y += kernel/irq/proc.o
