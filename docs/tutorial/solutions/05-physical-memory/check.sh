#!/bin/bash
# Exercise 5.1: every buffer the module gets -- slab objects and whole
# frames -- is usable RAM from the memory map and outside what boot
# reserved: the low 1 MiB, the kernel image (from build/sprout.elf's
# symbols), and every Multiboot2 module (the initrd and the .ko itself),
# read from the same boot's log.  Removing the module frees them again.
source "$(dirname "$0")/../lib.sh"

solution_copy wherephys.c Kbuild
solution_modules
solution_boot 'loglevel=7' 'insmod wherephys\nrmmod wherephys\npoweroff\n' \
	"$work/wherephys.ko"
must '\] wherephys: 64 bytes at 0xffff8[0-9a-f]+, physical 0x[0-9a-f]+$' 'a slab object is in the direct map'
must '\] wherephys: 12288 bytes at 0xffff8[0-9a-f]+, physical 0x[0-9a-f]+000$' 'a 3-page buffer is whole, aligned frames'
must_status 0 'the module loads, is removed and Sprout powers off'

# The image's physical extent, from the linker's symbols, and its init
# part, which the boot freed ("Freeing unused kernel memory"): RAM again.
sym() { nm "$BUILD/sprout.elf" | awk -v s="$1" '$3 == s { print $1 }'; }
kernel_start=$(( 0x$(sym __boot_start) ))
kernel_end=$(( 0x$(sym __kernel_end) - 0xffffffff80000000 ))
init_start=$(( 0x$(sym __init_begin) - 0xffffffff80000000 ))
init_end=$(( 0x$(sym __init_end) - 0xffffffff80000000 ))

# buffer_problems LOG: the usable ranges and reservations from the log,
# then one line per buffer whose [start, end) is outside usable RAM or in
# a reservation.
buffer_problems() {
	awk -v ks="$kernel_start" -v ke="$kernel_end" -v is="$init_start" -v ie="$init_end" '
# Hexadecimal "0x..." to a number (physical addresses fit a double).
function num(h,   i, v) {
	h = tolower(substr(h, 3)); v = 0
	for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
/\] mem: \[mem .*\] usable$/ {
	split($0, a, /[][ -]+/)
	for (i = 1; i in a; i++) if (a[i] ~ /^0x/) { us[nu] = num(a[i]); ue[nu++] = num(a[i + 1]) + 1; break }
}
/\] Boot module: \[/ {
	match($0, /\[0x[0-9a-f]+-0x[0-9a-f]+\)/)
	split(substr($0, RSTART + 1, RLENGTH - 2), m, "-")
	rs[nr] = num(m[1]); re[nr] = num(m[2]); rn[nr++] = "boot module"
}
/\] wherephys: [0-9]+ bytes at / {
	size = $4; pa = num($NF); nb++
	ok = 0
	for (i = 0; i < nu; i++) if (pa >= us[i] && pa + size <= ue[i]) ok = 1
	if (!ok) print "buffer at " $NF " is not inside a usable memory map entry"
	if (pa < 1048576) print "buffer at " $NF " is in the low 1 MiB"
	if ((pa < is && pa + size > ks) || (pa < ke && pa + size > ie))
		print "buffer at " $NF " overlaps the kernel image"
	for (i = 0; i < nr; i++)
		if (pa < re[i] && pa + size > rs[i]) print "buffer at " $NF " overlaps a " rn[i]
}
END {
	if (nu == 0) print "no usable memory map entry in the log"
	if (nr < 2) print "fewer than two boot modules (initrd, wherephys.ko) in the log"
	if (nb != 6) print "saw " nb " buffers, wanted 6"
}' "$1" || echo "$1 could not be read"
}
problems=$(buffer_problems "$log")
if [ -z "$problems" ]; then
	echo "ok - no buffer lies in reserved memory or outside RAM"
else
	echo "$problems" | sed 's/^/not ok - /'
	failed=1
fi
# The check can fail: the same log with one buffer moved into the kernel
# image must be refused.
sed '0,/\(wherephys: 12288 bytes at [^,]*, physical \)0x[0-9a-f]*$/s//\10x101000/' \
	"$log" > "$work/moved.log"
if buffer_problems "$work/moved.log" | grep -q 'overlaps the kernel image'; then
	echo "ok - a buffer placed in the kernel image would be caught"
else
	echo "not ok - a buffer placed in the kernel image would be caught"
	failed=1
fi

# Exercise 5.2: the kernel's own frame pool, compiled for the host, fed
# the memory map and reservations of a boot's log, counts the same free
# and reserved frames as the kernel did -- on two machines, 128 MiB and
# 4.5 GiB (RAM above 4 GiB, a hole below it).
sim=$work/poolsim
if ! gcc -std=gnu11 -O1 -Wall -Wextra -Werror -Wno-unused-parameter -I. \
	-Iinclude -DHOST_TEST -DSPROUT_VERSION='"host"' \
	-Dvsnprintf=sprout_vsnprintf -Dsnprintf=sprout_snprintf \
	-fsanitize=address,undefined "$solution_dir/poolsim.c" \
	mm/frame_pool.c mm/bitmap.c kernel/lib/vsnprintf.c -o "$sim" \
	> "$work/poolsim.build.log" 2>&1; then
	echo "not ok - poolsim builds"; cat "$work/poolsim.build.log"; exit 1
fi
# The first machine is the boot above, with wherephys.ko among the boot
# modules; the second is booted here.
cp "$log" "$work/128.log"
MEM=4608 solution_boot 'loglevel=7' 'poweroff\n'
cp "$log" "$work/4608.log"
for mem in 128 4608; do
	log=$work/$mem.log
	kernel=$(sed -n 's/.*\] mm: .* MiB usable RAM in .*: \([0-9]* frames free, [0-9]* reserved\)$/\1/p' "$log")
	host=$("$sim" < "$log" | sed -n 's/.*reservations: //p')
	if [ -n "$kernel" ] && [ "$kernel" = "$host" ]; then
		echo "ok - -m $mem: the host counts what the kernel counted ($host)"
	else
		echo "not ok - -m $mem: host '$host', kernel '$kernel'"
		failed=1
	fi
done
solution_done
