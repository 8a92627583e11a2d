#!/bin/bash
# Check the relative links and images of Markdown files: each target file
# exists, and an anchor into a Markdown file (its own or another) names one
# of its headings.  Heading identifiers are made as GitHub and the book's
# pandoc (gfm_auto_identifiers) make them: lower case, punctuation and
# non-ASCII characters dropped, spaces turned into "-", a repeated one
# given "-1", "-2"...  Links inside code are not links and are skipped.
#
# Usage: tools/mdlinks.sh [-p CONTENTS.md] FILE.md...
# Prints "FILE:LINE: link TARGET: why" for each broken one; status 1 then.
# With -p, a file that CONTENTS.md links to but that does not exist yet is
# planned, not broken: a link to it is printed as "pending: FILE:LINE: ..."
# and does not fail (chapters written in parallel link to each other).
set -u
export LC_ALL=C

# anchors FILE.md: the identifiers of its headings, one a line.
anchors() {
	awk '
	/^(```|~~~)/ { code = !code; next }
	code || !/^#+ / { next }
	{
		text = $0
		sub(/^#+ +/, "", text)
		sub(/ +#* *$/, "", text)
		text = tolower(text)
		id = ""
		for (i = 1; i <= length(text); i++) {
			c = substr(text, i, 1)
			if (c ~ /[a-z0-9_-]/)
				id = id c
			else if (c == " ")
				id = id "-"
		}
		if (id in seen)
			print id "-" seen[id]++
		else {
			seen[id] = 1
			print id
		}
	}' "$1"
}

# links FILE.md: "LINE TARGET" for every inline link or image outside code.
links() {
	awk '
	/^(```|~~~)/ { code = !code; next }
	code { next }
	{
		line = $0
		gsub(/`[^`]*`/, "", line)	# inline code
		while (match(line, /\]\([^) ]+( "[^"]*")?\)/)) {
			target = substr(line, RSTART + 2, RLENGTH - 3)
			sub(/ ".*$/, "", target)
			print NR, target
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$1"
}

planned=
if [ "${1:-}" = -p ]; then
	contents=$2
	shift 2
	planned=$(links "$contents" | while read -r _ target; do
		realpath -m "$(dirname "$contents")/${target%%#*}"
	done)
fi

status=0
for md in "$@"; do
	base=$(dirname "$md")
	while read -r line target; do
		[ -n "$line" ] || continue
		case $target in
		http://* | https://* | mailto:*) continue ;;
		esac
		path=${target%%#*}
		anchor=
		[ "$path" != "$target" ] && anchor=${target#*#}
		file=$md
		[ -n "$path" ] && file=$base/$path
		if [ ! -e "$file" ] && [ -n "$planned" ] &&
			grep -qxF -- "$(realpath -m "$file")" <<< "$planned"; then
			echo "pending: $md:$line: link $target: planned, not written yet"
			continue
		fi
		if [ ! -e "$file" ]; then
			echo "$md:$line: link $target: $file does not exist"
			status=1
			continue
		fi
		[ -n "$anchor" ] || continue
		case $file in
		*.md) ;;
		*) continue ;;
		esac
		if ! anchors "$file" | grep -qxF -- "$anchor"; then
			echo "$md:$line: link $target: no heading of $file has the identifier #$anchor"
			status=1
		fi
	done < <(links "$md")
done
exit $status
