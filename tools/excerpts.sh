#!/bin/bash
# Keep the tutorial's code excerpts equal to the source they quote.
#
# In a source file an excerpt is the lines strictly between a line holding
# "excerpt: NAME" and one holding "excerpt-end: NAME" (NAME is [a-z0-9-]+,
# once per file), written as comments in the file's language; a lab's
# markers inside one ("lab: NN NAME" lines, tools/lab.sh) are left out.
# In a chapter it is the line
#     <!-- excerpt: PATH NAME -->
# (PATH from the repository root) directly followed by a fenced code block.
#
#   tools/excerpts.sh check FILE.md...    fail, naming chapter, line, source
#                                         and marker, on any excerpt that is
#                                         not the source's lines
#   tools/excerpts.sh update FILE.md...   rewrite every excerpt from the source
#   tools/excerpts.sh show PATH NAME      print one excerpt of a source file
#
# Exit status: 0 all good, 1 an excerpt differs or cannot be read, 64 usage.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.." || exit 1
root=$PWD

usage() {
	echo "usage: tools/excerpts.sh check|update FILE.md... | show PATH NAME" >&2
	exit 64
}

# source_excerpt PATH NAME: print the lines between NAME's markers in PATH
# (relative to the repository root); on a problem, print why to stderr and
# return 1.
source_excerpt() {
	local path=$1 name=$2
	if [[ ! $name =~ ^[a-z0-9-]+$ ]]; then
		echo "marker name '$name' is not [a-z0-9-]+" >&2
		return 1
	fi
	if [ ! -f "$root/$path" ]; then
		echo "source file $path does not exist" >&2
		return 1
	fi
	# A marker is NAME after "excerpt: " or "excerpt-end: ", not followed by
	# another name character (so "foo" does not match "foo-bar").
	awk -v name="$name" -v path="$path" '
	function marks(line, kind,    i, rest) {
		i = index(line, kind name)
		while (i > 0) {
			rest = substr(line, i + length(kind name), 1)
			if (rest !~ /[a-z0-9-]/)
				return 1
			line = substr(line, i + 1)
			i = index(line, kind name)
		}
		return 0
	}
	marks($0, "excerpt: ") {
		starts++
		if (starts == 1) { start = NR; inside = 1; top = ($0 !~ /^[ \t]/); next }
	}
	marks($0, "excerpt-end: ") {
		ends++
		if (ends == 1) { end = NR; inside = 0 }
		next
	}
	# What a lab removes is marked for tools/lab.sh, not for the reader.
	inside && /^[ \t]*(\/\*|\/\/|;|#) lab(-end)?: [0-9][0-9] [a-z0-9-]+( \*\/)?[ \t]*$/ {
		next
	}
	inside {
		body[++n] = $0
		# Braces of the code, not of its strings, characters or comments.
		code = $0
		gsub(/"([^"\\]|\\.)*"/, "", code)
		gsub(/\047([^\047\\]|\\.)+\047/, "", code)
		gsub(/\/\*.*\*\//, "", code)
		sub(/\/\/.*/, "", code)
		depth += gsub(/{/, "{", code) - gsub(/}/, "}", code)
	}
	END {
		if (starts == 0) {
			printf "marker \"excerpt: %s\" not found in %s\n", name, path > "/dev/stderr"
			exit 1
		}
		if (starts > 1 || ends > 1) {
			printf "marker \"%s\" appears more than once in %s\n", name, path > "/dev/stderr"
			exit 1
		}
		if (ends == 0 || end < start) {
			printf "marker \"excerpt-end: %s\" not found after line %d of %s\n", name, start, path > "/dev/stderr"
			exit 1
		}
		# An excerpt that starts outside a function ends outside it too: a
		# reader is never shown a function cut off before its end.
		if (top && depth != 0 && path ~ /\.[ch]$/) {
			printf "excerpt %s of %s ends inside a block it opened (move \"excerpt-end: %s\" after its closing brace)\n", name, path, name > "/dev/stderr"
			exit 1
		}
		for (i = 1; i <= n; i++)
			print body[i]
	}' "$root/$path"
}

# excerpt_list FILE.md: one line per excerpt of a chapter,
#     COMMENT_LINE OPEN_LINE CLOSE_LINE INDENT PATH NAME
# where OPEN_LINE and CLOSE_LINE are its fences and INDENT the number of
# characters the comment is indented by (an excerpt inside a list item), which
# the block's lines carry too; a malformed excerpt is reported on stderr as
# "FILE:LINE: ..." and makes the status 1.
excerpt_list() {
	awk -v md="$1" '
	BEGIN { bad = 0 }
	state == 0 && /^[ \t]*<!-- excerpt:/ {
		match($0, /^[ \t]*/)
		indent = RLENGTH
		line = substr($0, indent + 1)
		if (!match(line, /^<!-- excerpt: [^ ]+ [a-z0-9-]+ -->[ \t]*$/)) {
			printf "%s:%d: malformed excerpt line (want <!-- excerpt: PATH NAME -->): %s\n", md, NR, $0 > "/dev/stderr"
			bad = 1; next
		}
		split(line, f, " ")
		comment = NR; path = f[3]; name = f[4]; state = 1; next
	}
	state == 1 {
		line = substr($0, indent + 1)
		if (!match(line, /^(```+|~~~+)/)) {
			printf "%s:%d: excerpt %s %s: the next line must open a fenced code block\n", md, comment, path, name > "/dev/stderr"
			bad = 1; state = 0; next
		}
		fence = substr(line, 1, RLENGTH); open = NR; state = 2; next
	}
	state == 2 {
		line = $0
		sub(/^[ \t]*/, "", line)
		if (index(line, fence) == 1 && line ~ /^(`+|~+)[ \t]*$/ &&
		    substr(line, 1, 1) == substr(fence, 1, 1)) {
			print comment, open, NR, indent, path, name; state = 0
		}
		next
	}
	END {
		if (state != 0) {
			printf "%s:%d: excerpt %s %s: code block never closed\n", md, comment, path, name > "/dev/stderr"
			bad = 1
		}
		exit bad
	}' "$1"
}

# block_lines FILE.md FIRST LAST INDENT: the lines of a block without the
# indentation of the list item it sits in.
block_lines() {
	awk -v first="$2" -v last="$3" -v indent="$4" '
	NR >= first && NR <= last {
		for (i = 0; i < indent && substr($0, 1, 1) ~ /[ \t]/; i++)
			$0 = substr($0, 2)
		print
	}' "$1"
}

# check_file FILE.md: compare every excerpt with its source.
check_file() {
	local md=$1 comment open close indent path name bad=0 list want have
	list=$(excerpt_list "$md") || bad=1
	while read -r comment open close indent path name; do
		[ -n "$comment" ] || continue
		# The trailing "." keeps trailing empty lines in the comparison.
		if ! want=$(source_excerpt "$path" "$name" 2>&1 && echo .); then
			echo "$md:$comment: excerpt $path $name: $want" >&2
			bad=1
			continue
		fi
		have=$(block_lines "$md" $((open + 1)) $((close - 1)) "$indent"; echo .)
		if [ "$want" != "$have" ]; then
			echo "$md:$comment: excerpt $path $name differs from the source" \
				"(tools/excerpts.sh update $md):" >&2
			diff <(printf '%s' "${have%.}") <(printf '%s' "${want%.}") |
				sed 's/^/    /' | head -n 20 >&2
			bad=1
		fi
	done <<< "$list"
	return $bad
}

# update_file FILE.md: rewrite every excerpt's block from its source; the
# file is left alone if any excerpt cannot be read.
update_file() {
	local md=$1 comment open close indent path name list next=1 body tmp changed=0
	list=$(excerpt_list "$md") || return 1
	tmp=$(mktemp "$md.XXXXXX") || return 1
	while read -r comment open close indent path name; do
		[ -n "$comment" ] || continue
		if ! body=$(source_excerpt "$path" "$name" 2>&1 && echo .); then
			echo "$md:$comment: excerpt $path $name: $body" >&2
			rm -f "$tmp"
			return 1
		fi
		sed -n "$next,${open}p" "$md" >> "$tmp"
		# Inside a list item, each non-empty line takes the item's indent.
		printf '%s' "${body%.}" |
			awk -v pad="$(sed -n "${comment}s/^\([ \t]*\).*/\1/p" "$md")" \
				'{ print ($0 == "" ? "" : pad) $0 }' >> "$tmp"
		next=$close
	done <<< "$list"
	sed -n "$next,\$p" "$md" >> "$tmp"
	if cmp -s "$tmp" "$md"; then
		rm -f "$tmp"
	else
		cat "$tmp" > "$md" && rm -f "$tmp"
		changed=1
	fi
	[ $changed = 1 ] && echo "updated $md"
	return 0
}

[ $# -ge 1 ] || usage
mode=$1
shift
case $mode in
check | update)
	[ $# -ge 1 ] || usage
	status=0
	for md in "$@"; do
		# Arguments are relative to where the caller stood.
		case $md in
		/*) ;;
		*) md=${OLDPWD:-.}/$md ;;
		esac
		md=$(realpath --relative-to="$root" "$md")
		if [ ! -f "$md" ]; then
			echo "tools/excerpts.sh: $md: no such file" >&2
			status=1
			continue
		fi
		if [ "$mode" = check ]; then
			check_file "$md" || status=1
		else
			update_file "$md" || status=1
		fi
	done
	exit $status
	;;
show)
	[ $# -eq 2 ] || usage
	source_excerpt "$1" "$2"
	;;
*) usage ;;
esac
