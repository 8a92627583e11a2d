# modprobe's dependency order and boot-time loading: a three-level chain
# (chain_top -> chain_mid -> chain_base) from etc/modules, the shell and
# modules= on the command line; name.param=value from the command line and
# arguments after the name; a dependency cycle and a missing dependency,
# reported with their chain while the other modules still load; meminfo
# the same after loading and removing every module; dmesg -l err.
source "$(dirname "$0")/lib.sh"

# The order in which the chain_* modules' init ran, e.g. "base mid top".
chain_order() {
	grep -oE 'chain_(base|mid|top): loaded' "$log" |
		sed 's/chain_\(.*\): loaded/\1/' | xargs
}

expect_chain() {
	local got
	got=$(chain_order)
	if [ "$got" = "base mid top" ]; then tap ok "$1"; else tap fail "$1 (order '$got')"; fi
}

# The first line number of the log matching REGEX (0 if none).
line_of() {
	grep -nE -m1 -- "$1" "$log" | cut -d: -f1 | grep . || echo 0
}

# expect_before A B: lines matching A and B are in the log, A first.
expect_before() {
	local a b
	a=$(line_of "$1") b=$(line_of "$2")
	if [ "$a" -gt 0 ] && [ "$b" -gt "$a" ]; then tap ok "$3"
	else tap fail "$3 (/$1/ at line $a, /$2/ at line $b)"; fi
}

# mkinitrd_for NAME 'etc/modules text' module...: an initrd of those modules.
mkinitrd_for() {
	local name=$1 etc=$2 tree=$out/modprobe.$1.tree
	shift 2
	rm -rf "$tree" && mkdir -p "$tree/etc"
	printf '%s\n' "$etc" > "$tree/etc/modules"
	tools/mkinitrd.sh -o "$out/modprobe.$name.cpio" -d "$BUILD/tools/depmod" \
		-t "$tree" $(printf "$BUILD/modules/%s.ko " "$@") \
		2> "$out/modprobe.$name.mkinitrd.log"
}

# The default initrd: etc/modules lists chain_top (and hello, params...);
# loglevel=8 shows the debug line of each module's init memory freed.
boot default 'loglevel=8' < <(printf '%s\n' 'lsmod' 'poweroff')
expect_chain 'etc/modules: chain_top brings chain_base, chain_mid, chain_top, in that order, each once'
expect '^chain_base {10}[ 0-9]{8}  1 chain_mid$' 'lsmod: chain_mid holds chain_base'
expect '] params: big=-30 ubig=40 name=sprout' 'the default etc/modules gives params its arguments'
expect_before 'chain_top: freed [0-9]+ KiB of module init memory' \
	'Freeing unused kernel memory' 'module init memory is freed before the kernel'"'"'s'
expect_before 'Freeing unused kernel memory' '^sprout# ' 'then the shell starts'

# From the shell, with nothing loaded at boot; a second modprobe loads nothing.
mkinitrd_for bare '' hello params chain_base chain_mid chain_top
INITRD=$out/modprobe.bare.cpio boot shell 'loglevel=7' < <(printf '%s\n' \
	'modprobe chain_top' 'modprobe chain_top' 'modprobe chain_mid' 'lsmod' 'poweroff')
expect_chain 'modprobe chain_top loads chain_base, chain_mid, chain_top, each once'
expect '^chain_mid {11}[ 0-9]{8}  1 chain_top$' 'lsmod: chain_top holds chain_mid'
expect_status 0 'powers off'

# modules= on the command line, after etc/modules; name.param=value for a
# module modprobe loads, before the arguments modprobe is given.
mkinitrd_for cmdline 'hello' hello params chain_base chain_mid chain_top
INITRD=$out/modprobe.cmdline.cpio boot cmdline \
	'loglevel=7 modules=chain_top,nope,params params.count=9 params.name=cmd' \
	< <(printf '%s\n' 'rmmod params' 'modprobe params name=arg list=4,5' 'lsmod' 'poweroff')
expect_chain 'modules=chain_top loads the chain at boot'
expect_before 'hello: Hello, world' 'chain_base: loaded' 'etc/modules first, then modules='
expect 'modprobe: module not found: nope$' 'a module modules= names that does not exist is reported'
expect 'modules=: nope: ENOENT$' 'with the list it came from'
expect '] params: flag=0 noflag=0 small=-1 usmall=1 count=9 ' 'params.count=9 on the command line reaches the module'
expect '] params: big=-30 ubig=40 name=cmd ' 'and params.name=cmd'
expect '] params: big=-30 ubig=40 name=arg ' 'modprobe params name=arg passes its arguments (they win)'
expect '] params: list has 2: 4,5,0,0' 'modprobe passes every argument'
expect_before 'name=arg' '^params +[ 0-9]{8}  0$' 'the module is loaded again'
expect_not 'Unknown kernel command line parameter' 'module parameters are not unknown kernel parameters'

# A dependency cycle: depmod warns and writes the file; modprobe refuses the
# cycle with its chain and the next etc/modules line still loads.
mkinitrd_for cycle "$(printf '%s\n' cycle_a hello)" cycle_a cycle_b hello
if grep -q 'depmod: WARNING: dependency cycle' "$out/modprobe.cycle.mkinitrd.log"; then
	tap ok 'depmod warns about the cycle'
else
	tap fail 'depmod warns about the cycle'
fi
INITRD=$out/modprobe.cycle.cpio boot cycle 'loglevel=7' < <(printf '%s\n' \
	'modprobe cycle_b' 'lsmod' 'poweroff')
expect 'modprobe: dependency cycle: cycle_a -> cycle_b -> cycle_a$' 'a cycle at boot is reported with its chain'
expect 'etc/modules: cycle_a: ELOOP' 'etc/modules names the module that failed'
expect 'hello: Hello, world' 'the other modules still load'
expect 'modprobe: dependency cycle: cycle_b -> cycle_a -> cycle_b$' 'modprobe from the shell reports the cycle'
expect "^modprobe: ERROR: could not insert 'cycle_b': " 'and fails'
expect_not 'cycle_[ab]: loaded' 'neither module of the cycle loads'
expect '^hello ' 'lsmod lists the module that loaded'
expect_status 0 'powers off'

# A missing dependency: modules.dep (written with chain_mid there) names a
# file the initrd lacks, as when a module was removed after depmod.
stage=$out/modprobe.stale.tree
rm -rf "$stage" && mkdir -p "$stage/lib/modules" "$stage/etc"
printf '%s\n' chain_top hello > "$stage/etc/modules"
for m in hello chain_base chain_mid chain_top; do
	cp "$BUILD/modules/$m.ko" "$stage/lib/modules/"
done
"$BUILD/tools/depmod" -o "$stage/lib/modules/modules.dep" "$stage"/lib/modules/*.ko
rm "$stage/lib/modules/chain_mid.ko"
(cd "$stage" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio -o -H newc --quiet -R 0:0) > "$out/modprobe.stale.cpio"
INITRD=$out/modprobe.stale.cpio boot stale 'loglevel=7' < <(printf '%s\n' \
	'modprobe chain_top' 'poweroff')
expect 'modprobe: missing dependency: chain_top -> chain_mid$' 'a missing dependency is reported with its chain'
expect 'hello: Hello, world' 'the other modules still load'
expect_not 'chain_top: loaded' 'the module that needs it does not'
expect "^modprobe: ERROR: could not insert 'chain_top': Unknown symbol in module, or unknown parameter \(see dmesg\)$" 'modprobe from the shell fails as kmod words -ENOENT'

# The initrd omits chain_mid altogether: depmod knows no provider, so
# chain_top is loaded and refused for its unknown symbol.
mkinitrd_for omit "$(printf '%s\n' chain_top hello)" hello chain_base chain_top
INITRD=$out/modprobe.omit.cpio boot omit 'loglevel=7' < <(printf '%s\n' 'lsmod' 'poweroff')
expect 'chain_top: Unknown symbol chain_mid_value' 'the unknown symbol is named'
expect 'hello: Hello, world' 'the other modules still load'
expect_status 0 'powers off'

# Loading and removing every module leaves memory as it was: meminfo
# after equals meminfo before (once the kernel's symbol hash, built on the
# first load, and the shell's table of open files, made by lsmod's open
# of /proc/modules, exist).  dmesg -l err shows only the error lines.
meminfo_block() {
	awk -v n="$1" '/^sprout# / { inblock = ($2 == "meminfo" && ++seen == n); next }
		inblock' "$log"
}
mkinitrd_for all '' hello params exporter importer twoobj chain_base chain_mid chain_top
INITRD=$out/modprobe.all.cpio boot meminfo 'loglevel=4' < <(printf '%s\n' \
	'insmod hello' 'rmmod hello' 'lsmod' 'meminfo' \
	'modprobe chain_top' 'modprobe importer' 'insmod hello' 'insmod twoobj' \
	'modprobe params name=x list=1,2,3' 'lsmod' \
	'rmmod chain_top' 'rmmod chain_mid' 'rmmod chain_base' 'rmmod importer' \
	'rmmod exporter' 'rmmod hello' 'rmmod twoobj' 'rmmod params' 'lsmod' 'meminfo' \
	'insmod chain_top' 'dmesg -l err' 'poweroff')
before=$(meminfo_block 1) after=$(meminfo_block 2)
if [ -n "$before" ] && [ "$before" = "$after" ]; then
	tap ok 'meminfo after loading and removing every module equals meminfo before'
else
	tap fail 'meminfo after loading and removing every module equals meminfo before'
	diff <(echo "$before") <(echo "$after") | sed 's/^/#   /'
fi
expect '^twoobj {14}[ 0-9]{8}  0$' 'the modules were loaded in between'
errs=$(awk '/^sprout# / { inblock = ($2 == "dmesg"); next } inblock' "$log")
if grep -q 'chain_top: Unknown symbol chain_mid_value' <<<"$errs" &&
	! grep -qv 'Unknown symbol' <<<"$errs"; then
	tap ok 'dmesg -l err shows the error line and nothing else'
else
	tap fail "dmesg -l err shows the error line and nothing else (got: $(echo $errs))"
fi
