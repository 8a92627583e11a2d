# The build-time module checks (tools/modsyms.sh): the host's modinfo reads
# what the sample modules declare, depends= comes from the exports they
# use, and modules the loader would refuse are refused at build time
# already, with the reason.
source "$(dirname "$0")/../boot/lib.sh"

fix=$BUILD/tests/fixtures
symvers=$BUILD/modules/Module.symvers

log=$out/modinfo.hello.log
modinfo "$BUILD/modules/hello.ko" > "$log" 2>&1
expect '^license: +GPL$' 'the host modinfo reads the license'
expect '^author: +Sprout developers$' 'the host modinfo reads the author'
expect '^description: +Prints a greeting' 'the host modinfo reads the description'
expect '^vermagic: +[0-9.]+ x86_64 mcmodel=kernel' 'the host modinfo reads the version magic'
log=$out/modinfo.params.log
modinfo "$BUILD/modules/params.ko" > "$log" 2>&1
expect '^parm: +ubig:An unsigned long \(ulong\)$' 'the host modinfo reads parameters and types'
expect '^parm: +list:Up to four ints, comma-separated \(array of int\)$' 'array parameters show as arrays'

log=$out/modsyms.log
modinfo -F depends "$BUILD/modules/importer.ko" > "$log" 2>&1
expect '^exporter$' 'importer depends on exporter (computed from its undefined symbols)'
grep -q '^printk kernel EXPORT_SYMBOL$' "$symvers" > /dev/null &&
	tap ok 'the kernel'"'"'s exports are listed for modsyms' ||
	tap fail 'the kernel'"'"'s exports are listed for modsyms'

check() {
	log=$out/modsyms.$1.log
	if tools/modsyms.sh check "$1" "$fix/$1.ko" "$symvers" "$out/$1.mod.c" > "$log" 2>&1; then
		tap fail "modsyms refuses $1.ko ($2)"
	else
		expect "$3" "modsyms refuses $1.ko ($2)"
	fi
}
check unknown 'a symbol nobody exports' \
	'^ERROR: modpost: "missing_function" \[unknown.ko\] undefined!$'
check tls 'an unsupported relocation' \
	'tls: section .rela.text: unsupported relocation R_X86_64_TPOFF32 at offset'
log=$out/modsyms.noinit.log
tools/modsyms.sh check noinit "$fix/noinit.ko" "$symvers" "$out/noinit.mod.c" > "$log" 2>&1
tap_status 'modsyms accepts a module with no init_module, as modpost does (a library module)'

log=$out/modsyms.hello.log
tools/modsyms.sh check hello "$BUILD/modules/hello/hello.prelink.o" "$symvers" \
	"$out/hello.mod.c" > "$log" 2>&1
expect_status_of=$?
[ "$expect_status_of" = 0 ] && tap ok 'modsyms accepts a good module' ||
	tap fail 'modsyms accepts a good module'
