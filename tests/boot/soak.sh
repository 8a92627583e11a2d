# The module loader soaked: 10,000 insmod/rmmod cycles in one boot over
# the sample modules (an exporter and its user among them), counters
# checked every 1,000 cycles (tests/kernel/soak_test.c).
source "$(dirname "$0")/lib.sh"

TIMEOUT=${SOAK_TIMEOUT:-240} BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= \
	boot ktest 'ktest=soak'
ktap_results
expect '# ktest: 1 suites, 0 failed cases' 'every cycle loads and unloads, counters unchanged'
expect '# soak: 10000 insmod/rmmod cycles in [0-9]+ ms: [0-9]+ cycles/s; counters checked 10 times' 'the rate is shown, the counters were checked every 1,000 cycles'
expect '# soak: end: frames free [0-9]+' 'the final counters are shown'
# The same numbers at the start and at the end, read from the log.
start=$(grep -o 'soak: start: .*' "$log" | cut -d: -f3-)
end=$(grep -o 'soak: end: .*' "$log" | cut -d: -f3-)
if [ -n "$start" ] && [ "$start" = "$end" ]; then
	tap ok "the final counters equal the starting ones:$end"
else
	tap fail "the final counters equal the starting ones (start:$start, end:$end)"
fi
expect_status 0 'QEMU exit status reports success'
