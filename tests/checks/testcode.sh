# Test code stays out of the production image: build/sprout.elf from make
# holds no symbol of the in-kernel test suites, their runner or the crash
# points (tests/kernel/), while the test build that make test boots,
# build/test/sprout.elf, holds them all.
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/testcode
mkdir -p "$dir"
# Every symbol the test objects define, static ones included, but not
# those of sections no image keeps (.modinfo, .exit.*: see linker.ld).
for o in $(cat "$BUILD/modpost.test-objs"); do
	objdump -t "$o"
done | awk '$2 ~ /^[lg]/ && $NF != $(NF - 2) && $(NF - 2) !~ /^(\.modinfo|\.exit|\*UND\*|\*ABS\*)/ {
	print $NF }' | sort -u > "$dir/test.syms"
nm "$KERNEL" | awk '{ print $NF }' | sort -u > "$dir/production.syms"
nm "$TEST_KERNEL" | awk '{ print $NF }' | sort -u > "$dir/testbuild.syms"

log=$dir/production.log
comm -12 "$dir/test.syms" "$dir/production.syms" > "$log"
n=$(wc -l < "$dir/test.syms")
if [ "$n" -gt 0 ] && [ ! -s "$log" ]; then
	tap ok "the production image has none of the $n test and crash-point symbols"
else
	tap fail "the production image has none of the $n test and crash-point symbols"
fi
log=$dir/production.nm
nm "$KERNEL" > "$log"
expect_not ' (ktest_|crash_|__ktest_)' 'no ktest or crash symbol in nm of the production image'

log=$dir/testbuild.log
comm -23 "$dir/test.syms" "$dir/testbuild.syms" > "$log"
if [ "$n" -gt 0 ] && [ ! -s "$log" ]; then
	tap ok 'the test build has every one of them'
else
	tap fail 'the test build has every one of them'
fi
