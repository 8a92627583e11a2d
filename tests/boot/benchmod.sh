# The thread benchmark module of make bench (tests/bench/linux/bench_sched.c,
# written against Linux's API alone) builds out of tree against Sprout as
# Kbuild builds it, loads, runs every measurement to its end and unloads:
# what make bench relies on, checked without timing anything.
source "$(dirname "$0")/lib.sh"

src=$out/benchmod
cpio=$out/benchmod.cpio
rm -rf "$src" && mkdir -p "$src"
cp tests/bench/linux/Kbuild tests/bench/linux/bench_sched.c "$src"
log=$out/benchmod.build.log
make -C . BUILD="$BUILD" M="$src" INITRD="$cpio" "$cpio" > "$log" 2>&1 &&
	[ -f "$src/bench_sched.ko" ]
tap_status 'bench_sched builds out of tree against Sprout from its Linux source'

INITRD=$cpio boot load '' < <(printf '%s\n' 'insmod bench_sched' 'rmmod bench_sched' 'lsmod' 'poweroff')
expect_status 0 'the kernel powers off after the benchmarks'
figures=$out/benchmod.figures
tools/bench-figures.sh bench_sched "$log" > "$figures" 2> "$figures.err"
tap_status 'bench_sched prints its figures and "done"'
for key in switch_ns wake_ns msleep10_us timer_late_us mutex_ns spinlock_ns; do
	grep -Eq "^$key -?[0-9]+$" "$figures"
	tap_status "bench_sched measures $key"
done
expect_not '^bench_sched ' 'rmmod bench_sched unloads it (lsmod no longer lists it)'
