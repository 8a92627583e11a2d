# The book's labs (tools/lab.sh, docs/tutorial/labs/): for every lab, make
# lab writes a tree with each marked region replaced by its stub; there
# make grade fails every graded test and names each function still to
# write; the same grade passes in full on this tree's own code; and the
# chapter points to its lab.  First the lab tool is shown to refuse bad
# markers and stubs, and excerpts to leave lab markers out.
#
# The lab trees reuse this tree's build (copied with its times, so only
# the stubbed files are compiled again), and the labs run in parallel.
# Usage, to check only some labs: bash tests/checks/labs.sh [NN ...]
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/labs
rm -rf "$dir"
mkdir -p "$dir"

# A tree of its own for the tool: one source with two regions of lab 99.
fake=$dir/fake
mkdir -p "$fake/tools" "$fake/docs/tutorial/labs/99"
cp tools/lab.sh tools/excerpts.sh "$fake/tools/"
cat > "$fake/src.c" << 'EOF'
int kept_before;
/* excerpt: shown */
/* lab: 99 one */
int one(void)
{
	return 1;
}
/* lab-end: 99 one */
/* excerpt-end: shown */
int kept_between;
	/* lab: 99 two */
int two = 2;
	/* lab-end: 99 two */
int kept_after;
EOF
printf 'int one(void)\n{\n\treturn -1; /* lab 99: one() is not written yet */\n}\n' \
	> "$fake/docs/tutorial/labs/99/one.stub"
echo 'int two; /* lab 99: two is not written yet */' > "$fake/docs/tutorial/labs/99/two.stub"
echo 'Write one() and two.' > "$fake/docs/tutorial/labs/99/LAB.md"
echo 'unit test_none 1' > "$fake/docs/tutorial/labs/99/grade"
git -C "$fake" init -q
# fake_lab LOG NN NAME: tools/lab.sh make NN in the fake tree, to
# $dir/made/NAME.
fake_lab() {
	(cd "$fake" && tools/lab.sh make "$2" "$root/$dir/made/$3") > "$1" 2>&1
}
root=$PWD
made=$dir/made

log=$dir/fake-good.log
fake_lab "$log" 99 lab99 &&
	printf 'int kept_before;\n/* excerpt: shown */\nint one(void)\n{\n\treturn -1; /* lab 99: one() is not written yet */\n}\n/* excerpt-end: shown */\nint kept_between;\nint two; /* lab 99: two is not written yet */\nint kept_after;\n' |
	cmp -s - "$made/lab99/src.c" &&
	cmp -s "$fake/docs/tutorial/labs/99/LAB.md" "$made/lab99/LAB.md" &&
	[ "$(cat "$made/lab99/.lab")" = 99 ]
tap_status 'make lab replaces each marked region, markers included, by its stub and leaves the rest'
log=$dir/fake-nonempty.log
! fake_lab "$log" 99 lab99 &&
	grep -q 'lab99 already exists and is not empty' "$log"
tap_status 'make lab refuses to write over a directory that holds files'
log=$dir/fake-nostub.log
mv "$fake/docs/tutorial/labs/99/two.stub" "$fake/two.stub.aside"
! fake_lab "$log" 99 nostub &&
	grep -q "region 'two' of lab 99 is marked in the source but has no stub docs/tutorial/labs/99/two.stub" "$log"
tap_status 'make lab fails on a marked region without a stub, naming both'
mv "$fake/two.stub.aside" "$fake/docs/tutorial/labs/99/two.stub"
log=$dir/fake-nomarker.log
cp "$fake/docs/tutorial/labs/99/two.stub" "$fake/docs/tutorial/labs/99/three.stub"
! fake_lab "$log" 99 nomarker &&
	grep -q "stub docs/tutorial/labs/99/three.stub: no source marks region 'three'" "$log"
tap_status 'make lab fails on a stub whose region no source marks'
rm "$fake/docs/tutorial/labs/99/three.stub"
log=$dir/fake-noend.log
sed -i '/lab-end: 99 two/d' "$fake/src.c"
! fake_lab "$log" 99 noend &&
	grep -q 'src.c: no "lab-end: 99 two" after "lab: 99 two"' "$log"
tap_status 'make lab fails on a region without its end marker, naming the file'
log=$dir/fake-number.log
! fake_lab "$log" 9x lab9x && grep -q "lab number '9x' is not a chapter number" "$log"
tap_status 'make lab fails on a lab number that is not a number'
log=$dir/fake-excerpt.log
(cd "$fake" && tools/excerpts.sh show src.c shown) > "$log" 2>&1 &&
	! grep -q 'lab' "$log" && grep -q '^int one(void)$' "$log"
tap_status 'an excerpt leaves out the lab markers inside it'

# lab_check NN: make lab NN, grade it (stubs), grade this tree (real code);
# the logs in $dir/NN/.
lab_check() {
	local nn=$1 tree=$dir/$1/tree
	mkdir -p "$dir/$nn"
	tools/lab.sh make "$nn" "$tree" > "$dir/$nn/make.log" 2>&1 || return
	mkdir -p "$tree/build"
	# The kernels' objects and the unit tests, not the other trees (clang,
	# modcfg...) nor the test runs' files.
	tar -C "$BUILD" --exclude=./clang --exclude=./modcfg --exclude=./labs \
		--exclude=./book --exclude=./fuzz --exclude=./grade --exclude=./tests \
		-cf - . | tar -C "$tree/build" -xf -
	(cd "$BUILD" && ls -d tests/unit tests/fixtures tests/kernel tests/bench 2> /dev/null |
		tar -cf - -T -) | tar -C "$tree/build" -xf -
	(cd "$tree" && MAKEFLAGS= make BUILD=build grade) > "$dir/$nn/stub.log" 2>&1
	echo $? > "$dir/$nn/stub.status"
	MAKEFLAGS= tools/lab.sh grade "$nn" > "$dir/$nn/real.log" 2>&1
	echo $? > "$dir/$nn/real.status"
}

labs=${*:-$(ls docs/tutorial/labs)}
[ -n "$labs" ] || { tap fail 'docs/tutorial/labs holds labs'; exit 0; }
for nn in $labs; do
	lab_check "$nn" &
done
wait

for nn in $labs; do
	tree=$dir/$nn/tree
	# The functions the stubs leave to write, by their messages.
	todo=$(grep -ho "lab $nn: [^ ]* is not written yet" docs/tutorial/labs/$nn/*.stub |
		sed 's/^lab [0-9]*: \(.*\) is not written yet$/\1/' | sort -u)
	log=$dir/$nn/make.log
	ok=1
	for f in $todo; do
		grep -rqF "lab $nn: $f is not written yet" "$tree/kernel" "$tree/mm" \
			"$tree/boot" "$tree/drivers" "$tree/tests/kernel" 2> /dev/null || ok=0
	done
	# The files with stubs, as make lab names them, are in the tree's format
	# (the C ones: clang-format does not read NASM).
	# Each description is made before its test: tap_status reads $?.
	desc="lab $nn: make lab writes the tree, each region replaced by its stub ($(echo $todo)), clang-format clean"
	stubbed=$(sed -n 's/^  LAB     \([^:]*\): .*/\1/p' "$log" | sort -u)
	stubbed_c=$(printf '%s\n' $stubbed | grep '\.[ch]$')
	[ $ok = 1 ] && [ -f "$tree/LAB.md" ] && [ -n "$stubbed" ] &&
		! grep -rqE "lab(-end)?: $nn " "$tree/kernel" "$tree/mm" "$tree/boot" "$tree/drivers" \
			"$tree/tests/kernel" &&
		{ [ -z "$stubbed_c" ] || (cd "$tree" &&
			clang-format-14 --style=file:.clang-format --dry-run -Werror $stubbed_c); } >> "$log" 2>&1
	tap_status "$desc"

	log=$dir/$nn/stub.log
	desc="lab $nn: grade fails every test on the stubs and names what is still to write ($(grep -h '^Score' "$log"))"
	ok=1
	for f in $todo; do
		grep -qxF "still to write: $f" "$log" || ok=0
	done
	[ $ok = 1 ] && [ "$(cat "$dir/$nn/stub.status")" != 0 ] &&
		! grep -q 'the build failed' "$log" && grep -q '^    stub reached: ' "$log" &&
		grep -q '^Score: 0/' "$log" && ! grep -q ' OK  ' "$log"
	tap_status "$desc"

	log=$dir/$nn/real.log
	desc="lab $nn: grade passes every test on the real code ($(grep -h '^Score' "$log"))"
	total=$(grep -h '^Score: ' "$log" | cut -d/ -f2)
	[ "$(cat "$dir/$nn/real.status")" = 0 ] && [ -n "$total" ] &&
		grep -qx "Score: $total/$total" "$log" && ! grep -q 'still to write' "$log"
	tap_status "$desc"

	log=$dir/$nn/chapter.log
	desc="lab $nn: chapter $nn's exercises point to it (make lab N=$nn)"
	# A lab may come before its chapter's text; then there is nothing to
	# check yet, and the skip says so.
	if ! ls docs/tutorial/$nn-*.md > "$log" 2>&1; then
		echo "ok - $test_name: $desc # SKIP no docs/tutorial/$nn-*.md yet"
		continue
	fi
	grep -l "make lab N=$nn" docs/tutorial/$nn-*.md > "$log" 2>&1
	tap_status "$desc"
done
log=$dir/readme.log
grep -q 'make lab N=' docs/tutorial/README.md > "$log" 2>&1
tap_status 'the book'"'"'s README explains the labs'
