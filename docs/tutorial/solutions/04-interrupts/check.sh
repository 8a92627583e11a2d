#!/bin/bash
# Exercises 4.1 and 4.2.  gpfault reads a non-canonical address: loading it
# must end in a general protection fault (vector 13, error code 0) -- not a
# page fault -- at the module's init function, with CR2 left alone and the
# bad pointer in a register.  divzero divides by zero: a divide error
# (vector 0), which pushes no error code.  The same read from a canonical
# address is a page fault instead: the #GP comes from the address alone.
source "$(dirname "$0")/../lib.sh"

solution_copy gpfault.c divzero.c Kbuild
# The counter-example: the same module reading a canonical address (bits
# 63-47 all zero) that nothing maps, which must be a page fault.
sed 's/0xdead000000000000ul/0x00000dead0000000ul/; s/gpfault/gpcanon/g' \
	"$work/gpfault.c" > "$work/gpcanon.c"
echo 'obj-m += gpcanon.o' >> "$work/Kbuild"
solution_modules

solution_boot 'loglevel=7' 'insmod gpfault\n' "$work/gpfault.ko"
must '\] gpfault: reading 0xdead000000000000$' 'gpfault runs its init function'
must 'Oops: general protection fault \(#GP\), vector 13, error code 0x0$' 'the access is a #GP with error code 0'
must_not 'BUG: unable to handle page fault' 'no page fault: the page tables were never consulted'
must 'RIP: 0008:ffffffffa[0-9a-f]+ gpfault_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[gpfault\]' 'RIP names the module function'
must ' CR2: 0000000000000000 ' 'CR2 is not the bad address'
must '(RAX|RBX|RCX|RDX|RSI|RDI|R[0-9]+): dead000000000000' 'a register holds the bad pointer'
# insmod runs in the shell's thread, PID 1: as on Linux, init cannot die.
must 'CPU: 0 PID: 1 Comm: sh ' 'the oops names the shell, PID 1'
must 'Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b' 'the #GP oops ends in a panic'
must_status 2 'QEMU ends with the panic status'

solution_boot 'loglevel=7' 'insmod divzero\n' "$work/divzero.ko"
must '\] divzero: dividing 42 by 0$' 'divzero runs its init function'
must 'Oops: divide error \(#DE\), vector 0, error code 0x0$' 'the division is a #DE (no error code: the stub pushed 0)'
must 'RIP: 0008:ffffffffa[0-9a-f]+ divzero_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[divzero\]' 'RIP names the division'
must_status 2 'the divide error ends in a panic'

solution_boot 'loglevel=7' 'insmod gpcanon\n' "$work/gpcanon.ko"
must '\] gpcanon: reading 0xdead0000000$' 'a canonical address, for comparison'
must 'Oops: page fault \(#PF\), vector 14, error code 0x0$' 'is a page fault: the #GP above came from the address alone'
must_not 'general protection fault' 'and no #GP'
must 'CR2: 00000dead0000000 ' 'this time CR2 holds the address'
solution_done
