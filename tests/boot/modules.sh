# Loadable modules in the running kernel: the in-kernel loader tests with
# the sample .ko files given to GRUB, then insmod/lsmod/rmmod/modinfo from
# the shell, module_blacklist=, and an oops in module code that touches
# freed module init memory.
source "$(dirname "$0")/lib.sh"

BOOT_FILES=$(ls "$BUILD"/modules/*.ko)
export BOOT_FILES

boot ktest 'ktest=module module_test.answer=42'
ktap_results
expect '# ktest: 1 suites, 0 failed cases' 'every module loader case passes'
expect_not 'skipped' 'the cases ran with the module files'
expect_status 0 'QEMU exit status reports success'

boot shell 'loglevel=7' < <(printf '%s\n' 'insmod hello' 'insmod exporter' \
	'insmod importer' 'lsmod' 'rmmod exporter' 'insmod failinit' 'lsmod' \
	'insmod permanent' 'rmmod permanent' 'insmod params name=abc list=7,8 flag' \
	'modinfo params' 'rmmod params' 'rmmod importer' 'rmmod exporter' \
	'rmmod hello' 'lsmod' 'poweroff')
expect 'hello: Hello, world' 'insmod runs init_module'
expect 'importer: exporter_add\(40, 2\) = 42' 'a module calls another module'"'"'s export'
expect '^exporter +[0-9]+ +1 importer' 'lsmod shows the reference and who holds it'
expect 'rmmod: could not remove exporter: EBUSY' 'a module in use cannot be removed'
expect 'failinit: init_module failed with -19 \(ENODEV\)' 'a failing init is reported'
expect_not '^failinit ' 'a failed module is not listed'
expect 'permanent: module has no cleanup_module' 'a module without cleanup_module is permanent'
expect 'params: big=-30 ubig=40 name=abc level=3' 'insmod arguments set parameters'
expect 'params: list has 2: 7,8,0,0' 'array parameters take a list'
expect '^parm: +flag:A yes/no switch' 'modinfo shows parameter descriptions'
expect '^vermagic: +[0-9.]+ x86_64' 'modinfo shows the version magic'
expect 'exporter: gone after 1 calls' 'rmmod runs cleanup_module'
expect 'hello: Goodbye, world' 'the last module unloads'
expect_status 0 'the session ends in a clean poweroff'

boot blacklist 'module_blacklist=hello,other' < <(printf '%s\n' 'insmod hello' 'poweroff')
expect 'hello: module is blacklisted' 'module_blacklist= refuses a module'
expect_not 'Hello, world' 'its init does not run'

boot initfree 'loglevel=7' < <(printf '%s\n' 'insmod initfree' 'rmmod initfree' 'poweroff')
expect 'initfree: init code runs' 'the module loads'
expect "access to a module's freed init memory" 'the oops names freed module init memory'
expect 'RIP: 0008:ffffffffa[0-9a-f]+ initfree_exit\+0x[0-9a-f]+/0x[0-9a-f]+ \[initfree\]' 'the oops names the module code that faulted'
expect_status 2 'the fault panics'
