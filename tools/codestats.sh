#!/bin/sh
# Size figures of the source at a commit, to compare two of them: the
# largest source files and the longest functions, in lines.
#
#   tools/codestats.sh [-n N] [REV]     REV: a commit (default HEAD)
#
# Files are the tracked .c, .h, .asm and .S files.  A function is a
# definition in Linux brace style: its head starts in column 0 and its body
# is a "{" line and a "}" line in column 0; its length counts from the
# head's first line to the "}".
set -eu
cd "$(dirname "$0")/.."
n=10
if [ "${1:-}" = -n ]; then
	n=$2
	shift 2
fi
rev=${1:-HEAD}
files=$(git ls-tree -r --name-only "$rev" | grep -E '\.(c|h|asm|S)$')

echo "# $n largest source files at $(git rev-parse --short "$rev") (lines)"
for f in $files; do
	printf '%s %s\n' "$(git show "$rev:$f" | wc -l)" "$f"
done | sort -rn | head -n "$n"

echo "# $n longest functions at $(git rev-parse --short "$rev") (lines)"
for f in $files; do
	case $f in *.c) ;; *) continue ;; esac
	git show "$rev:$f" | awk -v file="$f" '
		# A line in column 0 that is not a brace, comment or directive
		# may start a function head; a "{" alone in column 0 opens it.
		/^[A-Za-z_]/ && !/;[ \t]*$/ {
			if (!in_head) { head = NR; text = "" }
			text = text " " $0; in_head = 1; next
		}
		/^\{/ && in_head { open = head; name = text; in_head = 0; next }
		/^\}/ && open {
			sub(/\(.*/, "", name); k = split(name, w, /[ \t*]+/)
			printf "%d %s:%s\n", NR - open + 1, file, w[k]
			open = 0; next
		}
		/^[ \t]/ && in_head { text = text " " $0; next }
		{ in_head = 0 }'
done | sort -rn | head -n "$n"
