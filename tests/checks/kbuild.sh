# Out-of-tree modules as Linux builds them (tools/extmod.mk): a tutorial's
# directory with the usual Makefile builds with "make KDIR=<sprout>" and
# with "make -C <sprout> M=<dir>", cleans up only what it built, and the
# host's modinfo reads the result; a Kbuild file with <name>-y and
# ccflags-y; modules that use what Sprout lacks, or break its rules, fail
# to build with the compiler's or modpost's words.
source "$(dirname "$0")/../boot/lib.sh"

root=$PWD
tut=$out/kbuild.tutorial
rm -rf "$tut" && mkdir -p "$tut"
cp tests/compat/hello-1.c tests/compat/hello-5.c tests/compat/start.c \
	tests/compat/stop.c "$tut/"
cat > "$tut/Makefile" <<'MK'
obj-m += hello-1.o
obj-m += hello-5.o
obj-m += startstop.o
startstop-objs := start.o stop.o

PWD := $(CURDIR)
KDIR ?= /lib/modules/$(shell uname -r)/build

all:
	$(MAKE) -C $(KDIR) M=$(PWD) modules

clean:
	$(MAKE) -C $(KDIR) M=$(PWD) clean
MK
echo 'a note of the student'"'"'s own' > "$tut/notes.txt"
touch "$tut/other.o"
(cd "$tut" && ls -A | sort) > "$out/kbuild.before"

log=$out/kbuild.kdir.log
(cd "$tut" && make KDIR="$root" BUILD="$root/$BUILD") > "$log" 2>&1
if [ -f "$tut/hello-1.ko" ] && [ -f "$tut/hello-5.ko" ] && [ -f "$tut/startstop.ko" ]; then
	tap ok 'the tutorial Makefile builds every module with make KDIR=<sprout>'
else
	tap fail 'the tutorial Makefile builds every module with make KDIR=<sprout>'
fi
expect '^  CC \[M\] .*/hello-1\.o$' 'the build prints Kbuild-style CC [M] lines'

log=$out/kbuild.modinfo.log
modinfo "$tut/hello-5.ko" > "$log" 2>&1
expect '^name: +hello_5$' 'modinfo: the module name is the file name with - made _'
expect '^parm: +myintarray:An array of integers \(array of int\)$' 'modinfo: an array parameter'
expect '^parm: +mybuffer:Copied into an 8-byte buffer \(string\)$' 'modinfo: a module_param_string'
expect '^parm: +level:Stored in internal_level \(int\)$' 'modinfo: a module_param_named'
expect '^vermagic: +[0-9.]+ x86_64 mcmodel=kernel' 'modinfo: the version magic'

log=$out/kbuild.clean.log
(cd "$tut" && make KDIR="$root" BUILD="$root/$BUILD" clean) > "$log" 2>&1
(cd "$tut" && ls -A | sort) > "$out/kbuild.after"
if cmp -s "$out/kbuild.before" "$out/kbuild.after"; then
	tap ok 'make clean removes what the build wrote and nothing else'
else
	tap fail 'make clean removes what the build wrote and nothing else'
	diff "$out/kbuild.before" "$out/kbuild.after" | sed 's/^/#   /'
fi

log=$out/kbuild.mflag.log
make -C "$root" BUILD="$BUILD" M="$tut" > "$log" 2>&1
[ -f "$tut/startstop.ko" ] && tap ok 'make -C <sprout> M=<dir> reads the same Makefile' ||
	tap fail 'make -C <sprout> M=<dir> reads the same Makefile'
make -C "$root" BUILD="$BUILD" M="$tut" clean >> "$log" 2>&1

# A Kbuild file wins over the Makefile; <name>-y lists the objects and
# ccflags-y reaches every one of them.
kb=$out/kbuild.kbuild
rm -rf "$kb" && mkdir -p "$kb"
printf '%s\n' 'obj-m := two-part.o' 'two-part-y := part_a.o part_b.o' \
	'ccflags-y := -DPART_ANSWER=42' > "$kb/Kbuild"
printf '%s\n' 'obj-m := not-this-one.o' > "$kb/Makefile"
printf '%s\n' '#include <linux/module.h>' '#include "part.h"' \
	'static int __init part_a_init(void) { return part_b_answer() == PART_ANSWER ? 0 : -EINVAL; }' \
	'module_init(part_a_init);' 'MODULE_LICENSE("GPL");' > "$kb/part_a.c"
printf '%s\n' '#include "part.h"' 'int part_b_answer(void) { return PART_ANSWER; }' > "$kb/part_b.c"
printf '%s\n' 'int part_b_answer(void);' > "$kb/part.h"
log=$out/kbuild.kbuild.log
make -C "$root" BUILD="$BUILD" M="$kb" modules > "$log" 2>&1
if [ -f "$kb/two-part.ko" ] && [ ! -e "$kb/not-this-one.ko" ] &&
	[ "$(modinfo -F name "$kb/two-part.ko")" = two_part ]; then
	tap ok 'Kbuild wins over the Makefile; two-part-y and ccflags-y build two_part'
else
	tap fail 'Kbuild wins over the Makefile; two-part-y and ccflags-y build two_part'
fi

# A Makefile in Linux's style names obj-m only when KERNELRELEASE is set:
# make M=<dir> sets it for clean as for the build, so clean finds the module.
kr=$out/kbuild.kernelrelease
rm -rf "$kr" && mkdir -p "$kr"
cp tests/compat/hello-1.c "$kr/"
printf '%s\n' 'ifneq ($(KERNELRELEASE),)' 'obj-m += hello-1.o' 'else' \
	'all:' '	$(MAKE) -C $(KDIR) M=$(CURDIR) modules' 'endif' > "$kr/Makefile"
log=$out/kbuild.kernelrelease.log
make -C "$root" BUILD="$BUILD" M="$kr" modules > "$log" 2>&1 &&
	make -C "$root" BUILD="$BUILD" M="$kr" clean >> "$log" 2>&1
if [ "$(cd "$kr" && ls -A | tr '\n' ' ')" = "Makefile hello-1.c " ] &&
	grep -q 'LD \[M\] .*/hello-1\.ko' "$log"; then
	tap ok "a Makefile with Linux's KERNELRELEASE branch builds, and cleans to its sources"
else
	tap fail "a Makefile with Linux's KERNELRELEASE branch builds, and cleans to its sources"
fi

# build_fails NAME 'what' REGEX: tests/compat/broken/NAME must not build.
build_fails() {
	local dir=tests/compat/broken/$1
	log=$out/kbuild.broken.$1.log
	if make -C . BUILD="$BUILD" M=$dir modules > "$log" 2>&1; then
		tap fail "$2 (it built)"
	else
		expect "$3" "$2"
	fi
	ls $dir/*.ko > /dev/null 2>&1 && tap fail "$2: a .ko was left behind"
	make -C . BUILD="$BUILD" M=$dir clean > /dev/null 2>&1
}
build_fails netdev 'a module using networking fails to compile, naming the header' \
	'fatal error: linux/netdevice\.h: No such file or directory'
build_fails undefined 'a function no kernel exports stops modpost, in Linux'"'"'s words' \
	'^ERROR: modpost: "register_chrdev" \[tests/compat/broken/undefined/needs-more\.ko\] undefined!$'
build_fails mismatch 'exit code reading __initdata is a section mismatch' \
	'section mismatch: mismatch_exit \(\.exit\.text\) references setting \(\.init\.data\)'
