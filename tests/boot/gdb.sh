# gdb's sprout-symbols (tools/gdb/sprout.py), for real: boot with QEMU's gdb
# stub, let the boot modules load, stop the machine with gdb in batch mode,
# load every module's symbols, and check that each module function's address
# is the one Sprout's own kallsyms command prints, that a module's
# variable reads its real value (so data sections are placed right too),
# and that the sections it loads are where /sys/module/<name>/sections says.
source "$(dirname "$0")/lib.sh"

command -v gdb > /dev/null || { tap fail 'gdb is installed (make deps)'; exit 0; }
iso=$(iso_for 'loglevel=7') || { tap fail 'an ISO is made'; exit 0; }
log=$out/gdb.serial.log
gdblog=$out/gdb.gdb.log
dir=$(mktemp -d "${TMPDIR:-/tmp}/sprout-gdb.XXXXXX")
qpid=
cleanup() {
	exec 4>&- 2> /dev/null
	[ -n "$qpid" ] && kill "$qpid" 2> /dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

# A free port of our own: tests run in parallel.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkfifo "$dir/in"
rm -f "$log" "$gdblog"
tools/run-qemu.sh --iso "$iso" --timeout 60 --serial-log "$log" \
	-- -gdb "tcp:127.0.0.1:$port" < "$dir/in" > /dev/null 2>&1 &
qpid=$!
exec 4> "$dir/in"
# exporter's .text and .bss as /sys/module/exporter/sections shows them.
sections=/sys/module/exporter/sections
printf 'kallsyms\ncat %s/.text %s/.bss\n' $sections $sections >&4
for _ in $(seq 300); do
	[ "$(grep -c '^0x[0-9a-f]\{16\}' "$log" 2> /dev/null)" = 2 ] && break
	sleep 0.1
done
sed -i 's/\r$//' "$log"
expect '^ffffffff[0-9a-f]{8} t exporter_add	\[exporter\]$' 'the kallsyms command lists module functions'

# Every module function kallsyms lists, except the init_module and
# cleanup_module aliases, which every module has.
grep -E '^[0-9a-f]{16} t [a-z_0-9]+	\[' "$log" |
	grep -Ev ' t (init|cleanup)_module	' | sort -u > "$dir/kallsyms"
checks=()
while read -r _ _ name _; do
	checks+=(-ex "python print('ADDR %s %x' % ('$name', int(gdb.parse_and_eval('&$name').cast(gdb.lookup_type('unsigned long')))))")
done < "$dir/kallsyms"

# The kernel and the modules in a folder whose path has a blank and a
# quote, as a checkout's may: sprout-symbols finds the modules next to the
# kernel and must quote their paths for gdb.  Run twice: the second run
# first removes what the first loaded.
odd="$dir/a \"checkout\""
mkdir -p "$odd/modules"
cp "$KERNEL" "$odd/sprout.elf"
cp "$BUILD"/modules/*.ko "$odd/modules/"
timeout 60 gdb -q -batch -nx "$odd/sprout.elf" -ex "target remote 127.0.0.1:$port" \
	-ex 'source tools/gdb/sprout.py' -ex 'lx-symbols' -ex 'lx-symbols' "${checks[@]}" \
	-ex 'print exporter_calls' -ex 'info symbol exporter_add' \
	-ex 'python [print("SECTION %s %s 0x%016x" % (m["name"].string(), n, a)) for m in loaded_modules() for (n, a) in module_sections(m)]' \
	-ex detach > "$gdblog" 2>&1
printf 'lsmod\npoweroff\n' >&4
exec 4>&-
wait "$qpid"
status=$? qpid=
sed -i 's/\r$//' "$log"

log=$gdblog
# Two runs of lx-symbols: each names every module once.
modules=$(($(grep -c '^sprout-symbols: [a-z_0-9]*: .*\.ko ([0-9]* sections)$' "$gdblog") / 2))
expect "^sprout-symbols: symbols of $modules modules loaded$" 'lx-symbols reports what it loaded'
if [ "$modules" -ge 7 ]; then
	tap ok "lx-symbols loads the symbols of every boot module ($modules)"
else
	tap fail "lx-symbols loads the symbols of every boot module ($modules of 7)"
fi
bad=0 n=0
while read -r addr _ name _; do
	n=$((n + 1))
	if ! grep -qx "ADDR $name $addr" "$gdblog"; then
		echo "# $name: Sprout says $addr, gdb: $(grep "^ADDR $name " "$gdblog")"
		bad=$((bad + 1))
	fi
done < "$dir/kallsyms"
if [ "$n" -gt 0 ] && [ "$bad" = 0 ]; then
	tap ok "gdb finds each of $n module functions where Sprout's kallsyms says it is"
else
	tap fail "gdb finds each module function where Sprout's kallsyms says it is ($bad of $n differ)"
fi
# importer called exporter_add once at boot: a wrong .bss address reads 0.
expect '^\$1 = 1$' "a module's variable reads its value through the loaded symbols"
expect '^exporter_add in section \.text of .*/a "checkout"/modules/exporter\.ko$' \
	'an address names its module file and section, in a path with a blank and a quote'
expect_not 'No such file|No symbol file' 'gdb finds each module file by its quoted path'
# lx-symbols gives add-symbol-file what /sys/module/<name>/sections shows.
text=$(grep -m1 '^0x[0-9a-f]\{16\}$' "$out/gdb.serial.log")
bss=$(grep '^0x[0-9a-f]\{16\}$' "$out/gdb.serial.log" | sed -n 2p)
expect "^SECTION exporter \.text ${text:-none}\$" "lx-symbols loads exporter's .text where $sections/.text says"
expect "^SECTION exporter \.bss ${bss:-none}\$" "lx-symbols loads exporter's .bss where $sections/.bss says"
log=$out/gdb.serial.log
expect_status 0 'the machine runs on after gdb detaches, and powers off'
