#!/bin/bash
# Draw the built-in initcall table as SVG (on standard output): every
# 8-byte slot between __initcall_start and __initcall_end in link order,
# grouped by level (the __initcallN_start symbols linker.ld defines), each
# with the function it points to and that function's source file (from the
# debug information).  do_initcalls() runs them top to bottom.
#
# Usage: tools/diagrams/initcalls.sh [KERNEL.elf] > docs/tutorial/img/initcalls.svg
set -eu
cd "$(dirname "$0")/../.."
elf=${1:-build/sprout.elf}
[ -f "$elf" ] || { echo "initcalls.sh: $elf: no such file (make first)" >&2; exit 1; }

# Level ids in linker.ld's order, and the names initcall.c prints.
levels='0 pure 0s pure_sync 1 core 1s core_sync 2 postcore 2s postcore_sync
3 arch 3s arch_sync 4 subsys 4s subsys_sync 5 fs 5s fs_sync rootfs rootfs
6 device 6s device_sync 7 late 7s late_sync'

syms=$(nm "$elf")
# Each entry is "static initcall_t __initcall_<fn><id> = <fn>": the slot's
# name gives the function; its source file comes from addr2line.
entries=$(echo "$syms" | awk '$3 ~ /^__initcall_/ && $2 == "d" { print $1, $3 }' | sort)
fns=$(echo "$entries" | awk '{ print $2 }' |
	sed -E 's/^__initcall_//; s/(0s|1s|2s|3s|4s|5s|6s|7s|rootfs|[0-7])$//')
files=$(for f in $fns; do
	a=$(echo "$syms" | awk -v f="$f" '$3 == f && ($2 == "t" || $2 == "T") { print $1; exit }')
	addr2line -e "$elf" "0x$a" | sed -E "s/:[0-9?]+.*\$//; s#^$PWD/##"
done)

{
	echo "$syms" | awk '$3 ~ /^__initcall(.*)_start$|^__initcall_end$/ { print "B", $1, $3 }'
	paste -d' ' <(echo "$entries") <(echo "$fns") <(echo "$files") | sed 's/^/E /'
} | awk -v levels="$levels" '
BEGIN { ne = 0 }
function num(h,   i, v) {
	h = tolower(substr(h, 9)); v = 0	# the low 32 bits differ
	for (i = 1; i <= length(h); i++)
		v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
$1 == "B" { b[$3] = num($2); hi = substr($2, 1, 8); lo[$3] = substr($2, 9) }
$1 == "E" { ea[ne] = num($2); ex[ne] = substr($2, 9); ef[ne] = $4; es[ne] = $5; ne++ }
END {
	nl = split(levels, L, /[ \n]+/) / 2
	for (i = 1; i <= nl; i++) { id[i] = L[2 * i - 1]; name[i] = L[2 * i] }
	for (i = 1; i <= nl; i++) {
		st[i] = b["__initcall" id[i] "_start"]
		en[i] = i < nl ? b["__initcall" id[i + 1] "_start"] : b["__initcall_end"]
	}
	y = 92; rows = 0
	for (i = 1; i <= nl; i++) { c = 0; for (k = 0; k < ne; k++) if (ea[k] >= st[i] && ea[k] < en[i]) c++; cnt[i] = c; y += c ? (c > 1 ? 26 * c : 36) + 8 : 18 }
	total = y + 50
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"860\" height=\"%d\" viewBox=\"0 0 860 %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n", total, total
	print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
	print "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">The initcall table of build/sprout.elf, by level</text>"
	print "<text x=\"20\" y=\"46\" fill=\"#444\">One 8-byte pointer per built-in initcall, in .init.data; do_initcalls() runs them top to bottom, then the table is freed.</text>"
	print "<text x=\"20\" y=\"80\" font-weight=\"bold\">level (section)</text><text x=\"220\" y=\"80\" font-weight=\"bold\">slot address</text><text x=\"380\" y=\"80\" font-weight=\"bold\">function</text><text x=\"600\" y=\"80\" font-weight=\"bold\">defined in</text>"
	y = 92
	for (i = 1; i <= nl; i++) {
		if (!cnt[i]) {
			printf "<text x=\"20\" y=\"%d\" fill=\"#999\" font-size=\"11\">%s (.initcall%s.init): empty</text>\n", y + 11, name[i], id[i]
			y += 18; continue
		}
		h = cnt[i] > 1 ? 26 * cnt[i] : 36
		fill = (i % 4 == 1) ? "#e3f2fd" : (i % 4 == 2) ? "#fff3e0" : (i % 4 == 3) ? "#e8f5e9" : "#f3e5f5"
		printf "<rect x=\"14\" y=\"%d\" width=\"830\" height=\"%d\" fill=\"%s\" stroke=\"#888\"/>\n", y, h + 4, fill
		printf "<text x=\"20\" y=\"%d\" font-weight=\"bold\">%s</text>\n", y + 17, name[i]
		printf "<text x=\"20\" y=\"%d\" fill=\"#555\" font-size=\"11\">.initcall%s.init</text>\n", y + 31, id[i]
		r = 0
		for (k = 0; k < ne; k++) {
			if (ea[k] < st[i] || ea[k] >= en[i]) continue
			ty = y + 18 + 26 * r
			printf "<rect x=\"210\" y=\"%d\" width=\"620\" height=\"22\" fill=\"white\" stroke=\"#666\"/>\n", ty - 14
			printf "<text x=\"220\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s%s</text>\n", ty + 1, hi, ex[k]
			printf "<text x=\"380\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s</text>\n", ty + 1, ef[k]
			printf "<text x=\"600\" y=\"%d\">%s</text>\n", ty + 1, es[k]
			r++
		}
		y += h + 8
	}
	printf "<text x=\"20\" y=\"%d\" fill=\"#444\">Within a level, slots are in link order: the order of obj-y in the build.mk files. Boot modules load in the last slot (late_sync).</text>\n", y + 20
	print "</svg>"
}'
