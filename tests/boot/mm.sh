# Memory management seen from outside: faults on read-only, NX, guard and
# freed init pages say what they hit; the freed init size matches the
# linked image; meminfo reports; RAM above 4 GiB is used.
source "$(dirname "$0")/lib.sh"

boot rodata 'crash=rodata'
expect 'BUG: write to read-only page' 'a write to rodata faults and says so'
expect 'Oops: page fault \(#PF\), vector 14, error code 0x3' 'the fault is a write to a present page'
expect_status 2 'the rodata write ends in a panic'

boot nx 'crash=nx'
expect 'BUG: execute of non-executable \(NX\) page' 'executing data faults and says so'
expect 'error code 0x11' 'the fault is an instruction fetch from a present page'
expect_status 2 'executing data ends in a panic'

boot stack 'crash=stack'
expect 'BUG: last page fault at [0-9a-f]+: kernel stack guard page' 'a stack overflow hits the guard page and says so'
expect 'Oops: double fault \(#DF\)' 'it is reported from the double-fault stack'
expect_status 2 'a stack overflow ends in a panic'
expect 'CPU: 0 PID: 0 Comm: swapper/0 Not tainted' 'the oops names the boot thread, swapper/0'

# The same overflow in a kernel thread: the oops names the thread and
# unwinds its stack, the thread alone ends, and the shell still answers.
boot kthread_stack 'crash=kthread_stack' < <(printf 'echo still-here\npoweroff\n')
expect 'BUG: last page fault at [0-9a-f]+: thread stack guard page hit: kernel stack overflow' 'a thread overflowing its stack hits the guard page below it, and the oops says so'
expect 'Oops: double fault \(#DF\)' 'it is reported from the double-fault stack'
expect 'CPU: 0 PID: [1-9][0-9]* Comm: t_overflow Not tainted' 'the oops names the thread'
frames=$(grep -Ec '\] +\[<[0-9a-f]+>\] crash_recurse\+0x' "$log")
[ "$frames" -ge 3 ] && tap ok 'the backtrace follows the thread stack' ||
	tap fail "the backtrace follows the thread stack ($frames frames of crash_recurse)"
expect 'note: t_overflow\[[0-9]+\] exited with irqs disabled' 'only the thread ends'
expect_not 'Kernel panic' 'the oops in a thread does not panic'
expect 'crash: the boot thread goes on; kthread_stop: -14; memory back: yes' 'kthread_stop() sees -EFAULT and the thread stack and task are freed'
expect '^still-here' 'the shell still answers'
expect_status 0 'poweroff ends QEMU normally'

boot initcode 'crash=initcode'
expect 'BUG: access to freed init memory' 'calling an __init function after boot says freed init memory'
expect 'RIP: 0008:ffffffff8[0-9a-f]+ crash_init_function\+0x0/' 'the fault is at the __init function'
expect_status 2 'calling freed init code ends in a panic'

boot initdata 'crash=initdata'
expect 'BUG: access to freed init memory' 'reading __initdata after boot says freed init memory'
expect 'error code 0x0' 'the fault is a read of a not-present page'
expect_status 2 'reading freed init data ends in a panic'

boot unmapped 'crash=pagefault'
expect 'BUG: unmapped address' 'the old identity-mapped range is unmapped'

# The freed size is exactly the init region of the linked image.
begin=$(nm "$KERNEL" | awk '$3 == "__init_begin" { print $1 }')
end=$(nm "$KERNEL" | awk '$3 == "__init_end" { print $1 }')
kib=$(( (0x$end - 0x$begin) / 1024 ))
boot meminfo 'loglevel=7' < <(printf 'meminfo\npoweroff\n')
expect "\] Freeing unused kernel memory: ${kib}k freed$" "the freed size is __init_end - __init_begin (${kib}k)"
expect '\] mm: reserved \[mem 0x0000000000100000-0x[0-9a-f]{16}\] kernel image$' 'the kernel image from 1 MiB is reserved, and logged'
expect '\] mm: reserved \[mem 0x[0-9a-f]{16}-0x[0-9a-f]{16}\] initrd$' 'the initrd boot module is reserved, and logged'
expect '\] mm: reserved \[mem 0x[0-9a-f]{16}-0x[0-9a-f]{16}\] Multiboot2 information$' 'the boot information is reserved, and logged'
expect '^Frames: +[0-9]+ total +[0-9]+ free +[0-9]+ reserved' 'meminfo shows the frame counters'
expect '^Heap: +[0-9]+ bytes in [0-9]+ allocations' 'meminfo shows the heap'
expect '^Module area: +[0-9]+ pages mapped' 'meminfo shows the module area'
expect "^Init freed: +${kib} KiB" 'meminfo shows the freed init memory'
expect_status 0 'meminfo and poweroff end cleanly'

# QEMU puts RAM beyond 3.5 GiB above 4 GiB; it is found and direct-mapped.
boot highmem 'loglevel=7' --mem 4608 < <(printf 'meminfo\npoweroff\n')
expect 'mm: 4[0-9]{3} MiB usable RAM in 0x0-0x1[0-9a-f]{8}:' 'RAM above 4 GiB is in the frame pool'
expect '^MemTotal: +4[0-9]{6} KiB' 'meminfo counts it'
expect_status 0 'a 4.5 GiB machine boots and powers off'
