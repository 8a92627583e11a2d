# Fault injection: every sample module loaded while the N-th kmalloc,
# frame or module-area allocation of its load fails, for every N, and with
# seeded random failures; each attempt loads or fails with -ENOMEM and a
# message, and the counters stay as they were (tests/kernel/fault_test.c).
# Then the command-line switches themselves, from the shell.
source "$(dirname "$0")/lib.sh"

TIMEOUT=${FAULTS_TIMEOUT:-240} BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= \
	boot ktest 'ktest=faults'
ktap_results
expect '# ktest: 1 suites, 0 failed cases' 'every load under injected failure is clean'
expect '# hello: [1-9][0-9]* kmalloc, [1-9][0-9]* frame, [1-9][0-9]* module-area allocations, each failed once' 'the counts of allocations per load are shown'
expect '# bigreloc: [1-9]' 'the largest module is tried too'
expect '# [0-9]+ loads, [1-9][0-9]* loaded, [1-9][0-9]* failures injected' 'seeded random failures: some loads fail, some go through'
expect_not 'skipped' 'the cases ran with the module files'
expect_status 0 'QEMU exit status reports success'

# The switches on the command line, tried from the shell.
use_bare_initrd
boot cmdline 'loglevel=7 fail_modarea=1,100,0,1,loader' < <(printf '%s\n' \
	'insmod hello' 'insmod hello' 'lsmod' 'poweroff')
expect 'fault injection: module area allocations: interval 1, probability 100%, space 0, times 1, only while loading modules' 'fail_modarea= is taken as Linux'"'"'s interval,probability,space,times'
expect 'FAULT_INJECTION: forcing a failure of module area allocation #1 \([0-9]+ bytes\) from [a-z_]+' 'the forced failure is logged with its caller'
expect '^insmod: ERROR: could not insert module hello\.ko: Cannot allocate memory$' 'the first insmod fails with -ENOMEM'
expect 'hello: Hello, world' 'times=1: the second one loads'
expect '^hello ' 'and lsmod lists it'
expect_status 0 'the session ends in a clean poweroff'

# One kmalloc in 200 and one frame in 200 (1% of every second, 5% of
# every tenth): modprobe importer makes some 140 kmallocs and 30 frame
# allocations (the debug kernel more), so about half the attempts go
# through; of twelve, some fail and some load, whatever the seed's draws.
boot random 'loglevel=7 failslab=2,1,0,-1,loader fail_page_alloc=10,5,0,-1,loader fail_seed=12345' \
	< <(for i in $(seq 12); do printf '%s\n' 'modprobe importer' 'insmod params' \
		'rmmod importer' 'rmmod exporter' 'rmmod params'; done; printf '%s\n' 'lsmod' 'meminfo' 'poweroff')
expect 'FAULT_INJECTION: forcing a failure of kmalloc allocation' 'failslab= with a probability fails some kmallocs'
expect 'Cannot allocate memory' 'and the shell reports them'
expect 'importer: exporter_add' 'while other loads go through'
expect_not 'Oops|panic|BUG' 'the kernel never crashes'
expect_status 0 'the session ends in a clean poweroff'

boot malformed 'loglevel=7 failslab=1,101,0,1 fail_page_alloc=x fail_seed=0' < <(printf '%s\n' 'poweroff')
expect 'Malformed kernel command line parameter: failslab=1,101,0,1' 'a probability above 100 is refused'
expect 'Malformed kernel command line parameter: fail_page_alloc=x' 'so is a value that is not four numbers'
expect 'Malformed kernel command line parameter: fail_seed=0' 'and a zero seed'
expect_not 'FAULT_INJECTION' 'nothing is failed then'
