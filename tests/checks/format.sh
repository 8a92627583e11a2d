# C sources are in .clang-format's style: every .c and .h file of the tree
# (tools/format.sh --list, the files make format formats) comes out of
# clang-format 14 unchanged.  A file formatted differently is named, and a
# deliberately misformatted copy fails the same check.
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/format
mkdir -p "$dir"
cf=$(command -v clang-format-14 || command -v clang-format) ||
	{ tap fail 'clang-format 14 is installed (make deps)'; exit 0; }
case $("$cf" --version) in
*" 14."*) ;;
*) tap fail "clang-format is version 14 ($cf: $("$cf" --version))"; exit 0 ;;
esac

# unformatted FILE...: the files clang-format would change, from one run
# over them all (one process: a run per file cost 15 s of CPU); a run that
# fails without naming a file fails the check too.
unformatted() {
	local report
	report=$("$cf" --style=file:.clang-format --dry-run -Werror "$@" 2>&1) && return
	grep -o '^[^:]*:[0-9]*:[0-9]*: error: code should be clang-formatted' <<< "$report" |
		cut -d: -f1 | uniq | grep . || echo "clang-format failed: $report"
}

log=$dir/tree.log
files=$(tools/format.sh --list)
unformatted $files > "$log"
n=$(echo "$files" | wc -w)
if [ "$n" -gt 0 ] && [ ! -s "$log" ]; then
	tap ok "$n C files are formatted as .clang-format says"
else
	tap fail "C files are formatted as .clang-format says (see $log; make format)"
	sed 's/^/#   /' "$log"
fi

log=$dir/bad.log
printf 'int  f( int x ){return x;}\n' > "$dir/bad.c"
cp .clang-format "$dir/.clang-format"
(cd "$dir" && unformatted bad.c) > "$log"
if [ -s "$log" ]; then
	tap ok 'a misformatted file is caught'
else
	tap fail 'a misformatted file is caught'
fi

# twice_included FILE...: "FILE: #include <x>" for each header a file
# includes more than once (a leftover formatting does not catch).
twice_included() {
	local f
	for f in "$@"; do
		grep -h '^#include' "$f" | sort | uniq -d | sed "s|^|$f: |"
	done
}

log=$dir/includes.log
twice_included $files > "$log"
if [ -s "$log" ]; then
	tap fail "no C file includes a header twice (see $log)"
	sed 's/^/#   /' "$log"
else
	tap ok "no C file includes a header twice"
fi
printf '#include <a.h>\n#include <b.h>\n#include <a.h>\n' > "$dir/twice.c"
if twice_included "$dir/twice.c" | grep -q 'twice.c: #include <a.h>'; then
	tap ok 'a header included twice is caught'
else
	tap fail 'a header included twice is caught'
fi
