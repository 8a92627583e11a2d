#!/bin/bash
# Check that the repository paths a Markdown file names in code spans
# (`kernel/cpu/gdt.c`, `tools/mkiso.sh KERNEL OUT.iso`) exist, so that a
# moved or deleted file cannot leave the book pointing at nothing.  A path
# is a word of a code span that starts with one of the repository's
# top-level folders and a "/", or is linker.ld or Makefile; a trailing
# ":LINE" or punctuation is dropped.  Not checked: fenced code (excerpts are
# checked against their source, commands run), words with a pattern or a
# placeholder in them (*, …, <, $, {), generated files (build/), a file the
# text asks the reader to make (a code span right after "Write"), and code
# spans that are the text of a link to a web page (the Linux source files
# "How Linux does it" names, which share folder names with Sprout's).
#
# Usage: tools/mdpaths.sh FILE.md...   (from anywhere; paths are from the
# repository root)
# Prints "FILE:LINE: `PATH` does not exist" for each; status 1 then.
set -u
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: tools/mdpaths.sh FILE.md..." >&2; exit 64; }

# paths FILE.md: "LINE<TAB>PATH" for every repository path in its code
# spans.  Paragraphs are read whole, since a code span may be wrapped.
paths() {
	awk '
	function flush(   text, span, before, n, w, i, word) {
		text = para
		para = ""
		# The code spans that are a web link'"'"'s text name other trees.
		gsub(/\[`[^`]*`\]\(https?:[^)]*\)/, "", text)
		line = start
		while (match(text, /`[^`]+`/)) {
			before = substr(text, 1, RSTART - 1)
			span = substr(text, RSTART + 1, RLENGTH - 2)
			text = substr(text, RSTART + RLENGTH)
			n = split(span, w, /[ \t\n]+/)
			# "Write `tests/boot/greeting.sh`": a file the reader makes.
			if (before ~ /[Ww]rite[ \n]$/)
				for (i = 1; i <= n; i++)
					made[w[i]] = 1
			line += gsub(/\n/, "", before)
			for (i = 1; i <= n; i++) {
				word = w[i]
				sub(/^[("'"'"']+/, "", word)
				sub(/[.,;:)"'"'"']+$/, "", word)
				sub(/:[0-9]+(-[0-9]+)?$/, "", word)
				if (word ~ /[*<>${}]|…|\.\.\./ || word in made)
					continue
				if (word ~ /^(boot|docs|drivers|include|iso|kernel|mm|modules|tests|tools)\/[A-Za-z0-9_.\/+-]*$/ ||
				    word ~ /^(linker\.ld|Makefile)$/)
					print line "\t" word
			}
			line += gsub(/\n/, "", span)
		}
	}
	/^[ \t]*(```|~~~)/ { flush(); fence = !fence; next }
	fence { next }
	/^[ \t]*$/ { flush(); next }
	{
		if (para == "") {
			start = NR
			para = $0
		} else {
			para = para "\n" $0
		}
	}
	END { flush() }' "$1"
}

status=0
for md in "$@"; do
	while IFS=$'\t' read -r line path; do
		if [ ! -e "$root/$path" ]; then
			echo "$md:$line: \`$path\` does not exist"
			status=1
		fi
	done < <(paths "$md")
done
exit $status
