#!/bin/bash
# Draw the kernel image's parts as SVG (on standard output), twice side by
# side: while booting, and after free_initmem() has unmapped the init region
# and given its frames back.  Addresses and sizes come from the linker's
# boundary symbols in the ELF file (linker.ld), so the drawing is the image
# that was built.  Box heights are proportional to size, with a minimum.
#
# Usage: tools/diagrams/sections.sh [KERNEL.elf] > docs/tutorial/img/kernel-sections.svg
set -eu
cd "$(dirname "$0")/../.."
elf=${1:-build/sprout.elf}
[ -f "$elf" ] || { echo "sections.sh: $elf: no such file (make first)" >&2; exit 1; }

# The parts in address order: start symbol, end symbol, name, permissions,
# what is in it (~ for a blank), whether free_initmem() frees it.
parts='__text_start __rodata_start .text R~X code~that~stays 0
__rodata_start __init_begin .rodata R constants,~export~tables,~shell~commands 0
__init_begin __init_data_start .init.text R~X __init~code 1
__init_data_start __init_end .init.data RW __initdata,~initcall~tables,~__setup() 1
__data_start __bss_start .data RW initialised~variables 0
__bss_start __kallsyms_start .bss RW zeroed:~page~tables,~stacks,~guard~pages 0
__kallsyms_start __kernel_end .kallsyms R the~symbol~table 0'

nm "$elf" | awk -v parts="$parts" '
function num(h,   i, v) {
	h = tolower(h); v = 0
	for (i = 1; i <= length(h); i++)
		v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
function hex(v,   s, d) {
	s = ""
	do { d = v % 16; s = substr("0123456789abcdef", d + 1, 1) s; v = (v - d) / 16 } while (v > 0)
	return s
}
function kib(n) { return n >= 10240 ? sprintf("%d KiB", n / 1024) : sprintf("%.1f KiB", n / 1024) }
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); return s }
{ addr[$3] = $1 }
END {
	n = split(parts, line, "\n")
	for (i = 1; i <= n; i++) {
		split(line[i], f, " ")
		if (!(f[1] in addr) || !(f[2] in addr)) { print "sections.sh: symbol " f[1] " or " f[2] " missing" > "/dev/stderr"; exit 1 }
		# Only the low 32 bits differ between parts: keep numbers exact.
		s = num(substr(addr[f[1]], 9)); e = num(substr(addr[f[2]], 9))
		S[i] = s; E[i] = e; N[i] = f[3]; P[i] = f[4]; W[i] = f[5]; F[i] = f[6]
		gsub(/~/, " ", P[i]); gsub(/~/, " ", W[i])
		hi = substr(addr[f[1]], 1, 8)
	}
	# Heights: 1 px per 1.25 KiB, at least 34 px.
	y0 = 96; y = y0
	for (i = 1; i <= n; i++) { H[i] = (E[i] - S[i]) / 1280; if (H[i] < 34) H[i] = 34; H[i] = int(H[i]); Y[i] = y; y += H[i] }
	total = y + 90
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"940\" height=\"%d\" viewBox=\"0 0 940 %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n", total, total
	print "<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c44\" stroke-width=\"2\"/></pattern></defs>"
	print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
	print "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">The kernel image, before and after free_initmem()</text>"
	print "<text x=\"20\" y=\"46\" fill=\"#444\">From the linker symbols of build/sprout.elf; heights proportional to size. Addresses are virtual (physical = virtual - 0xffffffff80000000).</text>"
	print "<text x=\"200\" y=\"84\" font-weight=\"bold\">while booting</text><text x=\"560\" y=\"84\" font-weight=\"bold\">after free_initmem()</text>"
	for (i = 1; i <= n; i++) {
		ty = Y[i] + H[i] / 2
		fill = P[i] == "R X" ? "#ffe0b2" : P[i] == "R" ? "#dcedc8" : "#bbdefb"
		printf "<text x=\"20\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s%s</text>\n", Y[i] + 13, hi, hex(S[i])
		printf "<rect x=\"190\" y=\"%d\" width=\"340\" height=\"%d\" fill=\"%s\" stroke=\"#444\"/>\n", Y[i], H[i], fill
		printf "<text x=\"200\" y=\"%d\" font-weight=\"bold\">%s</text><text x=\"300\" y=\"%d\">%s</text><text x=\"520\" y=\"%d\" text-anchor=\"end\">%s</text>\n", ty - 2, N[i], ty - 2, P[i], ty - 2, kib(E[i] - S[i])
		printf "<text x=\"200\" y=\"%d\" fill=\"#333\" font-size=\"11\">%s</text>\n", ty + 12, esc(W[i])
		if (F[i] == 1) {
			printf "<rect x=\"550\" y=\"%d\" width=\"340\" height=\"%d\" fill=\"url(#hatch)\" stroke=\"#c44\" stroke-dasharray=\"5 3\"/>\n", Y[i], H[i]
			printf "<rect x=\"560\" y=\"%d\" width=\"320\" height=\"30\" fill=\"white\" opacity=\"0.9\"/>\n", ty - 15
			fr = (E[i] - S[i]) / 4096
			printf "<text x=\"566\" y=\"%d\">unmapped; %d frame%s back to the allocator</text>\n", ty - 2, fr, fr == 1 ? "" : "s"
			printf "<text x=\"566\" y=\"%d\" fill=\"#a00\" font-size=\"11\">a touch: BUG: access to freed init memory</text>\n", ty + 12
		} else {
			printf "<rect x=\"550\" y=\"%d\" width=\"340\" height=\"%d\" fill=\"%s\" stroke=\"#444\"/>\n", Y[i], H[i], fill
			printf "<text x=\"560\" y=\"%d\" font-weight=\"bold\">%s</text><text x=\"660\" y=\"%d\">%s</text>\n", ty + 4, N[i], ty + 4, P[i]
		}
	}
	printf "<text x=\"20\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s%s</text>\n", y + 4, hi, hex(E[n])
	init = E[4] - S[3]
	printf "<text x=\"20\" y=\"%d\">Init region: __init_begin to __init_end, %d KiB: the boot log says \"Freeing unused kernel memory: %dk freed\".</text>\n", y + 34, init / 1024, init / 1024
	printf "<text x=\"20\" y=\"%d\" fill=\"#444\">Colours: orange read + execute, green read-only, blue read + write (never executable); the .boot entry code at 1 MiB is not shown.</text>\n", y + 56
	print "</svg>"
}'
