# The section-mismatch checker (tools/modpost.c): it fails on fixtures with
# deliberate mismatches and names each referrer and target, lets init code,
# __ref functions and the initcall tables through, and passes on the real
# kernel.  The initcall macros reject a function of the wrong type.
source "$(dirname "$0")/../boot/lib.sh"

modpost=$BUILD/tools/modpost
dir=$out/modpost
mkdir -p "$dir"
CC=${CC:-gcc}
cflags='-std=gnu11 -ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -O2 -Iinclude'
log=$dir/build.log
for f in mismatch_a mismatch_b clean ifunc; do
	$CC $cflags -c tests/checks/modpost/$f.c -o "$dir/$f.o" >> "$log" 2>&1 ||
		{ tap fail "fixture $f.c compiles"; exit 0; }
done

log=$dir/mismatch.log
"$modpost" "$dir/mismatch_a.o" "$dir/mismatch_b.o" > "$log" 2>&1
rc=$?
[ "$rc" = 1 ] && tap ok 'modpost fails on objects with mismatches' ||
	tap fail "modpost fails on objects with mismatches (status $rc)"
expect 'WARNING: .*mismatch_a\.o: section mismatch: foo_probe \(\.text\) references bar_setup \(\.init\.text\)$' \
	'a call into another object'"'"'s __init code is named'
expect 'section mismatch: foo_local \(\.text(\.unlikely)?\) references local_setup \(\.init\.text\)$' \
	'a call to a static __init function is named'
expect 'section mismatch: foo_pointer \(\.data\) references bar_table \(\.init\.data\)$' \
	'data pointing at __initdata is named'
expect_not 'foo_init|foo_boot_only|__initcall' 'init code, __ref and the initcall table are allowed'
expect '^modpost: 3 section mismatches' 'the count is reported'

log=$dir/ifunc.log
"$modpost" "$dir/ifunc.o" > "$log" 2>&1
rc=$?
[ "$rc" = 1 ] && tap ok 'modpost fails on an object with an indirect function' ||
	tap fail "modpost fails on an object with an indirect function (status $rc)"
expect 'ERROR: .*ifunc\.o: answer is an indirect function \(STT_GNU_IFUNC\)' \
	'the indirect function is named'

log=$dir/clean.log
if "$modpost" "$dir/clean.o" > "$log" 2>&1; then
	tap ok 'modpost passes an object without mismatches'
else
	tap fail 'modpost passes an object without mismatches'
fi

log=$dir/kernel.log
if [ -s "$BUILD/modpost.objs" ] && "$modpost" $(cat "$BUILD/modpost.objs") > "$log" 2>&1; then
	tap ok 'modpost passes on every object of the real kernel'
else
	tap fail 'modpost passes on every object of the real kernel'
fi

log=$dir/notelf.log
"$modpost" tests/checks/modpost/clean.c > "$log" 2>&1
rc=$?
[ "$rc" = 2 ] && tap ok 'a file that is not ELF is rejected' || tap fail "non-ELF input (status $rc)"
expect 'modpost: tests/checks/modpost/clean.c: not an ELF file' 'the rejection names the file and why'

log=$dir/type.log
if $CC $cflags -c tests/checks/modpost/initcall_type.c -o "$dir/initcall_type.o" > "$log" 2>&1; then
	tap fail 'an initcall of the wrong type does not compile'
else
	tap ok 'an initcall of the wrong type does not compile'
fi
expect 'initcall wrong_type_init must be declared as int\(void\)' \
	'the compiler error names the function'
