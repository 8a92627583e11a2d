# The debug kernel's UBSAN (make DEBUG=1, CONFIG_UBSAN): the normal
# kernel has none of it; the debug kernel, its modules and out-of-tree
# modules built with DEBUG=1 are instrumented; two buggy modules
# (tests/debug: a signed overflow, an oversized shift) each get Linux's
# report, line by line, once, and the kernel goes on; a module of the one
# kind is refused by the kernel of the other.  One debug build,
# $BUILD/debug, which make test builds beside the others (tests/build.mk,
# test-debug); tests/boot/debugktest.sh runs the in-kernel suites under
# it.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/ubsan.normal.syms"
log=$out/ubsan.normal.syms
expect_not ' __ubsan_' 'the normal kernel has no UBSAN: no __ubsan_ symbol'

debug_build "$BUILD/debug/test/sprout.elf"
expect ' T __ubsan_handle_shift_out_of_bounds$' 'the debug kernel has the UBSAN runtime'
# The handlers the compiler calls from every layer are the one exception
# to the layer order (docs/architecture.md, `__ubsan_handle_*`).
log=$out/ubsan.layers.log
tools/layers.sh -s "$dbg" $(cat "$dbg/modpost.objs" "$dbg/modpost.test-objs") > "$log" 2>&1
tap_status 'the debug kernel'"'"'s references go down the layers, but for the UBSAN handlers'
nm "$debug/ubsan_shift.ko" > "$out/ubsan.module.syms"
log=$out/ubsan.module.syms
expect ' U __ubsan_handle_shift_out_of_bounds$' 'a module built with DEBUG=1 M=<dir> is instrumented'

# The debug modules, and a module of the normal build to be refused.
cpio=$out/ubsan.cpio
extra=$out/ubsan.extra
rm -rf "$extra" && mkdir -p "$extra/normal"
cp "$BUILD/modules/initdata.ko" "$extra/normal/initdata.ko"
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" INITRD_EXTRA="$extra" \
	"$cpio" >> "$out/ubsan.build.log" 2>&1

KERNEL=$dbg/sprout.elf INITRD=$cpio boot reports 'loglevel=7' \
	< <(printf '%s\n' 'insmod ubsan_overflow' 'insmod ubsan_shift' \
		'echo still running' 'rmmod ubsan_overflow' \
		'insmod ubsan_overflow' 'insmod /normal/initdata.ko' 'poweroff')
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
! grep 'UBSAN: ' "$log" | grep -qv ' in tests/debug/'
tap_status 'nothing but the buggy modules gets a UBSAN report'
sep='^={80}$'
# Linux's header line: the task (the shell's insmod), taint, version.
cpu='^CPU: 0 PID: [0-9]+ Comm: sh (Not tainted|Tainted: [A-Z]+) Sprout [0-9.]+$'
expect_lines 'a signed overflow in a module: Linux'"'"'s report, its stack, the kernel goes on' \
	"$sep" '^UBSAN: signed-integer-overflow in tests/debug/ubsan_overflow\.c:19:15$' \
	"^2147483647 \+ 1 cannot be represented in type 'int'$" \
	"$cpu" '^Call Trace:$' ' add_one\+0x[0-9a-f]+/0x[0-9a-f]+ \[ubsan_overflow\]$' \
	' ubsan_overflow_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[ubsan_overflow\]$' \
	"$sep" '^ubsan_overflow: 2147483647 \+ 1 = -2147483648$' \
	'^ubsan_overflow: and again, -2147483648$'
expect_lines 'an oversized shift in a module: Linux'"'"'s report, its stack, the kernel goes on' \
	"$sep" '^UBSAN: shift-out-of-bounds in tests/debug/ubsan_shift\.c:15:16$' \
	"^shift exponent 40 is too large for 32-bit type 'int'$" \
	"$cpu" '^Call Trace:$' 'ubsan_shift_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[ubsan_shift\]' \
	"$sep" '^ubsan_shift: 1 << 40 = ' '^still running$'
n=$(grep -c 'UBSAN: signed-integer-overflow' "$log")
if [ "$n" = 2 ]; then
	tap ok 'a report per place: one for two overflows, one again when the module is loaded again'
else
	tap fail "a report per place: one for two overflows, one again when the module is loaded again ($n reports, wanted 2)"
fi
expect "^\[ *[0-9.]+\] initdata: version magic '[0-9.]+ [^']*mod_unload' should be '[0-9.]+ [^']* ubsan'$" \
	'the debug kernel refuses a module of the normal build, naming both version magics'
expect_status 0 'the kernel powers off cleanly after the reports'

# A debug module in the normal kernel.
rm -rf "$extra" && mkdir -p "$extra/debug"
cp "$debug/ubsan_shift.ko" "$extra/debug/ubsan_shift.ko"
make -s BUILD="$BUILD" INITRD="$cpio" INITRD_EXTRA="$extra" "$cpio" \
	>> "$out/ubsan.build.log" 2>&1
INITRD=$cpio boot refused 'loglevel=7' \
	< <(printf '%s\n' 'insmod /debug/ubsan_shift.ko' 'poweroff')
expect "^\[ *[0-9.]+\] ubsan_shift: version magic '[^']* ubsan' should be '[^']*mod_unload'$" \
	'the normal kernel refuses a module of the debug build'

