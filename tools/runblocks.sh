#!/bin/bash
# Run the tutorial's "Run it" blocks and check what they print.
#
# A run block is the line "<!-- run -->" directly followed by a fenced block
# of language "console".  Its lines starting with "$ " are commands (a line
# ending in "\" continues on the next); every other non-empty line is an
# expected line: it must appear, in order, as a substring of some line of
# the commands' combined output, a later line than the one before matched.
# A "…" (U+2026) in an expected line matches any text.  A kernel log time
# stamp opening an output line ("[   12.345678] ") is read as "[    ] ", so
# that the book's "[    …] " matches it whatever the number's width.
#
# The commands of a block run in order, as one bash script from the
# repository root, with standard input from /dev/null and a time limit
# (TIMEOUT seconds, default 180); the blocks of a file run one after the
# other, so a later block may use what an earlier one made.  make is told
# to write the ISO and the initrd under the work directory (ISO= and INITRD=
# in MAKEFLAGS), so that "make run" in a block never rewrites the shared
# build/sprout.iso while other tests read it; a block must not change the
# build's configuration (CC=, RTC=, PCI=: use BUILD=<dir> for that).  A
# "make test" in a block keeps its results under the work directory too
# (TEST_OUT), apart from those of a test run that runs this one.
#
# Usage: tools/runblocks.sh [-o WORKDIR] FILE.md...
# Prints one TAP line per block ("ok - FILE:LINE: $ first command"), with
# the reason and the end of the output under a failure; WORKDIR/times gets
# "MS ms FILE:LINE", the time each block took.  Exit status 0 when
# every block passed, 1 otherwise, 64 on bad usage.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.." || exit 1
root=$PWD
work=${TMPDIR:-/tmp}/sprout-runblocks.$$
keep=0
while getopts o: opt; do
	case $opt in
	o) work=$OPTARG; keep=1 ;;
	*) echo "usage: tools/runblocks.sh [-o WORKDIR] FILE.md..." >&2; exit 64 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: tools/runblocks.sh [-o WORKDIR] FILE.md..." >&2; exit 64; }
case $work in /*) ;; *) work=$OLDPWD/$work ;; esac
mkdir -p "$work" || exit 1
[ $keep = 1 ] || trap 'rm -rf "$work"' EXIT
timeout=${TIMEOUT:-180}

# split_blocks FILE.md DIR: write each run block's lines to DIR/LINE.block,
# LINE being the "<!-- run -->" line; report malformed blocks on stderr.
split_blocks() {
	awk -v md="$1" -v dir="$2" '
	BEGIN { bad = 0 }
	state == 0 && /^[ \t]*<!-- run -->[ \t]*$/ {
		match($0, /^[ \t]*/)
		indent = RLENGTH
		start = NR; state = 1; next
	}
	state == 1 {
		line = substr($0, indent + 1)
		if (!match(line, /^(```+|~~~+)[ \t]*console[ \t]*$/)) {
			printf "%s:%d: <!-- run --> must be followed by a ```console block\n", md, start > "/dev/stderr"
			bad = 1; state = 0; next
		}
		match(line, /^(```+|~~~+)/)
		fence = substr(line, 1, RLENGTH)
		file = dir "/" start ".block"
		printf "" > file
		state = 2; next
	}
	state == 2 {
		line = $0
		# Drop the indentation of the list item the block sits in.
		for (i = 0; i < indent && substr(line, 1, 1) ~ /[ \t]/; i++)
			line = substr(line, 2)
		if (index(line, fence) == 1 && line ~ /^(`+|~+)[ \t]*$/) {
			close(file); state = 0; next
		}
		print line > file
	}
	END {
		if (state == 2) {
			printf "%s:%d: run block never closed\n", md, start > "/dev/stderr"
			bad = 1
		}
		exit bad
	}' "$1"
}

# parse_block BLOCK: BLOCK.sh (the commands) and BLOCK.want (expected lines).
parse_block() {
	awk -v sh="$1.sh" -v want="$1.want" '
	BEGIN { printf "" > sh; printf "" > want }
	cont { print > sh; cont = /\\$/; next }
	/^\$ / { print substr($0, 3) > sh; cont = /\\$/; next }
	/^[ \t]*$/ { next }
	{ print > want }' "$1"
}

# match_output WANT OUTPUT: status 0 if every line of WANT is found in
# order; else print which line is missing.
match_output() {
	awk -v wantfile="$1" '
	function found(line, pattern,    n, piece, i, j, pos) {
		n = split(pattern, piece, "\342\200\246")
		pos = 1
		for (i = 1; i <= n; i++) {
			if (piece[i] == "")
				continue
			j = index(substr(line, pos), piece[i])
			if (j == 0)
				return 0
			pos += j - 1 + length(piece[i])
		}
		return 1
	}
	BEGIN {
		while ((getline l < wantfile) > 0)
			want[++n] = l
		i = 1
	}
	{
		line = $0
		sub(/\r$/, "", line)
		gsub(/\033\[[0-9;?]*[A-Za-z]/, "", line)
		sub(/^\[ *[0-9]+\.[0-9]+\] /, "[    ] ", line)
		if (i <= n && found(line, want[i])) {
			at = NR
			i++
		}
	}
	END {
		if (n == 0) {
			print "the block expects no output line: name at least one"
			exit 1
		}
		if (i <= n) {
			printf "expected line %d of %d not found", i, n
			if (i > 1)
				printf " after output line %d", at
			printf ": %s\n", want[i]
			exit 1
		}
	}' "$2"
}

# run_file FILE.md: run its blocks, one TAP line each.
run_file() {
	local md=$1 dir block line first status reason bad=0
	dir=$work/$(basename "$md" .md)
	rm -rf "$dir"
	mkdir -p "$dir"
	split_blocks "$md" "$dir" || bad=1
	for line in $(ls "$dir" | sed -n 's/\.block$//p' | sort -n); do
		block=$dir/$line.block
		parse_block "$block"
		first=$(head -n 1 "$block.sh")
		if [ ! -s "$block.sh" ]; then
			echo "not ok - $md:$line: run block has no '\$ ' command"
			bad=1
			continue
		fi
		start=$(date +%s%N)
		(cd "$root" &&
			MAKEFLAGS="ISO=$dir/sprout.iso INITRD=$dir/initrd.cpio" \
				TEST_OUT=$dir/tests timeout -k 5 "$timeout" bash "$block.sh") \
			< /dev/null > "$block.out" 2>&1
		status=$?
		echo "$(( ($(date +%s%N) - start) / 1000000 )) ms $md:$line" >> "$work/times"
		if [ $status = 124 ] || [ $status = 137 ]; then
			reason="timed out after ${timeout}s"
		else
			reason=$(match_output "$block.want" "$block.out") && reason=
		fi
		if [ -z "$reason" ]; then
			echo "ok - $md:$line: \$ $first"
			continue
		fi
		bad=1
		echo "not ok - $md:$line: \$ $first"
		echo "# $reason (commands exited with status $status)"
		echo "# output: $block.out"
		tail -n 15 "$block.out" | sed 's/\r$//; s/^/#   /'
	done
	return $bad
}

status=0
for md in "$@"; do
	case $md in /*) ;; *) md=$OLDPWD/$md ;; esac
	md=$(realpath --relative-to="$root" "$md")
	if [ ! -f "$md" ]; then
		echo "not ok - $md: no such file"
		status=1
		continue
	fi
	run_file "$md" || status=1
done
exit $status
