# The benchmark modules of make bench (tests/bench/linux/, written against
# Linux's API alone) build out of tree against Sprout as Kbuild builds
# them, load, run every measurement to its end and unload: what make bench
# relies on, checked without timing anything.  bench_defer's irq_us needs
# COM2 (QEMU's second -serial); without it the module says so and gives
# the other figures.
source "$(dirname "$0")/lib.sh"

src=$out/benchmod
cpio=$out/benchmod.cpio
rm -rf "$src" && mkdir -p "$src"
cp tests/bench/linux/Kbuild tests/bench/linux/*.c "$src"
make -C . BUILD="$BUILD" M="$src" INITRD="$cpio" "$cpio" > "$out/benchmod.build.log" 2>&1 &&
	[ -f "$src/bench_sched.ko" ] && [ -f "$src/bench_defer.ko" ] && [ -f "$src/bench_vfs.ko" ]
tap_status 'bench_sched, bench_defer and bench_vfs build out of tree against Sprout from their Linux source'

# figures_of MODULE KEY...: the module printed its figures and "done", a
# number for each KEY.
figures_of() {
	local mod=$1 key figures=$out/benchmod.$1.figures
	shift
	tools/bench-figures.sh "$mod" "$log" > "$figures" 2> "$figures.err"
	tap_status "$mod prints its figures and \"done\""
	for key in "$@"; do
		grep -Eq "^$key -?[0-9]+(\.[0-9]+)?$" "$figures"
		tap_status "$mod measures $key"
	done
}

INITRD=$cpio boot load '' -- -serial null < <(printf '%s\n' 'insmod bench_sched' \
	'rmmod bench_sched' 'insmod bench_defer' 'rmmod bench_defer' \
	'insmod bench_vfs' 'rmmod bench_vfs' 'lsmod' 'poweroff')
expect_status 0 'the kernel powers off after the benchmarks'
figures_of bench_sched switch_ns wake_ns msleep10_us timer_late_us mutex_ns spinlock_ns
figures_of bench_defer work_us tasklet_us irq_us
figures_of bench_vfs vfs_open_ns proc_meminfo_us
expect_not '^bench_sched ' 'rmmod bench_sched unloads it (lsmod no longer lists it)'
expect_not '^bench_defer ' 'rmmod bench_defer unloads it: no work item, tasklet, timer or IRQ handler outlived it'
expect_not '^bench_vfs ' 'rmmod bench_vfs unloads it'

# No COM2: irq_us cannot be measured, and the module says why.
INITRD=$cpio boot nocom2 '' < <(printf '%s\n' 'insmod bench_defer' 'rmmod bench_defer' 'lsmod' 'poweroff')
expect 'bench_defer: no 16550 UART at COM2 \(0x2f8\): irq_us needs a second serial port' \
	'without COM2, bench_defer says irq_us needs a second serial port'
figures_of bench_defer work_us tasklet_us
expect_not 'bench_defer: irq_us' 'without COM2, bench_defer reports no irq_us'
expect_not '^bench_defer ' 'without COM2, rmmod bench_defer still unloads it'
