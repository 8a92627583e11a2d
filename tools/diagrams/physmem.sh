#!/bin/bash
# Draw the physical memory map of one boot as SVG (on standard output): the
# firmware's Multiboot2 memory map ("mem: [mem A-B] type" lines of the boot
# log) cut by what Sprout reserves on top of it ("mm: reserved [mem A-B]
# what"), in address order, one band per stretch.  Band heights grow with
# the logarithm of the size, so 4 KiB and 1 TiB both fit on one page.
#
# Usage: tools/diagrams/physmem.sh [BOOT-LOG] > docs/tutorial/img/physical-memory.svg
# Without a log, boots build/sprout.iso (make first) and powers off.
set -eu
cd "$(dirname "$0")/../.."

if [ $# -ge 1 ]; then
	log=$1
else
	log=$(mktemp)
	trap 'rm -f "$log"' EXIT
	printf 'poweroff\n' | tools/run-qemu.sh --iso build/sprout.iso \
		--timeout 60 > "$log" 2>&1
fi
grep -q '\] mm: reserved \[mem ' "$log" ||
	{ echo "physmem.sh: no 'mm: reserved' lines in $log" >&2; exit 1; }

tr -d '\r' < "$log" | awk '
BEGIN { nm = 0; nr = 0; nb = 0 }
# Hexadecimal "0x..." to a number and back (addresses fit a double exactly).
function num(h,   i, v) {
	h = tolower(h); sub(/^0x/, "", h); v = 0
	for (i = 1; i <= length(h); i++)
		v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
function hex(v,   s, d) {
	s = ""
	do { d = v % 16; s = substr("0123456789abcdef", d + 1, 1) s; v = (v - d) / 16 } while (v > 0)
	while (length(s) < 8) s = "0" s
	return "0x" s
}
function human(n) {
	if (n >= 1073741824) return sprintf("%.4g GiB", n / 1073741824)
	if (n >= 1048576) return sprintf("%.4g MiB", n / 1048576)
	if (n >= 1024) return sprintf("%.4g KiB", n / 1024)
	return n " bytes"
}
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); return s }
function range_of(line, a) {
	match(line, /\[mem 0x[0-9a-f]+-0x[0-9a-f]+\]/)
	split(substr(line, RSTART + 5, RLENGTH - 6), a, "-")
}
/\] mem: \[mem / {
	range_of($0, a)
	ms[nm] = num(a[1]); me[nm] = num(a[2]) + 1
	mt[nm] = $0; sub(/.*\] /, "", mt[nm]); nm++
	b[nb++] = ms[nm - 1]; b[nb++] = me[nm - 1]
}
/\] mm: reserved \[mem / {
	range_of($0, a)
	rs[nr] = num(a[1]); re[nr] = num(a[2]) + 1
	rw[nr] = $0; sub(/.*\] /, "", rw[nr]); nr++
	b[nb++] = rs[nr - 1]; b[nb++] = re[nr - 1]
}
END {
	# Sorted, distinct boundaries (insertion sort: a few dozen).
	for (i = 1; i < nb; i++)
		for (j = i; j > 0 && b[j] < b[j - 1]; j--) { t = b[j]; b[j] = b[j - 1]; b[j - 1] = t }
	n = 0
	for (i = 0; i < nb; i++) if (i == 0 || b[i] != b[i - 1]) u[n++] = b[i]
	# One stretch per pair of boundaries; neighbours with the same labels merge.
	k = 0
	for (i = 0; i + 1 < n; i++) {
		s = u[i]; e = u[i + 1]; fw = "not in the map"; sp = ""
		for (j = 0; j < nm; j++) if (s >= ms[j] && e <= me[j]) fw = mt[j]
		# The narrowest reservation wins: the information block sits
		# inside the image.
		best = -1
		for (j = 0; j < nr; j++)
			if (s >= rs[j] && e <= re[j] && (best < 0 || re[j] - rs[j] < re[best] - rs[best])) best = j
		if (best >= 0) sp = rw[best]
		else if (fw == "usable") sp = "free: the frame allocator hands it out"
		if (k > 0 && fw == F[k - 1] && sp == S[k - 1] && s == E[k - 1]) { E[k - 1] = e; continue }
		B[k] = s; E[k] = e; F[k] = fw; S[k] = sp; k++
	}
	# Layout.
	y = 70; for (i = 0; i < k; i++) { h = 22 + 5 * log((E[i] - B[i]) / 4096 + 1) / log(2); H[i] = int(h); y += H[i] }
	width = 900
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n", width, y + 60, width, y + 60
	print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
	print "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">Physical memory of one boot (QEMU -m 128, BIOS)</text>"
	print "<text x=\"20\" y=\"46\" fill=\"#444\">The firmware map (middle) and what Sprout keeps for itself (right); heights grow with log(size).</text>"
	printf "<text x=\"20\" y=\"64\" font-weight=\"bold\">address</text><text x=\"250\" y=\"64\" font-weight=\"bold\">memory map says</text><text x=\"470\" y=\"64\" font-weight=\"bold\">Sprout</text>\n"
	y = 70
	for (i = 0; i < k; i++) {
		if (S[i] ~ /^free/) fill = "#d9f2d9"
		else if (S[i] != "") fill = "#ffd8a8"
		else if (F[i] == "not in the map") fill = "#ffffff"
		else fill = "#d0d0d0"
		dash = F[i] == "not in the map" ? " stroke-dasharray=\"4 3\"" : ""
		printf "<rect x=\"240\" y=\"%d\" width=\"640\" height=\"%d\" fill=\"%s\" stroke=\"#555\"%s/>\n", y, H[i], fill, dash
		ty = y + H[i] / 2 + 4
		printf "<text x=\"20\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s</text>\n", ty, hex(B[i])
		printf "<text x=\"250\" y=\"%d\">%s</text>\n", ty, esc(F[i])
		printf "<text x=\"470\" y=\"%d\">%s%s</text>\n", ty, esc(S[i] == "" ? "-" : S[i]), ""
		printf "<text x=\"870\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">%s</text>\n", ty, human(E[i] - B[i])
		y += H[i]
	}
	printf "<text x=\"20\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\">%s</text>\n", y + 4, hex(E[k - 1])
	y += 24
	printf "<rect x=\"20\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#d9f2d9\" stroke=\"#555\"/><text x=\"40\" y=\"%d\">free RAM</text>\n", y, y + 12
	printf "<rect x=\"140\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#ffd8a8\" stroke=\"#555\"/><text x=\"160\" y=\"%d\">reserved by Sprout</text>\n", y, y + 12
	printf "<rect x=\"310\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#d0d0d0\" stroke=\"#555\"/><text x=\"330\" y=\"%d\">reserved by the firmware</text>\n", y, y + 12
	printf "<rect x=\"500\" y=\"%d\" width=\"14\" height=\"14\" fill=\"white\" stroke=\"#555\" stroke-dasharray=\"4 3\"/><text x=\"520\" y=\"%d\">no entry: no RAM there (device memory, or nothing)</text>\n", y, y + 12
	print "</svg>"
}'
