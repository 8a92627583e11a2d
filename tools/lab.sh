#!/bin/bash
# The book's labs: a copy of Sprout with a chapter's core code taken out,
# for the reader to write again, and a grader that runs the tests covering it.
#
# What a lab removes is marked in the source, on lines of their own:
#     /* lab: NN NAME */ ... /* lab-end: NN NAME */
# (NN the chapter, NAME [a-z0-9-]+; the comment syntax of the file's
# language).  docs/tutorial/labs/NN/ holds LAB.md (what to write), NAME.stub
# (what replaces the marked lines, markers included: code that compiles and
# fails loudly, saying "lab NN: FUNCTION() is not written yet") and grade
# (the tests and their points).  The removed lines are found in the live
# source every time, so a lab cannot drift from the code it removes.
#
#   tools/lab.sh make NN [DIR]  write lab NN's tree to DIR (default
#                               $BUILD/labs/NN; it must not exist, or be
#                               empty): the repository's files
#                               (git ls-files), the marked regions replaced
#                               by their stubs, LAB.md at the top
#   tools/lab.sh grade [NN]     build and run lab NN's graded tests in this
#                               tree (NN from .lab in a lab tree), print a
#                               score per test and the total
#   tools/lab.sh list           every lab: its regions and graded tests
#
# A grade file has one test per line, "KIND NAME POINTS": "unit test_x"
# (a host unit test), "ktest SUITE" (one boot of the test kernel with
# ktest=SUITE) or "boot NAME" (tests/boot/NAME.sh).  A test scores its
# points when it ran, reported at least one "ok" and no "not ok".
#
# Exit status: 0 done (grade: every test passed), 1 a lab cannot be made or
# a test failed, 64 usage.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
labs=docs/tutorial/labs

usage() {
	echo "usage: tools/lab.sh make NN [DIR] | grade [NN] | list" >&2
	exit 64
}

die() {
	echo "tools/lab.sh: $*" >&2
	exit 1
}

# lab_number N: N as two digits ("9" -> "09"), or a complaint.
lab_number() {
	[[ $1 =~ ^[0-9]{1,2}$ ]] || die "lab number '$1' is not a chapter number (make lab N=09)"
	printf '%02d' $((10#$1))
}

# lab_regions NN: the names of lab NN's stubs, one a line.
lab_regions() {
	local stub
	for stub in "$labs/$1"/*.stub; do
		[ -f "$stub" ] && basename "$stub" .stub
	done
}

# replace_region FILE NN NAME STUB: replace, in FILE, the lines from
# "lab: NN NAME" to "lab-end: NN NAME" with the lines of STUB; complain,
# naming the file, if the markers are not one pair in that order.
replace_region() {
	local file=$1 nn=$2 name=$3 stub=$4 tmp
	tmp=$(mktemp) || return 1
	awk -v begin="lab: $nn $name" -v end="lab-end: $nn $name" \
		-v stub="$stub" -v file="$file" '
	function marks(line, m,    i, rest) {
		i = index(line, m)
		if (i == 0)
			return 0
		rest = substr(line, i + length(m), 1)
		return rest !~ /[a-z0-9-]/
	}
	marks($0, end) {
		ends++
		if (!inside) { bad = "\"" end "\" before its start"; exit }
		inside = 0
		next
	}
	marks($0, begin) {
		starts++
		if (starts > 1) { bad = "\"" begin "\" more than once"; exit }
		inside = 1
		while ((getline line < stub) > 0)
			print line
		next
	}
	!inside { print }
	END {
		if (bad == "" && inside)
			bad = "no \"" end "\" after \"" begin "\""
		if (bad != "") {
			printf "tools/lab.sh: %s: %s\n", file, bad > "/dev/stderr"
			exit 1
		}
	}' "$file" > "$tmp" && cat "$tmp" > "$file"
	local rc=$?
	rm -f "$tmp"
	return $rc
}

# lab_make NN [DIR]: write lab NN's tree to DIR.
lab_make() {
	local nn dir name files src marked
	nn=$(lab_number "$1") || exit 1
	dir=${2:-$BUILD/labs/$nn}
	[ -f "$labs/$nn/LAB.md" ] ||
		die "there is no lab $nn (the labs: $(ls "$labs" | tr '\n' ' '))"
	[ -n "$(lab_regions "$nn")" ] || die "lab $nn has no stub ($labs/$nn/*.stub)"
	if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
		die "$dir already exists and is not empty (your work?); remove it or choose LAB_DIR=<dir>"
	fi
	git rev-parse --is-inside-work-tree > /dev/null 2>&1 ||
		die "not in a git working tree: a lab is made from Sprout's repository"
	# The tree as it is now, tracked or new, without what .gitignore keeps
	# out (build/); a file deleted but not yet committed is skipped.
	files=$(git ls-files --cached --others --exclude-standard | while read -r f; do
		[ -f "$f" ] && printf '%s\n' "$f"; done)
	# Every region marked for this lab has its stub, and every stub a region.
	marked=$(printf '%s\n' "$files" | grep -v "^$labs/" | tr '\n' '\0' |
		xargs -0 grep -ohE "(^|[^a-z0-9-])lab: $nn [a-z0-9-]+" 2>/dev/null |
		sed 's/.*lab: [0-9]* //' | sort -u)
	for name in $marked; do
		[ -f "$labs/$nn/$name.stub" ] ||
			die "region '$name' of lab $nn is marked in the source but has no stub $labs/$nn/$name.stub"
	done
	mkdir -p "$dir" || exit 1
	# tar keeps the files' times: a build copied beside them stays valid.
	printf '%s\n' "$files" | tar -cf - -T - | tar -xf - -C "$dir" || exit 1
	for name in $(lab_regions "$nn"); do
		src=$(cd "$dir" && printf '%s\n' "$files" | grep -v "^$labs/" |
			tr '\n' '\0' | xargs -0 grep -lE "(^|[^a-z0-9-])lab: $nn $name( |\$)" 2>/dev/null)
		case $(printf '%s' "$src" | grep -c .) in
		0) die "stub $labs/$nn/$name.stub: no source marks region '$name' (\"lab: $nn $name\")" ;;
		1) ;;
		*) die "region '$name' of lab $nn is marked in more than one file:" $src ;;
		esac
		replace_region "$dir/$src" "$nn" "$name" "$labs/$nn/$name.stub" || exit 1
		echo "  LAB     $src: $name replaced by a stub"
	done
	cp "$labs/$nn/LAB.md" "$dir/LAB.md" && echo "$nn" > "$dir/.lab" || exit 1
	echo "lab $nn written to $dir: read $dir/LAB.md, then run make grade there"
}

# grade_test DIR KIND NAME: run one graded test, its TAP lines into
# DIR/KIND-NAME.tap and its boots' logs into DIR.
grade_test() {
	local dir=$1 kind=$2 name=$3 out=$1/$2-$3.tap
	case $kind in
	unit)
		CMOCKA_MESSAGE_OUTPUT=TAP "$BUILD/tests/unit/$name" > "$out" 2>&1 ;;
	boot)
		TEST_OUT=$dir bash "tests/boot/$name.sh" > "$out" 2>&1 ;;
	ktest)
		# One boot, that suite alone, without the initrd's modules.
		TEST_OUT=$dir TEST_NAME=ktest-$name INITRD= bash -c '
			source tests/boot/lib.sh
			boot all "ktest=$1"
			ktap_results
			expect_status 0 "QEMU exit status reports success"
			grep -h "is not written yet" "$log" || :' grade "$name" > "$out" 2>&1 ;;
	*)
		echo "not ok - unknown kind of test '$kind'" > "$out"
		return 1 ;;
	esac
}

# lab_grade [NN]: build, run the grade file's tests, print the scores.
lab_grade() {
	local nn=${1:-} kind name points dir out score=0 total=0 ok bad rc targets=
	if [ -z "$nn" ]; then
		[ -f .lab ] || die "which lab? run make grade in a lab tree, or make grade N=NN"
		nn=$(cat .lab)
	fi
	nn=$(lab_number "$nn") || exit 1
	[ -f "$labs/$nn/grade" ] || die "lab $nn has no grade file ($labs/$nn/grade)"
	# Each lab its own: two labs may grade the same tree at once.
	dir=$BUILD/grade/$nn
	rm -rf "$dir"
	mkdir -p "$dir"
	while read -r kind name points; do
		case $kind in
		unit) targets="$targets $BUILD/tests/unit/$name" ;;
		boot | ktest) targets="$targets all $BUILD/test/sprout.elf" ;;
		esac
	done < <(grep -v '^#' "$labs/$nn/grade")
	echo "lab $nn: building"
	if ! make BUILD="$BUILD" $targets > "$dir/build.log" 2>&1; then
		grep -E 'error|Error' "$dir/build.log" | head -n 20
		echo "the build failed ($dir/build.log)"
		echo "Score: 0"
		return 1
	fi
	while read -r kind name points; do
		[ -n "$kind" ] || continue
		out=$dir/$kind-$name.tap
		grade_test "$dir" "$kind" "$name"
		rc=$?
		ok=$(grep -c '^ok ' "$out")
		bad=$(grep -c '^not ok ' "$out")
		total=$((total + points))
		if [ $rc -eq 0 ] && [ "$ok" -gt 0 ] && [ "$bad" -eq 0 ]; then
			score=$((score + points))
			printf '%-40s OK   (%d/%d pts, %d checks)\n' "$kind $name" "$points" "$points" "$ok"
			continue
		fi
		printf '%-40s FAIL (0/%d pts, %d of %d checks passed)\n' \
			"$kind $name" "$points" "$ok" $((ok + bad))
		grep '^not ok ' "$out" | head -n 5 | sed 's/^/    /'
		[ "$bad" -gt 5 ] && echo "    ... ($out)"
		[ "$ok$bad" = 00 ] && tail -n 5 "$out" | sed 's/^/    | /'
		grep -ho "lab $nn: [^ ]* is not written yet" "$out" "$dir"/*"$name"*.log \
			2>/dev/null | sort -u | sed 's/^/    stub reached: /'
	done < <(grep -v '^#' "$labs/$nn/grade")
	# The stubs still in the tree, by the message each one prints.
	grep -rhoI --include='*.[ch]' --include='*.asm' \
		"lab $nn: [^ ]* is not written yet" boot kernel mm drivers include tests/kernel |
		sort -u | sed 's/^lab [0-9]*: \(.*\) is not written yet/still to write: \1/'
	echo "Score: $score/$total"
	[ "$score" -eq "$total" ] && [ "$total" -gt 0 ]
}

lab_list() {
	local dir nn
	for dir in "$labs"/[0-9][0-9]; do
		nn=$(basename "$dir")
		printf '%s: %s; graded by %s\n' "$nn" "$(lab_regions "$nn" | tr '\n' ' ')" \
			"$(grep -v '^#' "$dir/grade" | awk '{ printf "%s%s %s", NR > 1 ? ", " : "", $1, $2 }')"
	done
}

[ $# -ge 1 ] || usage
case $1 in
make) [ $# -eq 2 ] || [ $# -eq 3 ] || usage; lab_make "$2" "${3:-}" ;;
grade) [ $# -le 2 ] || usage; lab_grade "${2:-}" ;;
list) lab_list ;;
*) usage ;;
esac
