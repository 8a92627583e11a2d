#!/bin/bash
# Exercises 4.1 and 4.2.  gpfault reads a non-canonical address: loading it
# must end in a general protection fault (vector 13, error code 0) -- not a
# page fault -- at the module's init function, with CR2 left alone and the
# bad pointer in a register.  divzero divides by zero: a divide error
# (vector 0), which pushes no error code.
source "$(dirname "$0")/../lib.sh"

solution_copy gpfault.c divzero.c Kbuild
solution_modules

solution_boot 'loglevel=7' 'insmod gpfault\n' "$work/gpfault.ko"
must '\] gpfault: reading 0xdead000000000000$' 'gpfault runs its init function'
must 'Oops: general protection fault \(#GP\), vector 13, error code 0x0$' 'the access is a #GP with error code 0'
must_not 'BUG: unable to handle page fault' 'no page fault: the page tables were never consulted'
must 'RIP: 0008:ffffffffa[0-9a-f]+ gpfault_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[gpfault\]' 'RIP names the module function'
must ' CR2: 0000000000000000 ' 'CR2 is not the bad address'
must '(RAX|RBX|RCX|RDX|RSI|RDI|R[0-9]+): dead000000000000' 'a register holds the bad pointer'
must 'Kernel panic - not syncing: Fatal exception' 'the #GP oops ends in a panic'
must_status 2 'QEMU ends with the panic status'

solution_boot 'loglevel=7' 'insmod divzero\n' "$work/divzero.ko"
must '\] divzero: dividing 42 by 0$' 'divzero runs its init function'
must 'Oops: divide error \(#DE\), vector 0, error code 0x0$' 'the division is a #DE (no error code: the stub pushed 0)'
must 'RIP: 0008:ffffffffa[0-9a-f]+ divzero_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[divzero\]' 'RIP names the division'
must_status 2 'the divide error ends in a panic'
solution_done
