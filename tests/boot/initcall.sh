# Initcalls: every level and _sync variant runs in order (test-only
# initcalls in tests/kernel/initcall_test.c), initcall_debug traces and times
# each call, a failing initcall is logged and boot goes on, and
# initcall_blacklist= skips one.
source "$(dirname "$0")/lib.sh"

levels='pure pure_sync core core_sync postcore postcore_sync arch arch_sync
subsys subsys_sync fs fs_sync rootfs device device_sync late late_sync'

boot debug 'initcall_test initcall_debug initcall_blacklist=initcall_test_blacklisted,rtc_init' \
	< <(printf 'initcalls\npoweroff\n')
expect 'initcall_test: all 17 levels ran in order' 'the test initcalls ran level by level, in order'
# The trace, in the order it was printed, names each test initcall's level.
traced=$(sed -n 's/.*calling  initcall_test_\([a-z_]*\)+0x0\/0x[0-9a-f]* @ \([a-z_]*\)$/\1=\2/p' "$log" |
	grep -v '^fails=\|^blacklisted=' | tr '\n' ' ')
wanted=$(for l in $levels; do printf '%s=%s ' "$l" "$l"; done)
if [ "$traced" = "$wanted" ]; then
	tap ok 'initcall_debug prints "calling  fn @ level" for each, in level order'
else
	tap fail "initcall_debug trace order: got '$traced'"
fi
expect 'initcall initcall_test_core\+0x0/0x[0-9a-f]+ returned 0 after [0-9]+ usecs' \
	'initcall_debug prints each result and duration'
expect 'initcall initcall_test_fails\+0x0/0x[0-9a-f]+ returned -19 after' \
	'a failing initcall is logged with its errno'
expect 'initcall initcall_test_blacklisted\+0x0/0x[0-9a-f]+ blacklisted' \
	'initcall_blacklist= names the skipped initcall'
expect_not 'the blacklisted initcall ran' 'a blacklisted initcall does not run'
expect 'initcall rtc_init\+0x0/0x[0-9a-f]+ blacklisted' 'initcall_blacklist= takes a comma-separated list'
expect_not 'rtc: ' 'the second blacklisted initcall does not run either'
expect 'Sprout [0-9.]+ ready' 'boot goes on after a failing initcall'
expect '^device +-19 +[0-9]+  initcall_test_fails\+0x0/0x[0-9a-f]+ \(-ENODEV\)$' \
	'the initcalls command shows the failure'
expect '^device +skipped +-  initcall_test_blacklisted' \
	'the initcalls command shows the skipped initcall'
expect '^arch +0 +[0-9]+  pic_init\+' 'the initcalls command lists the drivers'
expect_status 0 'poweroff ends the run'

boot quiet 'initcall_test' < <(printf 'poweroff\n')
expect '^\[ *[0-9.]+\] initcall initcall_test_fails\+0x0/0x[0-9a-f]+ returned -19$' \
	'without initcall_debug a failure is still logged with name and errno'
expect_not 'calling  ' 'without initcall_debug no call is traced'
expect 'the blacklisted initcall ran' 'without initcall_blacklist= the initcall runs'
expect 'Sprout [0-9.]+ ready' 'boot goes on'

boot unknown 'initcall_blacklist=' < <(printf 'poweroff\n')
expect 'Malformed kernel command line parameter: initcall_blacklist=' \
	'an empty initcall_blacklist= is rejected by name'

# Without the interrupt controller the IRQ-driven drivers fail cleanly and
# the shell still reads the serial line by polling.
boot nopic 'initcall_blacklist=pic_init' < <(printf 'echo still here\npoweroff\n')
expect 'initcall pic_init\+0x0/0x[0-9a-f]+ blacklisted' 'the PIC driver can be blacklisted'
expect 'initcall pit_init\+0x0/0x[0-9a-f]+ returned -19$' 'the timer reports that no IRQ can reach it'
expect 'initcall kbd_init\+0x0/0x[0-9a-f]+ returned -19$' 'so does the keyboard'
expect 'irq: no interrupt controller; interrupts stay off' 'interrupts stay off, with a reason'
expect '^still here$' 'the shell reads the serial line by polling'
expect_status 0 'poweroff still works'
