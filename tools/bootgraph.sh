#!/bin/bash
# Turn a boot log taken with "initcall_debug" into an SVG timeline: one bar
# per initcall and per boot-time module's init_module, at the time it began
# and as long as it ran, grouped by initcall level, with its name and
# duration.  The log's "calling  fn @ level" and "initcall fn returned R
# after N usecs" lines are all it reads.
#
# Usage: tools/bootgraph.sh LOG > graph.svg
set -eu
log=${1:?usage: tools/bootgraph.sh LOG > graph.svg}

# One "start_us level name duration_us result" line (tab-separated: module
# names have a space, "fn [mod]") per finished call, in
# the order they began.  Names lose their "+0x0/0x40" offsets.
calls() {
	tr -d '\r' < "$log" | awk '
	/\] calling  / {
		t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t)
		n = $0; sub(/.*\] calling  /, "", n); lvl = n
		sub(/ @ .*/, "", n); sub(/.* @ /, "", lvl)
		start[n] = t * 1000000; level[n] = lvl; order[++count] = n
		next
	}
	/\] initcall .* returned .* after [0-9]+ usecs/ {
		n = $0; sub(/.*\] initcall /, "", n); sub(/ returned .*/, "", n)
		r = $0; sub(/.* returned /, "", r); sub(/ after .*/, "", r)
		d = $0; sub(/.* after /, "", d); sub(/ usecs.*/, "", d)
		dur[n] = d; res[n] = r
	}
	END {
		for (i = 1; i <= count; i++) {
			n = order[i]
			if (!(n in dur))
				continue
			short = n; sub(/\+0x[0-9a-f]+\/0x[0-9a-f]+/, "", short)
			printf "%d\t%s\t%s\t%d\t%s\n", start[n], level[n], short, dur[n], res[n]
		}
	}'
}

# XML text: escape what the markup would take for its own.
xml() { sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'; }

calls > "${TMPDIR:-/tmp}/bootgraph.$$"
trap 'rm -f "${TMPDIR:-/tmp}/bootgraph.$$"' EXIT
data=${TMPDIR:-/tmp}/bootgraph.$$
[ -s "$data" ] || { echo "bootgraph: no initcall_debug lines in $log" >&2; exit 1; }

xml < "$data" | awk -F '\t' '
BEGIN {
	row = 16; left = 250; width = 900; top = 40
	# One colour a level, in the order levels appear.
	split("#4e79a7 #f28e2b #e15759 #76b7b2 #59a14f #edc948 #b07aa1 #ff9da7 #9c755f #bab0ac", palette, " ")
}
{
	n++; s[n] = $1; lvl[n] = $2; name[n] = $3; d[n] = $4; r[n] = $5
	if (n == 1 || $1 < t0) t0 = $1
	if ($1 + $4 > t1) t1 = $1 + $4
	if (!($2 in colour)) { colour[$2] = palette[(++levels - 1) % 10 + 1]; first[$2] = n }
}
END {
	span = t1 - t0; if (span <= 0) span = 1
	h = top + n * row + 40
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"11\">\n", left + width + 220, h
	printf "<title>Sprout boot: initcalls and boot-time modules</title>\n"
	printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
	printf "<text x=\"10\" y=\"20\" font-size=\"14\">Sprout boot timeline: %d calls over %.3f ms (initcall_debug)</text>\n", n, span / 1000
	# Time axis: ten ticks.
	for (i = 0; i <= 10; i++) {
		x = left + width * i / 10
		printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>\n", x, top - 5, x, h - 30
		printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f ms</text>\n", x, h - 15, (t0 + span * i / 10) / 1000
	}
	for (i = 1; i <= n; i++) {
		y = top + (i - 1) * row
		x = left + width * (s[i] - t0) / span
		w = width * d[i] / span; if (w < 1) w = 1
		if (first[lvl[i]] == i)
			printf "<text x=\"10\" y=\"%d\" font-weight=\"bold\" fill=\"%s\">%s</text>\n", y + 11, colour[lvl[i]], lvl[i]
		printf "<g class=\"bar\"><title>%s</title>", name[i]
		printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, y + 2, w, row - 4, colour[lvl[i]]
		printf "<text x=\"%.1f\" y=\"%d\">%s %d us%s</text></g>\n", x + w + 4, y + 11, name[i], d[i], r[i] == "0" ? "" : " (returned " r[i] ")"
	}
	printf "</svg>\n"
}'
