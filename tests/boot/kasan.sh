# The debug kernel's KASAN (make DEBUG=1, CONFIG_KASAN): the normal kernel
# has none of it; the debug kernel and out-of-tree modules built with
# DEBUG=1 are instrumented and say so in their version magic; four buggy
# modules (tests/debug: a write past a kmalloc object, a read past a
# global array, a read after kfree, a double kfree) each get Linux's
# report, line by line, once, and the kernel goes on; kasan=off turns the
# reports off.  The debug build is tests/boot/ubsan.sh's, which make test
# builds (tests/build.mk, test-debug) and which boots the in-kernel
# suites under it, KASAN watching.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/kasan.normal.syms"
log=$out/kasan.normal.syms
expect_not ' __asan_' 'the normal kernel has no KASAN: no __asan_ symbol'

debug_build
expect ' T __asan_store1_noabort$' 'the debug kernel has the KASAN runtime'
expect ' T kasan_report$' 'the debug kernel has KASAN'"'"'s reports'
nm "$debug/kasan_oob.ko" > "$out/kasan.module.syms"
log=$out/kasan.module.syms
expect ' U __asan_store1_noabort$' 'a module built with DEBUG=1 M=<dir> calls __asan_*'
expect ' U __asan_register_globals$' 'a module built with DEBUG=1 M=<dir> registers its globals'
modinfo -F vermagic "$debug/kasan_oob.ko" > "$out/kasan.vermagic" 2>&1
log=$out/kasan.vermagic
expect ' kasan ubsan$' 'a KASAN module'"'"'s version magic says "kasan"'

cpio=$out/kasan.cpio
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" "$cpio" \
	>> "$out/kasan.build.log" 2>&1

bugs=('insmod kasan_oob' 'insmod kasan_global' 'insmod kasan_uaf'
	'insmod kasan_double_free' 'insmod kasan_stack' 'insmod kasan_alloca'
	'echo still running' 'poweroff')
KERNEL=$dbg/sprout.elf INITRD=$cpio boot reports 'loglevel=7' \
	< <(printf '%s\n' "${bugs[@]}")
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
expect '^\[ *[0-9.]+\] kasan: KernelAddressSanitizer initialized' \
	'KASAN starts at boot'
! grep 'BUG: KASAN: ' "$log" | grep -qv ' \[kasan_[a-z_]*\]$'
tap_status 'nothing but the buggy modules gets a KASAN report'
sep='^={66}$'
hex='[0-9a-f]+'
sym="\+0x$hex/0x$hex"
alloc=('^Allocated by task 1:$' " kmalloc$sym$")
expect_lines 'a write past a kmalloc object: Linux'"'"'s report, its stacks, the kernel goes on' \
	"$sep" "^BUG: KASAN: slab-out-of-bounds in kasan_oob_init$sym \[kasan_oob\]$" \
	'^Write of size 1 at addr ffff8000[0-9a-f]{8} by task sh/1$' \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' \
	" kasan_oob_init$sym \[kasan_oob\]$" "${alloc[@]}" \
	" kasan_oob_init$sym \[kasan_oob\]$" \
	"^The buggy address belongs to the object at ffff8000$hex$" \
	'^ which belongs to the cache kmalloc-128 of size 128$' \
	'^The buggy address is located 100 bytes inside of$' \
	"^ 128-byte region \[ffff8000$hex, ffff8000$hex\)$" \
	'^Memory state around the buggy address:$' \
	'^>ffff8000[0-9a-f]{8}: (00 ){12}04 fc fc fc$' '^ +\^$' "$sep" \
	'^kasan_oob: wrote p\[100\] of a 100-byte object$'
expect_lines 'a read past a global array: Linux'"'"'s report, the kernel goes on' \
	"$sep" "^BUG: KASAN: global-out-of-bounds in kasan_global_init$sym \[kasan_global\]$" \
	'^Read of size 4 at addr ffffffffa[0-9a-f]{7} by task sh/1$' \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' \
	" kasan_global_init$sym \[kasan_global\]$" \
	'^The buggy address belongs to the variable:$' '^ table\+0x28/0x28$' \
	'^Memory state around the buggy address:$' '^>ffffffffa.*f9' "$sep" \
	'^kasan_global: read table\[10\] of 10: '
expect_lines 'a read after kfree: Linux'"'"'s report, both stacks, the kernel goes on' \
	"$sep" "^BUG: KASAN: use-after-free in kasan_uaf_init$sym \[kasan_uaf\]$" \
	'^Read of size 4 at addr ffff8000[0-9a-f]{8} by task sh/1$' \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' \
	" kasan_uaf_init$sym \[kasan_uaf\]$" "${alloc[@]}" \
	" kasan_uaf_init$sym \[kasan_uaf\]$" '^Freed by task 1:$' " kfree$sym$" \
	" kasan_uaf_init$sym \[kasan_uaf\]$" \
	"^The buggy address belongs to the object at ffff8000$hex$" \
	'^ which belongs to the cache kmalloc-128 of size 128$' \
	'^The buggy address is located 0 bytes inside of$' \
	'^>ffff8000[0-9a-f]{8}: (fb ){15}fb$' "$sep" \
	'^kasan_uaf: read a freed object: 42$'
expect_lines 'a double kfree: Linux'"'"'s report, both stacks, the kernel goes on' \
	"$sep" "^BUG: KASAN: double-free in kasan_double_free_init$sym \[kasan_double_free\]$" \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' " kfree$sym$" \
	" kasan_double_free_init$sym \[kasan_double_free\]$" "${alloc[@]}" \
	" kasan_double_free_init$sym \[kasan_double_free\]$" \
	'^Freed by task 1:$' " kfree$sym$" \
	" kasan_double_free_init$sym \[kasan_double_free\]$" \
	'^ which belongs to the cache kmalloc-64 of size 64$' "$sep" \
	'^kasan_double_free: freed the same object twice$'
expect_lines 'a write past a local array: Linux'"'"'s report, the frame and its array, the kernel goes on' \
	"$sep" "^BUG: KASAN: stack-out-of-bounds in kasan_stack_init$sym \[kasan_stack\]$" \
	'^Write of size 1 at addr ffffc9004[0-9a-f]{7} by task sh/1$' \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' \
	" kasan_stack_init$sym \[kasan_stack\]$" \
	'^The buggy address belongs to stack of task sh/1$' \
	'^ and is located at offset 40 in frame:$' \
	" kasan_stack_init\+0x0/0x$hex \[kasan_stack\]$" \
	'^This frame has 1 object:$' "^ \[32, 40\) 'buf'$" \
	'^Memory state around the buggy address:$' \
	'^>ffffc9004[0-9a-f]{7}: .*f1 f1 f1 f1 00 f3 f3 f3' '^ +\^$' "$sep" \
	'^kasan_stack: wrote buf\[8\] of an 8-byte local array \(local\)$'
expect_lines 'a write past a variable-length array: Linux'"'"'s report, the kernel goes on' \
	"$sep" "^BUG: KASAN: alloca-out-of-bounds in kasan_alloca_init$sym \[kasan_alloca\]$" \
	'^Write of size 1 at addr ffffc9004[0-9a-f]{7} by task sh/1$' \
	'^CPU: 0 PID: 1 Comm: sh ' '^Call Trace:$' \
	" kasan_alloca_init$sym \[kasan_alloca\]$" \
	'^The buggy address belongs to stack of task sh/1$' \
	'^Memory state around the buggy address:$' \
	'^>ffffc9004[0-9a-f]{7}: .*ca ca ca ca 00 02 cb cb' '^ +\^$' "$sep" \
	'^kasan_alloca: wrote buf\[10\] of a 10-byte variable-length array$' \
	'^still running$'
n=$(grep -c 'BUG: KASAN: ' "$log")
if [ "$n" = 6 ]; then
	tap ok 'one report per bad access'
else
	tap fail "one report per bad access ($n reports, wanted 6)"
fi
expect_not 'kfree: bad free' 'the double free never reaches the heap'
expect_status 0 'the kernel powers off cleanly after the reports'

# kasan=off: the same modules, no report; the heap catches the double free.
KERNEL=$dbg/sprout.elf INITRD=$cpio boot off 'loglevel=7 kasan=off' \
	< <(printf '%s\n' "${bugs[@]}")
expect '^\[ *[0-9.]+\] kasan: KernelAddressSanitizer off \(kasan=off\)$' \
	'kasan=off turns KASAN off at boot'
expect_not 'BUG: KASAN' 'kasan=off: no KASAN report'
# Slab debugging's report where it is built in, else the heap's warning.
expect 'BUG kmalloc-32 \(.*\): Object already free|kfree: bad free of .*double free' 'kasan=off: slab debugging (or the heap'"'"'s own check) sees the double free'
expect '^still running$' 'kasan=off: the kernel goes on'
expect_status 0 'kasan=off: the kernel powers off cleanly'
