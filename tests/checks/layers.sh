# Calls go down (docs/architecture.md, "Layers"): tools/layers.sh passes on
# every object of the kernel and the test and bench builds, and fails -- naming the
# caller, the symbol and the file that defines it -- on an object built to
# call a higher layer, on one in a folder the table does not list, and on
# files of one folder that reference each other in a circle.
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/layers
rm -rf "$dir"
mkdir -p "$dir/fixture/mm" "$dir/fixture/newsub"
objs="$(cat "$BUILD/modpost.objs") $(cat "$BUILD/modpost.test-objs" 2>/dev/null) $(cat "$BUILD/modpost.bench-objs" 2>/dev/null)"

log=$dir/kernel.log
if tools/layers.sh -s "$BUILD" $objs > "$log" 2>&1; then
	tap ok 'every reference between kernel objects goes down the layers'
else
	tap fail 'every reference between kernel objects goes down the layers'
fi

CC=${CC:-gcc}
cflags="-std=gnu11 -ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -O2 -nostdinc -isystem $($CC -print-file-name=include) -Iinclude"
log=$dir/build.log
$CC $cflags -c tests/checks/layers/upcall.c -o "$dir/fixture/mm/upcall.o" > "$log" 2>&1 &&
	cp "$dir/fixture/mm/upcall.o" "$dir/fixture/newsub/upcall.o" ||
	{ tap fail 'the upward-call fixture compiles'; exit 0; }

log=$dir/upcall.log
tools/layers.sh -s "$BUILD" -s "$dir/fixture" $objs "$dir/fixture/mm/upcall.o" > "$log" 2>&1
rc=$?
[ "$rc" = 1 ] && tap ok 'an upward call fails the check' ||
	tap fail "an upward call fails the check (status $rc)"
expect '^layers: mm/upcall\.o \(8\. memory\) calls shell_run in kernel/shell/shell\.c \(18\. shell\), a higher layer$' \
	'the report names the caller, the symbol, the callee and both layers'
expect '^layers: 1 reference' 'only that reference is reported'

log=$dir/newsub.log
tools/layers.sh -s "$BUILD" -s "$dir/fixture" $objs "$dir/fixture/newsub/upcall.o" > "$log" 2>&1
rc=$?
[ "$rc" = 1 ] && tap ok 'an object in a folder outside the table fails the check' ||
	tap fail "an object in a folder outside the table fails the check (status $rc)"
expect '^layers: newsub/upcall\.o is in no layer' 'the report names the object to place'

log=$dir/circle.build.log
for f in a b c; do
	$CC $cflags -c tests/checks/layers/circle_$f.c -o "$dir/fixture/mm/circle_$f.o" > "$log" 2>&1 ||
		{ tap fail 'the circle fixture compiles'; exit 0; }
done
log=$dir/circle.log
tools/layers.sh -s "$BUILD" -s "$dir/fixture" $objs "$dir"/fixture/mm/circle_[abc].o > "$log" 2>&1
rc=$?
[ "$rc" = 1 ] && tap ok 'three files of one folder calling each other in a circle fail the check' ||
	tap fail "three files of one folder calling each other in a circle fail the check (status $rc)"
expect '^layers: files of mm/ reference each other in a circle: mm/circle_a\.o calls circle_b_step in mm/circle_b\.o, mm/circle_b\.o calls circle_c_step in mm/circle_c\.o, mm/circle_c\.o calls circle_a_step in mm/circle_a\.o$' \
	'the report names each reference of the circle with its symbol'
expect '^layers: 1 reference' 'only that circle is reported'
