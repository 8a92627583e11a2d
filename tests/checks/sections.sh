# The linked kernel's init and exit sections: built-in module_exit code and
# its table are compiled (they are in the objects) but discarded at link
# time; each initcall entry has a readable, unique name in the symbol table
# and lies inside the init region that free_initmem() releases.
source "$(dirname "$0")/../boot/lib.sh"

elf=$KERNEL
log=$out/sections.log
{ nm "$elf"; readelf -SW "$elf"; } > "$log" 2>&1

for drv in rtc pci; do
	obj=$BUILD/drivers/$drv.o
	if nm "$obj" | grep -q " t ${drv}_exit$" &&
		readelf -SW "$obj" | grep -q ' \.exitcall\.exit '; then
		tap ok "${drv}.o has its exit function and exitcall entry"
	else
		tap fail "${drv}.o has its exit function and exitcall entry"
	fi
done
expect_not ' (rtc|pci)_exit$' 'built-in exit functions are discarded from the kernel'
expect_not '__exitcall_' 'the built-in exitcall table is discarded'
expect_not ' \.exit' 'no .exit section is left in the kernel'
expect ' __initcall_rtc_init6$' 'an initcall entry is named after its function and level'
expect ' __initcall_pic_init3$' 'the arch-level entry of the PIC driver is there'
expect ' __initcall_load_boot_modules7s$' 'a _sync entry has its own name'

# Every __initcall_* entry lies in [__init_begin, __init_end).
begin=$(nm "$elf" | awk '$3 == "__init_begin" { print $1 }')
end=$(nm "$elf" | awk '$3 == "__init_end" { print $1 }')
outside=$(nm "$elf" | awk -v b="$begin" -v e="$end" \
	'$3 ~ /^__initcall_/ && ($1 < b || $1 >= e) { print $3 }')
count=$(nm "$elf" | grep -c ' __initcall_')
if [ -n "$begin" ] && [ "$count" -gt 0 ] && [ -z "$outside" ]; then
	tap ok "all $count initcall entries are in the init region"
else
	tap fail "initcall entries outside the init region: $outside"
fi
