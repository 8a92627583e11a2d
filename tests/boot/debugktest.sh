# The in-kernel suites (tests/kernel) under the debug kernel (make DEBUG=1:
# every checker of config.mk on), as tests/boot/ktest.sh runs them under
# the normal one: every suite passes and no checker reports anything.  Two
# boots side by side, the soak alone in one (10,000 loads take longest),
# all the other suites but faults in the other (tests/boot/debugfaults.sh
# runs that one under this kernel).  The debug build is the one make test
# builds for tests/boot/ubsan.sh (tests/build.mk, test-debug).
source "$(dirname "$0")/lib.sh"

dbg=$BUILD/debug

# ktest_boot NAME CMDLINE: boot the debug test kernel with the debug
# modules as GRUB boot modules (no initrd: its etc/modules would load
# modules the loader's suite loads itself); the status into a file, as
# the boot runs in a subshell of its own.
ktest_boot() {
	TEST_KERNEL=$dbg/test/sprout.elf TIMEOUT=${KTEST_TIMEOUT:-600} \
		BOOT_FILES=$(ls "$dbg"/modules/*.ko) INITRD= boot "$1" "$2"
	echo "$status" > "$out/$test_name.$1.status"
}
ktest_boot suites 'ktest=-soak,-faults' &
ktest_boot soak 'ktest=soak' &
wait

log=$out/$test_name.suites.log status=$(cat "$out/$test_name.suites.status")
ktap_results
expect '^\[ *[0-9.]+\] # ktest: [0-9]+ suites, 0 failed cases' 'every in-kernel suite but soak and faults passes under the debug kernel'
expect_not '\(initrd or GRUB\): skipped' 'no suite went without the module files'
expect_no_reports 'the suites run with no checker'"'"'s report but those they provoke and check' \
	"^(\[ *[0-9.]+\] )?($ktest_provoked)"
expect_lines 'slab debugging reports the double frees the suites make, each from the suite that makes it' \
	'^BUG kmalloc-128 .*: Object already free$' ' bad_frees_are_reported\+' \
	'^BUG t_a .*: Object already free$' ' bad_frees_and_destroy\+'
expect_status 0 'QEMU exit status reports success'

log=$out/$test_name.soak.log status=$(cat "$out/$test_name.soak.status")
ktap_results
expect '^\[ *[0-9.]+\] ok [0-9]+ soak$' 'soak under the debug kernel: every cycle loads and unloads, counters unchanged'
start=$(grep -o 'soak: start: .*' "$log" | cut -d: -f3-)
end=$(grep -o 'soak: end: .*' "$log" | cut -d: -f3-)
if [ -n "$start" ] && [ "$start" = "$end" ]; then
	tap ok "soak under the debug kernel: the final counters equal the starting ones:$end"
else
	tap fail "soak under the debug kernel: the final counters equal the starting ones (start:$start, end:$end)"
fi
expect_no_reports 'the soak runs with no checker'"'"'s report'
expect_status 0 'QEMU exit status reports success'
