# Test and bench code stay out of the production image: build/sprout.elf
# from make holds no symbol of the in-kernel test suites, their runner or
# the crash points (tests/kernel/), nor of the benchmarks (tests/bench/);
# the test build that make test boots, build/test/sprout.elf, holds every
# test symbol, and the bench build make bench boots, build/bench/sprout.elf,
# every bench symbol.
source "$(dirname "$0")/../boot/lib.sh"

BENCH_KERNEL=${BENCH_KERNEL:-$BUILD/bench/sprout.elf}
dir=$out/testcode
mkdir -p "$dir"
nm "$KERNEL" | awk '{ print $NF }' | sort -u > "$dir/production.syms"

# syms OBJLIST: every symbol the objects listed in OBJLIST define, static
# ones included, but not those of sections no image keeps (.modinfo,
# .exit.*: see linker.ld), nor the compiler's local labels (.L*: ld drops
# those of merged constants).
syms() {
	for o in $(cat "$1"); do
		objdump -t "$o"
	done | awk '$2 ~ /^[lg]/ && $NF != $(NF - 2) && $NF !~ /^\.L/ &&
		$(NF - 2) !~ /^(\.modinfo|\.exit|\*UND\*|\*ABS\*)/ { print $NF }' | sort -u
}

# kept_apart NAME OBJLIST IMAGE WHAT: none of the objects' symbols is in
# the production image, and all of them are in IMAGE, their own build.
kept_apart() {
	local name=$1 objs=$2 image=$3 what=$4 n
	syms "$objs" > "$dir/$name.syms"
	nm "$image" | awk '{ print $NF }' | sort -u > "$dir/$name.build.syms"
	n=$(wc -l < "$dir/$name.syms")
	log=$dir/$name.production.log
	comm -12 "$dir/$name.syms" "$dir/production.syms" > "$log"
	if [ "$n" -gt 0 ] && [ ! -s "$log" ]; then
		tap ok "the production image has none of the $n $what symbols"
	else
		tap fail "the production image has none of the $n $what symbols"
	fi
	log=$dir/$name.build.log
	comm -23 "$dir/$name.syms" "$dir/$name.build.syms" > "$log"
	if [ "$n" -gt 0 ] && [ ! -s "$log" ]; then
		tap ok "the $name build has every one of them"
	else
		tap fail "the $name build has every one of them"
	fi
}

kept_apart test "$BUILD/modpost.test-objs" "$TEST_KERNEL" 'test and crash-point'
kept_apart bench "$BUILD/modpost.bench-objs" "$BENCH_KERNEL" 'benchmark'

log=$dir/production.nm
nm "$KERNEL" > "$log"
expect_not ' (ktest_|crash_|__ktest_)' 'no ktest or crash symbol in nm of the production image'
expect_not ' (bench_|__bench_)' 'no bench symbol in nm of the production image'
