# tools/sortextable sorts a linked image's __ex_table in place: entries
# written in reverse order come out ordered by instruction address, each
# still naming its own fixup; an image without the section is refused with
# a message.  (The kernel's own link happens to emit its table in order, so
# this is where a broken tool shows.)
source "$(dirname "$0")/../boot/lib.sh"

tool=$BUILD/tools/sortextable
tmp=$out/sortextable.tmp
rm -rf "$tmp" && mkdir -p "$tmp"
# Three instructions a, b, c, each fixed up at the next; entries c, a, b.
cat > "$tmp/t.s" <<'ASM'
	.text
	.globl _start
_start:
a:	nop
a_fix:	nop
b:	nop
b_fix:	nop
c:	nop
c_fix:	nop
	.section __ex_table, "a"
	.balign 4
	.long c - ., c_fix - .
	.long a - ., a_fix - .
	.long b - ., b_fix - .
ASM

# "insn fixup" absolute addresses of each entry of image $1, in order.
entries() {
	local addr off i insn fix
	read -r addr off < <(readelf -SW "$1" | sed 's/^.*\]//' |
		awk '$1 == "__ex_table" { print $3, $4 }')
	for i in 0 1 2; do
		insn=$(od -An -t d4 -j $((0x$off + 8 * i)) -N 4 "$1")
		fix=$(od -An -t d4 -j $((0x$off + 8 * i + 4)) -N 4 "$1")
		printf '%x %x\n' $((0x$addr + 8 * i + insn)) \
			$((0x$addr + 8 * i + 4 + fix))
	done
}

if as "$tmp/t.s" -o "$tmp/t.o" && ld -Ttext=0x1000 "$tmp/t.o" -o "$tmp/t.elf" &&
	"$tool" "$tmp/t.elf"; then
	got=$(entries "$tmp/t.elf" | tr '\n' ' ')
	if [ "$got" = "1000 1001 1002 1003 1004 1005 " ]; then
		tap ok 'sortextable orders entries by instruction, each with its own fixup'
	else
		tap fail "sortextable orders entries by instruction, each with its own fixup (got: $got)"
	fi
else
	tap fail 'sortextable orders entries by instruction, each with its own fixup (could not build or sort the image)'
fi

printf '\t.text\n\t.globl _start\n_start:\tnop\n' > "$tmp/none.s"
as "$tmp/none.s" -o "$tmp/none.o" && ld -Ttext=0x1000 "$tmp/none.o" -o "$tmp/none.elf"
if ! "$tool" "$tmp/none.elf" 2> "$tmp/none.err" &&
	grep -q "none.elf: no well-formed __ex_table section" "$tmp/none.err"; then
	tap ok 'sortextable refuses an image without __ex_table, naming it'
else
	tap fail "sortextable refuses an image without __ex_table, naming it ($(cat "$tmp/none.err"))"
fi
