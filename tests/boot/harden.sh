# Hardening against hostile modules and faults in the kernel itself: the
# in-kernel hardening suite (with the sample modules from GRUB), a module
# writing its init read-only data, a stack-protector hit, and locking
# module loading from the shell and from the command line.
source "$(dirname "$0")/lib.sh"

BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= boot ktest 'ktest=harden loglevel=7'
ktap_results
expect '# ktest: 1 suites, 0 failed cases' 'every hardening case passes'
expect 'hello: reference count would overflow; reference refused \(refcount 2147483647, called from refcount_limits' 'a reference past INT_MAX is refused with a warning naming the module and caller'
expect 'hello: module_put\(\) without a reference held; ignored \(refcount 0, called from refcount_limits' 'a put at zero warns with the module'"'"'s name'
expect "ktest: invalid value 'x' for parameter 'a'" 'the first bad parameter is reported'
expect "ktest: invalid value '1,x,3' for parameter 'arr'" 'and the next bad one too'
expect 'exporte2: exports duplicate symbol exporter_[a-z_]+ \(owned by exporter\)' 'a duplicate module export names the symbol and both owners'
expect 'dupexport: exports duplicate symbol kstrtoll \(owned by kernel\)' 'an export shadowing the kernel'"'"'s is refused'
expect 'allinit: only init, 1 call' 'a module all __init runs its init'
expect 'mm: audit after ktest \(writable alias of kernel text\): a writable alias of code or read-only data at 0xffffc9' 'the audit names a writable alias of kernel text'
expect 'mm: audit after ktest \(page at 0\): a mapping of virtual address 0' 'the audit names a page at 0'
expect_not 'mm: audit after (boot|hello|params|exporter|allinit):' 'boot and every module load pass the audit'
expect_status 0 'QEMU exit status reports success'

# The shell sessions below start with nothing loaded.
use_bare_initrd

BOOT_FILES=$BUILD/modules/initro.ko boot initro 'loglevel=7' < <(printf '%s\n' 'insmod initro' 'poweroff')
expect 'BUG: write to read-only page' 'writing init read-only data faults'
expect 'RIP: 0008:ffffffffa[0-9a-f]+ (initro_init|init_module)\+0x[0-9a-f]+/0x[0-9a-f]+ \[initro\]' 'the oops names the module'"'"'s init'
expect_not 'initro: wrote' 'the write did not go through'
expect_status 2 'the fault panics'

boot stackprot 'crash=stackprotector'
expect 'stack-protector: Kernel stack is corrupted in: crash_stackprotector\+0x' 'a smashed stack canary oopses naming the function'
expect 'Kernel panic' 'and the kernel stops'
expect_status 2 'QEMU reports the panic'

boot lock 'loglevel=7' < <(printf '%s\n' 'insmod hello' 'modules_disable' \
	'insmod exporter' 'modprobe importer' 'modules_disable' 'rmmod hello' \
	'insmod hello' 'lsmod' 'poweroff')
expect 'hello: Hello, world' 'modules load before the lock'
expect 'Module loading disabled until reboot' 'modules_disable says what it did'
expect 'exporter: module loading is disabled \(modules_disabled\) until reboot' 'a later load is refused with a message'
expect '^insmod: ERROR: could not insert module exporter\.ko: Operation not permitted$' 'insmod reports EPERM in kmod words'
expect_not 'exporter: ready' 'the refused module did not run'
expect 'modules_disable: module loading is already disabled until reboot' 'the lock cannot be taken twice, nor undone'
expect 'hello: Goodbye, world' 'removing a module is still allowed'
expect '^insmod: ERROR: could not insert module hello\.ko: Operation not permitted$' 'and loading it back is refused'

tree=$out/harden.tree
mkdir -p "$tree/etc"
printf '%s\n' 'hello' > "$tree/etc/modules"
tools/mkinitrd.sh -o "$out/harden.cpio" -d "$BUILD/tools/depmod" -t "$tree" \
	$(initrd_modules) 2> "$out/harden.mkinitrd.log"
INITRD=$out/harden.cpio boot cmdline_lock 'modules_disabled loglevel=7' < <(printf '%s\n' 'insmod exporter' 'poweroff')
expect 'Module loading disabled \(modules_disabled\) until reboot' 'modules_disabled on the command line locks loading'
expect 'hello: module loading is disabled' 'etc/modules loads are refused at boot'
expect '^insmod: ERROR: could not insert module exporter\.ko: Operation not permitted$' 'and so are shell loads'
expect_status 0 'the session ends in a clean poweroff'
