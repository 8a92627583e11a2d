# The debug kernel's slab debugging (CONFIG_SLUB_DEBUG) and per-module
# leak records (CONFIG_DEBUG_KMEMLEAK_MODULES): the normal kernel has
# neither; three buggy modules (tests/debug: a byte past a kmalloc
# object, a double free, a write after free) each get Linux 6.1's
# slub_debug report, line by line, the heap is repaired and the kernel
# goes on; a module that leaks (tests/debug/leak_three) has what it never
# freed listed at rmmod, kmemleak-style, and counted in
# /sys/kernel/debug/kmemleak; modules that free everything are listed for
# nothing.  The debug build is the one tests/build.mk's test-debug makes.
source "$(dirname "$0")/lib.sh"

nm "$KERNEL" > "$out/slubdebug.normal.syms"
log=$out/slubdebug.normal.syms
expect_not ' (slub_debug_|modleak_)' \
	'the normal kernel has no slab debugging and no leak records'

debug_build
expect ' T slub_debug_heap_alloc$' 'the debug kernel has slab debugging'
expect ' T modleak_module_gone$' 'the debug kernel has the leak records'

# The buggy modules, and one of the debug build's modules, under /more,
# whose threads the kernel allocates on its behalf (charged to it) and
# frees, whoever frees them, when they stop.
cpio=$out/slubdebug.cpio
extra=$out/slubdebug.extra
rm -rf "$extra" && mkdir -p "$extra/more"
cp "$dbg/modules/kthreads.ko" "$extra/more/"
make -s DEBUG=1 BUILD="$dbg" M=$debug INITRD="$cpio" INITRD_EXTRA="$extra" \
	"$cpio" >> "$out/slubdebug.build.log" 2>&1

# kasan=off: once KASAN is in the debug kernel, these corruptions are
# left to slab debugging's checks.
KERNEL=$dbg/sprout.elf INITRD=$cpio TIMEOUT=120 boot reports \
	'loglevel=7 kasan=off' \
	< <(printf '%s\n' 'cat /sys/kernel/debug/kmemleak' \
		'insmod slub_redzone' 'insmod slub_double_free' \
		'insmod slub_uaf_write' 'echo still running' \
		'insmod /more/kthreads.ko' 'rmmod kthreads' \
		'insmod leak_three' 'rmmod leak_three' \
		'cat /sys/kernel/debug/kmemleak' 'echo done' 'poweroff')
expect 'Sprout [0-9.]+ ready' 'the debug kernel boots to the prompt'
! grep -E '^(\[ *[0-9.]+\] )?(BUG|FIX) ' "$log" |
	grep -vE ' (kmalloc-(32|64|128)|leak_three_item)(:| \()'
tap_status 'nothing but the buggy modules gets a slab debugging report'
sep='^={77}$'
dash='^-{77}$'
p='0xffff8[0-9a-f]{11}'
hex='ffff8[0-9a-f]{11}: '
tainted='(Not tainted|Tainted: [A-Z ]+)'
at='\+0x[0-9a-f]+/0x[0-9a-f]+'
expect_lines 'a byte past a kmalloc-64 object: Linux'"'"'s report at kfree(), the red zone restored, the kernel goes on' \
	"$sep" "^BUG kmalloc-64 \($tainted\): Right Redzone overwritten$" "$dash" \
	"^$p-$p @offset=64\. First byte 0x78 instead of 0xcc$" \
	"^Allocated in slub_redzone_init$at \[slub_redzone\] age=[0-9]+ cpu=0 pid=[0-9]+$" \
	"^ slub_redzone_init$at \[slub_redzone\]$" \
	"^Slab $p objects=[0-9]+ used=[0-9]+ fp=0x[0-9a-f]+$" \
	"^Object $p @offset=[0-9]+ fp=0x[0-9a-f]+$" \
	"^Object   $hex(6b ){15}6b  k{16}$" \
	"^Redzone  ${hex}78 (cc ){6}cc {26}x\.{7}$" \
	'^Call Trace:$' " kfree$at$" " slub_redzone_init$at \[slub_redzone\]$" \
	"^FIX kmalloc-64: Restoring Right Redzone $p-$p=0xcc$" \
	'^slub_redzone: wrote one byte past a 64-byte object$'
expect_lines 'a double free: "Object already free" with both tracks, the second free refused' \
	"$sep" "^BUG kmalloc-32 \($tainted\): Object already free$" "$dash" \
	"^Allocated in slub_double_free_init$at \[slub_double_free\] age=[0-9]+ cpu=0 pid=[0-9]+$" \
	"^Freed in slub_double_free_init$at \[slub_double_free\] age=[0-9]+ cpu=0 pid=[0-9]+$" \
	"^ slub_double_free_init$at \[slub_double_free\]$" \
	"^Slab $p objects=[0-9]+ used=[0-9]+ fp=$p$" \
	"^Object $p @offset=[0-9]+ fp=0x[0-9a-f]+$" \
	"^Object   $hex(6b ){15}6b  k{16}$" \
	"^Object   $hex(6b ){15}a5  k{15}\.$" \
	"^Redzone  $hex(bb ){7}bb {26}\.{8}$" \
	'^Call Trace:$' " kfree$at$" " slub_double_free_init$at \[slub_double_free\]$" \
	"^FIX kmalloc-32: Object at $p not freed$" \
	'^slub_double_free: freed one object twice$'
expect_lines 'a write after free: "Poison overwritten" when the object is handed out again, the poison restored' \
	"$sep" "^BUG kmalloc-128 \($tainted\): Poison overwritten$" "$dash" \
	"^$p-$p @offset=8\. First byte 0x78 instead of 0x6b$" \
	"^Allocated in slub_uaf_write_init$at \[slub_uaf_write\] age=[0-9]+ cpu=0 pid=[0-9]+$" \
	"^Freed in slub_uaf_write_init$at \[slub_uaf_write\] age=[0-9]+ cpu=0 pid=[0-9]+$" \
	"^Object   $hex(6b ){8}78 (6b ){6}6b  k{8}xk{7}$" \
	'^Call Trace:$' " kmalloc$at$" " slub_uaf_write_init$at \[slub_uaf_write\]$" \
	"^FIX kmalloc-128: Restoring Poison $p-$p=0x6b$" \
	'^slub_uaf_write: wrote into a freed object; allocated it again$' \
	'^still running$'
n=$(grep -cE '^(\[ *[0-9.]+\] )?BUG ' "$log")
if [ "$n" = 3 ]; then
	tap ok 'one report for each bug'
else
	tap fail "one report for each bug ($n reports, wanted 3)"
fi
expect_not 'kthreads: .* allocated by the module' \
	'a module whose threads are gone when it unloads has nothing listed at rmmod'
obj='unreferenced object 0xffff8[0-9a-f]{11} \(size'
comm='^  comm "sh", pid [0-9]+, jiffies [0-9]+ \(age [0-9]+\.[0-9]{3}s\)$'
expect_lines 'a module that leaks: each object it never freed listed at rmmod, its size and call chain, kmemleak-style' \
	'^kmem_cache_destroy leak_three_item: Slab cache still has objects \(1\), kept$' \
	'^leak_three: 4 objects \(294 bytes\) allocated by the module were not freed at unload:$' \
	"^$obj 128\):$" "$comm" '^  hex dump \(first 32 bytes\):$' \
	'^    6c 65 61 6b 5f 74 68 72 65 65 5f 69 74 65 6d 00  leak_three_item\.$' \
	'^  backtrace:$' " \[<ffffffff8[0-9a-f]{7}>\] kmem_cache_create$at$" \
	" \[<ffffffffa[0-9a-f]{7}>\] leak_three_init$at \[leak_three\]$" \
	"^$obj 100\):$" "$comm" '^  backtrace:$' \
	" \[<ffffffffa[0-9a-f]{7}>\] leak_three_init$at \[leak_three\]$" \
	"^$obj 18\):$" "$comm" '^  hex dump \(first 18 bytes\):$' \
	"^    6c 65 61 6b 5f 74 68 72 65 65 27 73 20 6e 61 6d  leak_three's nam$" \
	'^    65 00 {44}e\.$' '^  backtrace:$' " kstrdup$at$" \
	" leak_three_init$at \[leak_three\]$" \
	"^$obj 48\):$" "$comm" '^  backtrace:$' \
	" leak_three_init$at \[leak_three\]$" \
	'^leaks reported: 1$' '^objects: 4$' '^bytes: 294$' \
	'^module +reports +objects +bytes$' '^leak_three +1 +4 +294$' '^done$'
expect_lines 'the totals start at nothing' '^sprout# cat /sys/kernel/debug/kmemleak$' \
	'^leaks reported: 0$' '^objects: 0$' '^bytes: 0$' '^sprout# insmod slub_redzone'
expect_status 0 'the kernel powers off cleanly after the reports'
