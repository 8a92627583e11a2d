#!/bin/bash
# Chapter 11's exercise: sprout-lsmod (lsmod.py) run in gdb against a real
# Sprout, stopped after the boot modules loaded, lists the same modules
# with the same sizes and reference counts as Sprout's own lsmod, and each
# module function kallsyms reports lies inside the core region it prints.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol11.XXXXXX")
qpid=
cleanup() {
	exec 4>&- 2> /dev/null
	[ -n "$qpid" ] && kill "$qpid" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; tail -n 20 "$tmp/gdb.log" 2> /dev/null; exit 1; }
[ -f build/sprout.iso ] || fail 'no build/sprout.iso: run make first'

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkfifo "$tmp/in"
tools/run-qemu.sh --iso build/sprout.iso --timeout 60 --serial-log "$tmp/serial.log" \
	-- -gdb "tcp:127.0.0.1:$port" < "$tmp/in" > /dev/null 2>&1 &
qpid=$!
exec 4> "$tmp/in"
printf 'lsmod\nkallsyms\necho listed\n' >&4
for _ in $(seq 300); do
	grep -q '^listed' "$tmp/serial.log" 2> /dev/null && break
	sleep 0.1
done
timeout 60 gdb -q -batch -nx build/sprout.elf -ex "target remote 127.0.0.1:$port" \
	-ex "source $here/lsmod.py" -ex 'sprout-lsmod' -ex detach > "$tmp/gdb.log" 2>&1
printf 'poweroff\n' >&4
exec 4>&-
wait "$qpid"
qpid=
tr -d '\r' < "$tmp/serial.log" > "$tmp/serial"

# Sprout's lsmod: "name size refcount [holders]" between the header and the
# next prompt; gdb's: "name size refcount state start-end".
sed -n '/^Module  *Size  Used by$/,/^sprout# /p' "$tmp/serial" |
	awk 'NF >= 3 && $2 ~ /^[0-9]+$/ { print $1, $2, $3 }' | sort > "$tmp/sprout"
awk '$5 ~ /^0x/ { print $1, $2, $3 }' "$tmp/gdb.log" | sort > "$tmp/gdb"
[ -s "$tmp/sprout" ] || fail "Sprout's lsmod printed no module"
diff -u "$tmp/sprout" "$tmp/gdb" || fail "sprout-lsmod differs from Sprout's lsmod"
n=0
while read -r addr _ _ mod; do
	mod=${mod#[}
	mod=${mod%]}
	range=$(awk -v m="$mod" '$1 == m { print $5 }' "$tmp/gdb.log")
	start=$((${range%-*})) end=$((${range#*-}))
	a=$((0x$addr))
	# The addresses are above 2^63: compare as unsigned through their distance.
	[ $((a - start)) -ge 0 ] && [ $((end - a)) -gt 0 ] ||
		fail "$mod: function at $addr outside its core $range"
	n=$((n + 1))
done < <(grep -E '^[0-9a-f]{16} t ' "$tmp/serial")
[ "$n" -gt 0 ] || fail 'kallsyms listed no function'
echo "sprout-lsmod: $(wc -l < "$tmp/gdb") modules as Sprout lists them; $n functions inside their core regions"
