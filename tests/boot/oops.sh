# A fault in kernel code prints an oops with the vector, error code, CR2,
# registers and a symbolized backtrace, then panics with QEMU status 2.
source "$(dirname "$0")/lib.sh"

boot pagefault 'crash=pagefault'
expect 'BUG: unable to handle page fault for address: 000000000dead000' 'oops names the faulting address'
expect 'Oops: page fault \(#PF\), vector 14, error code 0x2' 'oops names the vector and the write error code'
expect '#PF: supervisor write access in kernel mode$' 'the error code is decoded: a write, from kernel mode'
expect '#PF: error_code\(0x0002\) - not-present page$' 'the error code is decoded: the page is not present'
expect '^.*CR2: 000000000dead000' 'register dump shows CR2'
expect 'RIP: 0008:ffffffff8[0-9a-f]+ crash_pagefault\+0x[0-9a-f]+/0x[0-9a-f]+' 'RIP is symbolized'
expect 'Call Trace:' 'a backtrace follows'
expect '\] kernel_run\+0x' 'the backtrace reaches the caller'
expect 'Kernel panic - not syncing: Fatal exception' 'the oops ends in a panic'
expect_status 2 'a panic ends QEMU with status 2'

boot null 'crash=null'
expect 'BUG: NULL pointer dereference' 'a NULL access is named as such'
expect_status 2 'NULL dereference panics'
