# Loadable modules in the running kernel: the in-kernel loader and module
# command tests (with the sample .ko files as GRUB boot modules, no
# initrd), then from the
# initrd: insmod/lsmod/rmmod/modinfo/modprobe from the shell, etc/modules
# at boot, module_blacklist=, and an oops in module code that touches freed
# module init memory.
source "$(dirname "$0")/lib.sh"

# The module commands' statuses (tests/kernel/modcmd_test.c) on the same
# boot: a failure the command explained is SHELL_FAILED, not an errno.
BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= boot ktest 'ktest=module,modcmd module_test.answer=42 module_test.greeting=hi'
ktap_results
expect '# ktest: 2 suites, 0 failed cases' 'every module loader and module command case passes'
expect_not 'skipped' 'the cases ran with the module files'
expect_status 0 'QEMU exit status reports success'

# The shell sessions below start with nothing loaded.
use_bare_initrd

boot modprobe 'loglevel=7' < <(printf '%s\n' 'modprobe importer' 'lsmod' 'poweroff')
expect 'exporter: ready' 'modprobe loads the dependency first (modules.dep)'
expect 'importer: exporter_add\(40, 2\) = 42' 'then the module asked for'

# An initrd whose etc/modules lists two modules, one with parameters.
tree=$out/modules.tree
mkdir -p "$tree/etc"
printf '%s\n' '# loaded at boot' 'importer' 'params count=7 name=boot' > "$tree/etc/modules"
tools/mkinitrd.sh -o "$out/modules.cpio" -d "$BUILD/tools/depmod" -t "$tree" \
	$(initrd_modules) 2> "$out/modules.mkinitrd.log"
INITRD=$out/modules.cpio boot etc 'loglevel=7' < <(printf '%s\n' 'lsmod' 'poweroff')
expect 'importer: exporter_add\(40, 2\) = 42' 'etc/modules is loaded at boot, dependencies first'
expect 'params: big=-30 ubig=40 name=boot' 'with the parameters on its line'
expect '^params +[0-9]+ +0' 'lsmod lists what was loaded at boot'
expect 'Freeing unused kernel memory' 'boot goes on to free init memory'

boot shell 'loglevel=7' < <(printf '%s\n' 'insmod importer' 'insmod hello' \
	'insmod hello.ko' 'insmod nope' 'rmmod nope' 'modprobe nope' \
	'insmod params bogus=1' 'insmod exporter' \
	'insmod importer' 'lsmod' 'rmmod exporter' 'insmod failinit' 'lsmod' \
	'insmod permanent' 'rmmod permanent' 'insmod params name=abc list=7,8 flag' \
	'modinfo params' 'rmmod params' 'rmmod importer' 'rmmod exporter' \
	'rmmod hello' 'lsmod' 'poweroff')
expect 'hello: Hello, world' 'insmod runs init_module'
expect 'importer: exporter_add\(40, 2\) = 42' 'a module calls another module'"'"'s export'
expect 'importer: Unknown symbol exporter_' 'the log names the unknown symbol'
expect '^insmod: ERROR: could not insert module importer\.ko: Unknown symbol in module$' 'insmod words an unknown symbol as Linux'"'"'s insmod'
expect '^insmod: ERROR: could not insert module hello\.ko: File exists$' 'insmod of a loaded module (as hello.ko): File exists'
expect '^insmod: ERROR: could not load module nope: No such file or directory$' 'insmod of a missing file'
expect '^rmmod: ERROR: Module nope is not currently loaded$' 'rmmod of a module not loaded'
expect '^modprobe: FATAL: Module nope not found in directory /lib/modules$' 'modprobe of a missing module'
expect "params: unknown parameter 'bogus'" 'the log names the unknown parameter'
expect '^insmod: ERROR: could not insert module params\.ko: Unknown symbol in module$' 'an unknown parameter reads as in Linux (-ENOENT)'
expect '^Module                  Size  Used by$' 'lsmod prints Linux'"'"'s header'
expect '^exporter {12}[ 0-9]{8}  1 importer$' 'lsmod: name in 19 columns, size in 8, refcount, holders'
expect '^hello {15}[ 0-9]{8}  0$' 'lsmod: a module nobody uses'
expect '^rmmod: ERROR: Module exporter is in use by: importer$' 'a module in use cannot be removed, and rmmod says by whom'
expect 'failinit: init_module failed with -19 \(ENODEV\)' 'a failing init is reported'
expect '^insmod: ERROR: could not insert module failinit\.ko: No such device$' 'insmod words the init error'
expect_not '^failinit ' 'a failed module is not listed'
expect 'permanent: module has no cleanup_module' 'a module without cleanup_module is permanent'
expect '^rmmod: ERROR: could not remove module permanent: Device or resource busy$' 'rmmod of a permanent module'
expect 'params: big=-30 ubig=40 name=abc level=3' 'insmod arguments set parameters'
expect 'params: list has 2: 7,8,0,0' 'array parameters take a list'
expect '^parm: +flag:A yes/no switch' 'modinfo shows parameter descriptions'
expect '^vermagic: +[0-9.]+ x86_64' 'modinfo shows the version magic'
expect 'exporter: gone after 1 calls' 'rmmod runs cleanup_module'
expect 'hello: Goodbye, world' 'the last module unloads'
expect_status 0 'the session ends in a clean poweroff'

boot blacklist 'module_blacklist=hello,other' < <(printf '%s\n' 'insmod hello' 'poweroff')
expect 'hello: module is blacklisted' 'module_blacklist= refuses a module'
expect '^insmod: ERROR: could not insert module hello\.ko: Operation not permitted$' 'insmod of a blacklisted module'
expect_not 'Hello, world' 'its init does not run'

boot initfree 'loglevel=7' < <(printf '%s\n' 'insmod initfree' 'rmmod initfree' 'poweroff')
expect 'initfree: init code runs' 'the module loads'
expect "access to a module's freed init memory" 'the oops names freed module init memory'
expect 'RIP: 0008:ffffffffa[0-9a-f]+ initfree_exit\+0x[0-9a-f]+/0x[0-9a-f]+ \[initfree\]' 'the oops names the module code that faulted'
expect_status 2 'the fault panics'
