#!/bin/bash
# make bench: Sprout's figures beside the floor, an empty Multiboot2 kernel
# (tools/floor/) booted from an ISO made the same way.  Prints a table and
# writes them all to $BUILD/bench.json.
#
#  - wall times from QEMU's start to its exit, Sprout's through the shell
#    prompt and "poweroff", alternating floor and Sprout so that both see
#    the same host load; median, min and max of BENCH_RUNS each (UEFI:
#    BENCH_UEFI_RUNS), on the host's clock;
#  - the kernel's own time from its first instruction to the prompt, from
#    the time stamps of those boots and from one boot with "bench" on the
#    command line, which runs the in-kernel benchmarks ("bench: KEY =
#    VALUE" lines, on the guest's TSC);
#  - how much kernel code QEMU translated in a boot (blocks and their
#    instructions, from -d in_asm): the kernel's largest cost under
#    emulation, counted independently of the host's speed; and how many
#    instructions the kernel ran to its prompt (-icount), the same way;
#  - the debug kernel's (make DEBUG=1, in $BUILD/debug) instructions to the
#    prompt and hello's load time, beside the normal kernel's: what the
#    checkers cost;
#  - sizes, and the least RAM (-m) with which three boots of three reach
#    the prompt with every boot-time module loaded;
#  - the costs of threads, of deferred work, of a path walk and of /proc
#    files: bench_sched, bench_defer, bench_fs and bench_vfs
#    (tests/bench/linux/), built out of tree and loaded with insmod at the
#    bench build's prompt, and
#    Linux's figures from make bench-linux beside them
#    ($BUILD/bench-linux.json).
#  - /dev/zero read in 4 KiB blocks (zero_read_mbps, an in-kernel
#    benchmark), beside what make bench-linux's /init reads from user
#    space.
#
# Usage: tools/bench.sh 'CMDLINE'   (from make bench; BUILD, BENCH_RUNS,
#        BENCH_UEFI_RUNS, MEM in the environment)
set -eu
cd "$(dirname "$0")/.."
cmdline=$1
BUILD=${BUILD:-build}
runs=${BENCH_RUNS:-10}
uefi_runs=${BENCH_UEFI_RUNS:-3}
mem=${MEM:-128}
out=$BUILD/bench
mkdir -p "$out"
json=$BUILD/bench.json
kernel=$BUILD/sprout.elf
bench_kernel=$BUILD/bench/sprout.elf # the same, with the benchmarks
sprout_iso=$BUILD/sprout.iso
floor_iso=$BUILD/floor.iso
initrd=$BUILD/initrd.cpio
boot_modules=$BUILD/initrd-config/etc/modules

# One timed boot: "SECONDS STATUS" of QEMU's run, its serial log in $3.
# Sprout gets "poweroff" at its prompt; the floor leaves by itself.
timed_boot() {
	local iso=$1 firmware=$2 log=$3 input=${4:-} t0 t1 status
	t0=$EPOCHREALTIME
	printf '%s' "$input" | tools/run-qemu.sh --iso "$iso" --mem "$mem" \
		--firmware "$firmware" --timeout 60 > "$log" 2>&1 && status=0 || status=$?
	t1=$EPOCHREALTIME
	echo "$(echo "$t1 - $t0" | bc) $status"
}

# median, min and max of the numbers on standard input: "MED MIN MAX".
stats() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'
}

# The kernel's "Sprout ... ready" stamp in a log, in ms from its entry.
ready_ms() {
	tr -d '\r' < "$1" | sed -n 's/^\[ *\([0-9.]*\)\] Sprout .* ready$/\1/p' |
		awk '{ printf "%.3f\n", $1 * 1000 }'
}

# alternate NAME FIRMWARE N: N boots each of the floor and of Sprout, in
# turn; wall times into $out/NAME.floor and $out/NAME.sprout, kernel ready
# stamps into $out/NAME.ready.
alternate() {
	local name=$1 firmware=$2 n=$3 i t s
	: > "$out/$name.floor"
	: > "$out/$name.sprout"
	: > "$out/$name.ready"
	for i in $(seq "$n"); do
		read -r t s < <(timed_boot "$floor_iso" "$firmware" "$out/$name.floor.$i.log")
		[ "$s" = 0 ] || { echo "bench: floor boot $i ($firmware) ended with status $s" >&2; exit 1; }
		echo "$t" >> "$out/$name.floor"
		read -r t s < <(timed_boot "$sprout_iso" "$firmware" "$out/$name.sprout.$i.log" $'poweroff\n')
		[ "$s" = 0 ] || { echo "bench: Sprout boot $i ($firmware) ended with status $s" >&2; exit 1; }
		echo "$t" >> "$out/$name.sprout"
		ready_ms "$out/$name.sprout.$i.log" >> "$out/$name.ready"
	done
}

# Does a boot with -m $1 MiB reach the prompt with every module of
# etc/modules loaded?  Three boots out of three.
fits_in() {
	local m=$1 i log mod
	for i in 1 2 3; do
		log=$out/ram.$m.$i.log
		printf 'lsmod\npoweroff\n' | tools/run-qemu.sh --iso "$sprout_iso" \
			--mem "$m" --timeout 20 > "$log" 2>&1 || return 1
		grep -q 'Sprout .* ready' "$log" || return 1
		for mod in $(sed 's/#.*//' "$boot_modules" | awk 'NF { print $1 }'); do
			tr -d '\r' < "$log" | grep -q "^$mod " || return 1
		done
	done
}

# The least -m in [1, $mem] that fits_in, by bisection.
min_ram() {
	local lo=1 hi=$mem m
	fits_in "$hi" || { echo null; return; }
	while [ "$lo" -lt "$hi" ]; do
		m=$(((lo + hi) / 2))
		if fits_in "$m"; then hi=$m; else lo=$((m + 1)); fi
	done
	echo "$hi"
}

kib() { echo $((($(stat -c %s "$1") + 1023) / 1024)); }

# Sizes of the kernel's loadable segments in KiB, by permission.
segments() {
	readelf -lW "$kernel" | awk '$1 == "LOAD" {
		f = ""; for (i = 7; i < NF; i++) f = f $i
		print f, $6 }' |
	while read -r flags memsz; do
		echo "$flags $((memsz))"
	done | awk '{ kb[$1] += $2 / 1024 } END {
		for (f in kb) printf "%s %.1f\n", f, kb[f] }' | sort
}

# The value of "bench: KEY = VALUE" in the bench boot's log (first one),
# or in the log LOG.
bench_get() {
	sed -n "s/^\[ *[0-9.]*\] bench: $1 = \([0-9.]*\).*/\1/p" "${2:-$out/inkernel.log}" | head -n 1
}

echo "bench: $runs boots each of the floor and of Sprout under SeaBIOS, alternating" >&2
alternate bios bios "$runs"
read -r floor_med floor_min floor_max < <(stats < "$out/bios.floor")
read -r boot_med boot_min boot_max < <(stats < "$out/bios.sprout")
read -r ready_med ready_min ready_max < <(stats < "$out/bios.ready")
ratio=$(printf '%.3f' "$(echo "scale=4; $boot_med / $floor_med" | bc)")

echo "bench: $uefi_runs boots each under OVMF" >&2
alternate uefi uefi "$uefi_runs"
read -r ufloor_med ufloor_min ufloor_max < <(stats < "$out/uefi.floor")
read -r uboot_med uboot_min uboot_max < <(stats < "$out/uefi.sprout")
uratio=$(printf '%.3f' "$(echo "scale=4; $uboot_med / $ufloor_med" | bc)")

echo "bench: in-kernel benchmarks" >&2
tools/mkiso.sh "$bench_kernel" "$out/bench.iso" "$cmdline bench" "$initrd" \
	"$BUILD/modules/bigreloc.ko"
tools/run-qemu.sh --iso "$out/bench.iso" --mem "$mem" --timeout 300 < /dev/null |
	tr -d '\r' > "$out/inkernel.log"
grep -q 'bench: done' "$out/inkernel.log" ||
	{ echo "bench: the in-kernel benchmarks did not finish" >&2; exit 1; }
tsc_line=$(sed -n 's/^\[ *[0-9.]*\] \(tsc: .*\)/\1/p' "$out/inkernel.log" | head -n 1)

# The benchmark modules of tests/bench/linux/, in its Kbuild's order.
linux_modules() {
	sed -n 's/^obj-m += \([a-z_]*\)\.o$/\1/p' tests/bench/linux/Kbuild
}

# The costs of threads and of deferred work: the benchmark modules built
# against this kernel as Kbuild builds out-of-tree modules (in a copy,
# since it writes next to the sources), packed into an initrd of their own
# and loaded by insmod at the bench build's prompt, one after the other,
# after boot (their sleeps and timers would otherwise be counted in the
# boot's figures).  QEMU gets a second serial port, COM2, whose interrupt
# bench_defer's irq_us times.  Each module's figures, "KEY VALUE", go to
# $out/NAME.figures; when they do not build or run, the files stay empty
# and make bench says why and goes on.
bench_modules() {
	local src=$out/linux_modules cpio=$out/modules.cpio log=$out/modules.log m
	for m in $(linux_modules); do
		: > "$out/$m.figures"
	done
	rm -rf "$src" && mkdir -p "$src"
	cp tests/bench/linux/Kbuild tests/bench/linux/*.c "$src"
	# bench_fs walks /bench/a/b/c/d, five components.
	rm -rf "$out/bench_tree" && mkdir -p "$out/bench_tree/bench/a/b/c/d"
	make -C . BUILD="$BUILD" M="$src" INITRD="$cpio" INITRD_EXTRA="$out/bench_tree" \
		"$cpio" > "$out/modules.build.log" 2>&1 ||
		{ echo "bench: the benchmark modules did not build (see $out/modules.build.log)" >&2; return 0; }
	tools/mkiso.sh "$bench_kernel" "$out/modules.iso" "$cmdline" "$cpio"
	{ printf 'insmod %s\n' $(linux_modules); printf 'poweroff\n'; } |
		tools/run-qemu.sh --iso "$out/modules.iso" --mem "$mem" --timeout 120 \
			-- -serial null > "$log" 2>&1 ||
		{ echo "bench: the benchmark modules' boot failed (see $log)" >&2; return 0; }
	for m in $(linux_modules); do
		tools/bench-figures.sh "$m" "$log" > "$out/$m.figures" || : > "$out/$m.figures"
	done
}
echo "bench: the benchmark modules of tests/bench/linux/" >&2
bench_modules

# counted_boot LOG QEMU-ARGS...: boot Sprout to "poweroff" with those QEMU
# options, its console in LOG; stop make bench if it fails.
counted_boot() {
	local log=$1
	shift
	printf 'poweroff\n' | tools/run-qemu.sh --iso "$sprout_iso" --mem "$mem" \
		--timeout 60 -- "$@" > "$log" 2>&1 ||
		{ echo "bench: the boot with $* failed" >&2; exit 1; }
}

# Translation, the largest part of the kernel's time under emulation: the
# distinct blocks of higher-half code (the kernel's and the modules') that
# QEMU translated in a boot from entry to poweroff, and their instructions
# (-d in_asm logs each block once, when it is translated).  Unlike the
# times, these counts do not depend on the host.
echo "bench: blocks of kernel code translated" >&2
counted_boot /dev/null -d in_asm -D "$out/in_asm.log"
read -r blocks insns < <(awk '
	# "0xffffffff80100000:" and up: 16 hex digits, from 0xffffffff8.
	function higher_half(a) {
		return length(a) == 19 && substr(a, 1, 10) == "0xffffffff" &&
			substr(a, 11, 1) ~ /[89a-f]/
	}
	/^IN:/ { first = 1; next }
	/^0x[0-9a-f]+:/ {
		if (first) { kernel = higher_half($1); blocks += kernel }
		insns += kernel
		first = 0
	}
	END { print blocks + 0, insns + 0 }' "$out/in_asm.log")
rm -f "$out/in_asm.log"

# Execution, the rest of the kernel's own work: the instructions it ran from
# entry to the prompt.  Under -icount shift=0 the guest's clock advances one
# nanosecond per instruction (sleep=off: never waiting for the host), the
# kernel calibrates its TSC at 1000 MHz, and its ready stamp in ns counts
# the instructions, to the thousand (the stamp is in microseconds).
echo "bench: instructions the kernel ran" >&2
counted_boot "$out/icount.log" -icount shift=0,sleep=off
ran=$(ready_ms "$out/icount.log" | awk '{ printf "%d", $1 * 1000000 + 0.5 }')
[ -n "$ran" ] || { echo "bench: no ready line in the -icount boot" >&2; exit 1; }

# The debug kernel (make DEBUG=1, every checker of config.mk on, in
# $BUILD/debug): its instructions to the prompt and hello's load time,
# measured as the normal kernel's above, so that what the checkers cost
# stands beside what they catch.
echo "bench: the debug kernel's instructions and hello's load" >&2
debug=$BUILD/debug
printf 'poweroff\n' | tools/run-qemu.sh --iso "$debug/sprout.iso" --mem "$mem" \
	--timeout 120 -- -icount shift=0,sleep=off > "$out/debug_icount.log" 2>&1 ||
	{ echo "bench: the debug kernel's -icount boot failed" >&2; exit 1; }
debug_ran=$(ready_ms "$out/debug_icount.log" | awk '{ printf "%d", $1 * 1000000 + 0.5 }')
[ -n "$debug_ran" ] || { echo "bench: no ready line in the debug kernel's -icount boot" >&2; exit 1; }
tools/mkiso.sh "$debug/bench/sprout.elf" "$out/debug_bench.iso" "$cmdline bench" \
	"$debug/initrd.cpio" "$debug/modules/bigreloc.ko"
tools/run-qemu.sh --iso "$out/debug_bench.iso" --mem "$mem" --timeout 600 < /dev/null |
	tr -d '\r' > "$out/debug_inkernel.log"
grep -q 'bench: done' "$out/debug_inkernel.log" ||
	{ echo "bench: the debug kernel's in-kernel benchmarks did not finish" >&2; exit 1; }
debug_hello_ns=$(bench_get hello_load_ns "$out/debug_inkernel.log")

# idle_cpu_pct: the host CPU QEMU uses while Sprout waits at its prompt,
# in percent of one host core over IDLE_SECONDS: its utime + stime from
# /proc/PID/stat (in clock ticks) before and after.  A shell that polled
# for input would keep a core busy; one asleep costs the timer ticks.
idle_seconds=5
idle_feed() {
	local log=$1 pidfile=$2 pid t0 t1 c0 c1 i
	for i in $(seq 600); do
		grep -q 'sprout# ' "$log" 2> /dev/null && [ -s "$pidfile" ] && break
		sleep 0.1
	done
	pid=$(cat "$pidfile")
	sleep 1 # the boot's last output settles
	t0=$EPOCHREALTIME c0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	sleep "$idle_seconds"
	t1=$EPOCHREALTIME c1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	echo "scale=2; 100 * ($c1 - $c0) / $(getconf CLK_TCK) / ($t1 - $t0)" |
		bc | sed 's/^\./0./' > "$out/idle_cpu_pct"
	printf 'poweroff\n'
}
echo "bench: host CPU at the idle prompt, $idle_seconds s" >&2
rm -f "$out/idle.pid" "$out/idle.log" "$out/idle_cpu_pct"
idle_feed "$out/idle.log" "$out/idle.pid" | tools/run-qemu.sh --iso "$sprout_iso" \
	--mem "$mem" --timeout 60 -- -pidfile "$out/idle.pid" > "$out/idle.log" 2>&1 ||
	{ echo "bench: the idle boot failed" >&2; exit 1; }
idle_pct=$(cat "$out/idle_cpu_pct")

echo "bench: least RAM, by bisection" >&2
ram=$(min_ram)

suite=null
[ -s "$BUILD/tests/suite_seconds" ] && suite=$(cat "$BUILD/tests/suite_seconds")

us_to_ms() { echo "scale=3; ${1:-0} / 1000" | bc | sed 's/^\./0./'; }
ns_to_us() { echo "scale=1; ${1:-0} / 1000" | bc | sed 's/^\./0./'; }
slowest=$(sed -n 's/^\[ *[0-9.]*\] bench: initcall_us = \([0-9]*\) (\(.*\))$/\1 \2/p' "$out/inkernel.log" |
	awk '{ n = $2; sub(/\+0x.*/, "", n); printf "%s{\"name\": \"%s\", \"level\": \"%s\", \"ms\": %.3f}", sep, n, $4, $1 / 1000; sep = ", " }')
modules_us=$(sed -n 's/^\[ *[0-9.]*\] bench: initcall_us = \([0-9]*\) (load_boot_modules+.*/\1/p' "$out/inkernel.log")
segs=$(segments | awk '{ printf "%s\"%s\": %s", sep, $1, $2; sep = ", " }')
image_total=$(segments | awk '{ s += $2 } END { printf "%.1f", s }')
guest_clock="guest TSC; $tsc_line"
host_clock="host wall clock (bash EPOCHREALTIME) around QEMU"

# A benchmark module's figures as a JSON object, or null when there are none.
module_json() {
	[ -s "$out/$1.figures" ] || { echo null; return; }
	awk '{ printf "%s\"%s\": %s", (NR > 1 ? ", " : "{"), $1, $2 } END { print "}" }' \
		"$out/$1.figures"
}

cat > "$json" <<EOF
{
  "machine": "$(uname -m), $(nproc) CPUs, $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -n 1)",
  "qemu": "$(qemu-system-x86_64 --version | head -n 1)",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "runs": $runs,
  "floor_wall_s": {"median": $floor_med, "min": $floor_min, "max": $floor_max, "clock": "$host_clock"},
  "boot_wall_s": {"median": $boot_med, "min": $boot_min, "max": $boot_max, "clock": "$host_clock", "what": "QEMU start to the shell prompt and poweroff"},
  "boot_over_floor": $ratio,
  "uefi_floor_wall_s": {"median": $ufloor_med, "min": $ufloor_min, "max": $ufloor_max, "runs": $uefi_runs, "clock": "$host_clock"},
  "uefi_boot_wall_s": {"median": $uboot_med, "min": $uboot_min, "max": $uboot_max, "runs": $uefi_runs, "clock": "$host_clock"},
  "uefi_boot_over_floor": $uratio,
  "kernel_ms": {
    "median": $ready_med, "min": $ready_min, "max": $ready_max,
    "what": "kernel entry to the ready line and prompt, over the BIOS boots",
    "early": $(us_to_ms "$(bench_get kernel_early_us)"),
    "memory": $(us_to_ms "$(bench_get kernel_memory_us)"),
    "traps": $(us_to_ms "$(bench_get kernel_traps_us)"),
    "initcalls": $(us_to_ms "$(bench_get kernel_initcalls_us)"),
    "boot_modules": $(us_to_ms "$modules_us"),
    "irq": $(us_to_ms "$(bench_get kernel_irq_us)"),
    "free_initmem": $(us_to_ms "$(bench_get kernel_free_initmem_us)"),
    "mm_audit": $(us_to_ms "$(bench_get kernel_mm_audit_us)"),
    "ready": $(us_to_ms "$(bench_get kernel_ready_us)"),
    "total_bench_boot": $(us_to_ms "$(bench_get kernel_us)"),
    "slowest_initcalls": [$slowest],
    "clock": "$guest_clock"
  },
  "kernel_blocks": {"blocks": $blocks, "instructions": $insns, "what": "distinct blocks of kernel and module code QEMU translated, kernel entry to poweroff (-d in_asm)"},
  "console_line_us": {"time": $(ns_to_us "$(bench_get console_line_ns)"), "what": "one 66-byte log line through the serial and screen consoles", "clock": "$guest_clock"},
  "idle_cpu_pct": {"value": $idle_pct, "seconds": $idle_seconds, "what": "host CPU of the QEMU process while the shell waits at its prompt, percent of one core (utime+stime from /proc/PID/stat)"},
  "kernel_insns": {"instructions": $ran, "what": "instructions the kernel ran from entry to the ready line, to the thousand (its time stamp under -icount shift=0)"},
  "debug_insns_to_prompt": {"instructions": $debug_ran, "what": "the same for the debug kernel (make DEBUG=1: every checker on)"},
  "hello_load_us": {
    "total": $(ns_to_us "$(bench_get hello_load_ns)"),
    "read": $(ns_to_us "$(bench_get hello_load_read_ns)"),
    "check": $(ns_to_us "$(bench_get hello_load_check_ns)"),
    "layout": $(ns_to_us "$(bench_get hello_load_layout_ns)"),
    "link": $(ns_to_us "$(bench_get hello_load_link_ns)"),
    "relocate": $(ns_to_us "$(bench_get hello_load_relocate_ns)"),
    "finish": $(ns_to_us "$(bench_get hello_load_finish_ns)"),
    "init": $(ns_to_us "$(bench_get hello_load_init_ns)"),
    "clock": "$guest_clock"
  },
  "hello_unload_us": $(ns_to_us "$(bench_get hello_unload_ns)"),
  "debug_hello_load_us": $(ns_to_us "$debug_hello_ns"),
  "bigreloc_load_us": $(ns_to_us "$(bench_get bigreloc_load_ns)"),
  "reloc_ns": $(bench_get reloc_ns),
  "symbol_lookup_ns": $(bench_get symbol_lookup_ns),
  "module_check_us": {"65000_sections": $(ns_to_us "$(bench_get module_check_65000_sections_ns)"), "8192_sections": $(ns_to_us "$(bench_get module_check_8192_sections_ns)"), "what": "module_elf_check() of a file of one-byte sections: refused by count, or through the overlap check"},
  "kmalloc_ns": {"16": $(bench_get kmalloc_16_ns), "256": $(bench_get kmalloc_256_ns), "4096": $(bench_get kmalloc_4k_ns), "what": "one kmalloc+kfree pair"},
  "frame_ns": $(bench_get frame_ns),
  "unpack_initrd_us": $(bench_get unpack_initrd_us),
  "path_walk_ns": $(bench_get path_walk_ns),
  "init_freed_kib": $(bench_get init_freed_kib),
  "module_init_freed_kib": $(bench_get module_init_freed_kib),
  "image_kib": {$segs, "total": $image_total},
  "initrd_kib": $(kib "$initrd"),
  "iso_kib": $(kib "$sprout_iso"),
  "min_ram_mib": $ram,
  "bench_sched": $(module_json bench_sched),
  "bench_defer": $(module_json bench_defer),
  "bench_fs": $(module_json bench_fs),
  "bench_vfs": $(module_json bench_vfs),
  "zero_read_mbps": $(bench_get zero_read_mbps),
  "test_suite_s": $suite
}
EOF

row() { printf '%-34s %s\n' "$1" "$2"; }
echo
row "figure" "value"
row "floor, QEMU start to exit (BIOS)" "$floor_med s ($floor_min-$floor_max)"
row "Sprout, start to prompt+poweroff" "$boot_med s ($boot_min-$boot_max)"
row "Sprout over floor" "$ratio x"
row "floor under UEFI" "$ufloor_med s ($ufloor_min-$ufloor_max)"
row "Sprout under UEFI" "$uboot_med s ($uboot_min-$uboot_max)"
row "kernel entry to prompt" "$ready_med ms ($ready_min-$ready_max)"
row "kernel code translated" "$blocks blocks, $insns instructions"
row "instructions to the prompt" "$ran"
row "  the debug kernel's" "$debug_ran ($(echo "scale=2; $debug_ran / $ran" | bc) x)"
row "a 66-byte log line, both consoles" "$(ns_to_us "$(bench_get console_line_ns)") us"
row "hello load / unload" "$(ns_to_us "$(bench_get hello_load_ns)") us / $(ns_to_us "$(bench_get hello_unload_ns)") us"
row "  hello load, the debug kernel" "$(ns_to_us "$debug_hello_ns") us"
row "relocation / export lookup" "$(bench_get reloc_ns) ns / $(bench_get symbol_lookup_ns) ns"
row "check: 65,000 / 8,192 sections" "$(ns_to_us "$(bench_get module_check_65000_sections_ns)") us / $(ns_to_us "$(bench_get module_check_8192_sections_ns)") us"
row "kmalloc+kfree 16 B / frame" "$(bench_get kmalloc_16_ns) ns / $(bench_get frame_ns) ns"
row "initrd unpacked / 5-name walk" "$(bench_get unpack_initrd_us) us / $(bench_get path_walk_ns) ns"
row "init freed: kernel / modules" "$(bench_get init_freed_kib) KiB / $(bench_get module_init_freed_kib) KiB"
row "image / initrd / ISO" "$image_total KiB / $(kib "$initrd") KiB / $(kib "$sprout_iso") KiB"
row "host CPU at the idle prompt" "$idle_pct % of a core"
row "least RAM, all modules" "$ram MiB"
row "test suite (last make test)" "$suite s"
row "guest clock" "$tsc_line"
echo

# The modules' figures, with Linux's beside them once make bench-linux has
# written its file (a line a module, "bench_sched": {"KEY": VALUE, ...}).
linux_json=$BUILD/bench-linux.json
linux_kernel=
[ -f "$linux_json" ] && linux_kernel=$(sed -n 's/^  "kernel": "Linux \([^,]*\).*/\1/p' "$linux_json")
# module_row MODULE KEY UNIT WHAT: one figure of MODULE, Sprout's and Linux's.
module_row() {
	local mod=$1 key=$2 unit=$3 what=$4 sprout linux=
	sprout=$(awk -v k="$key" '$1 == k { print $2 " " }' "$out/$mod.figures")
	[ -n "$linux_kernel" ] &&
		linux=$(sed -n "s/^  \"$mod\": .*\"$key\": \(-\{0,1\}[0-9.]*\).*/\1 $unit/p" "$linux_json")
	printf '%-34s %-12s %s\n' "$what" "${sprout:-?}${sprout:+$unit}" "$linux" | sed 's/ *$//'
}
module_head() {
	printf '%-34s %-12s %s\n' "$1" "Sprout" "${linux_kernel:+Linux $linux_kernel}" |
		sed 's/ *$//'
}
module_head "threads (bench_sched)"
module_row bench_sched switch_ns ns "kthread switch, one way"
module_row bench_sched wake_ns ns "complete() to the waiter running"
module_row bench_sched msleep10_us us "msleep(10), its real length"
module_row bench_sched timer_late_us us "timer_list callback, late by"
module_row bench_sched mutex_ns ns "mutex lock+unlock, uncontended"
module_row bench_sched spinlock_ns ns "spinlock lock+unlock, uncontended"
echo
module_head "deferred work (bench_defer)"
module_row bench_defer work_us us "schedule_work() to its function"
module_row bench_defer tasklet_us us "a timer's tasklet_schedule() to it"
module_row bench_defer irq_us us "COM2's IRQ to its threaded handler"
echo
module_head "files (bench_fs)"
module_row bench_fs path_walk_ns ns "kern_path, five components"
module_head "files in /proc (bench_vfs)"
module_row bench_vfs vfs_open_ns ns "open+close of /proc/version"
module_row bench_vfs proc_meminfo_us us "cat /proc/meminfo: open, read, close"
# /dev/zero read in 4 KiB blocks: Sprout's in-kernel bench, Linux's /init.
module_head "character devices"
linux=
[ -n "$linux_kernel" ] &&
	linux=$(sed -n 's/^  "bench_user": .*"zero_read_mbps": \([0-9]*\).*/\1 MB\/s/p' "$linux_json")
zero=$(bench_get zero_read_mbps)
printf '%-34s %-12s %s\n' "/dev/zero read, 4 KiB blocks" "${zero:-?} MB/s" "$linux" |
	sed 's/ *$//'
echo
echo "bench: figures in $json" >&2
