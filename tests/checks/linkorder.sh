# Link order is layer order (kernel/build.mk): within an initcall level,
# and in every linker-section table, a lower layer's entries come before a
# higher one's.  The objects of the kernel and of the test build, as they
# are linked, must go up the layers of docs/architecture.md ("Layers"),
# bottom first, after kernel/main.c, which alone is linked first and so
# must register nothing whose order could change.
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/linkorder
rm -rf "$dir"
mkdir -p "$dir"
objs="$(cat "$BUILD/modpost.objs") $(cat "$BUILD/modpost.test-objs" 2>/dev/null)"

# check_order FILE: FILE holds "name layer" lines in link order; print the
# first object linked after one of a higher layer, and fail if there is one.
check_order() {
	awk 'NR == 1 && $1 == "kernel/main.c" { next }
		$2 < 0 { printf "linkorder: %s is in no layer\n", $1; exit 1 }
		$2 < top {
			printf "linkorder: %s (layer %d) is linked after %s (layer %d)\n",
				$1, $2, topname, top
			exit 1
		}
		{ top = $2; topname = $1 }' "$1"
}

log=$dir/layers.log
tools/layers.sh -l -s "$BUILD" $objs > "$dir/order" 2> "$log"
[ "$(head -n 1 "$dir/order" | cut -d' ' -f1)" = kernel/main.c ]
tap_status 'kernel/main.c is linked first'
check_order "$dir/order" >> "$log"
tap_status 'every other object is linked after those of lower layers'

# main.o's place changes no order only while it puts nothing in an ordered
# section: initcalls, __setup()/early_param(), parameters, shell commands,
# benchmarks, test suites.
log=$dir/main.log
objdump -h "$BUILD/kernel/main.o" > "$log"
! grep -Eq ' (\.initcall|\.init\.setup|__param|\.shell_cmds|\.bench|\.ktest)' "$log"
tap_status 'kernel/main.c registers nothing in an ordered section'

# The check can fail: a driver linked before the memory manager.
log=$dir/swapped.log
grep -v '^drivers/serial.c ' "$dir/order" |
	awk '/^mm\// && !done { print "drivers/serial.c 17"; done = 1 } { print }' \
	> "$dir/swapped"
check_order "$dir/swapped" > "$log"
rc=$?
[ "$rc" = 1 ] && tap ok 'an object linked before a lower layer fails the check' ||
	tap fail "an object linked before a lower layer fails the check (status $rc)"
expect '^linkorder: mm/bitmap\.c \(layer 8\) is linked after drivers/serial\.c \(layer 17\)$' \
	'the report names the object, the one before it and both layers'
