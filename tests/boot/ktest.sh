# The in-kernel test suites (KTAP), run with "ktest" on the command line;
# QEMU's exit status says whether all passed.  The soak suite's
# figures are checked here too, on the same boot, rather than on a boot of
# its own that would run it a second time (25 s of the 30).
source "$(dirname "$0")/lib.sh"

# The module files as GRUB boot modules, no initrd: the default one's
# etc/modules would load modules the loader's suite loads itself.
TIMEOUT=${KTEST_TIMEOUT:-240} BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= boot all 'ktest'
ktap_results
expect '^\[ *[0-9.]+\] # ktest: [0-9]+ suites, 0 failed cases' 'every in-kernel suite passes'
expect_no_reports 'no report but those the suites provoke and check' \
	"^(\[ *[0-9.]+\] )?($ktest_provoked)"
expect_status 0 'QEMU exit status reports success'

# The module loader soaked: 10,000 insmod/rmmod cycles in one boot over
# the sample modules (an exporter and its user among them), counters
# checked every 1,000 cycles (tests/kernel/soak_test.c).
expect '^\[ *[0-9.]+\] ok [0-9]+ soak$' 'soak: every cycle loads and unloads, counters unchanged'
expect '# soak: 10000 insmod/rmmod cycles in [0-9]+ ms: [0-9]+ cycles/s; counters checked 10 times' 'soak: the rate is shown, the counters were checked every 1,000 cycles'
expect '# soak: end: frames free [0-9]+' 'soak: the final counters are shown'
# The same numbers at the start and at the end, read from the log.
start=$(grep -o 'soak: start: .*' "$log" | cut -d: -f3-)
end=$(grep -o 'soak: end: .*' "$log" | cut -d: -f3-)
if [ -n "$start" ] && [ "$start" = "$end" ]; then
	tap ok "soak: the final counters equal the starting ones:$end"
else
	tap fail "soak: the final counters equal the starting ones (start:$start, end:$end)"
fi
expect_not '\(initrd or GRUB\): skipped' 'no suite went without the module files'
