# The tutorial (docs/tutorial/) stays true to the code: every chapter has the
# book's shape and links that resolve, every code excerpt equals the source
# lines between its markers (tools/excerpts.sh), every repository path
# written in backticks exists (tools/mdpaths.sh), every "Run it" block prints
# its expected lines (tools/runblocks.sh) and every worked solution's
# check.sh passes (tests/checks/book.sh renders the book as HTML).  One
# result per chapter and per solution, so a failure names it.  First the
# checkers are shown to fail: on a changed excerpt, a missing marker and a
# run block whose expected line does not appear.
#
# Run blocks of different chapters and the solutions run in parallel
# (TUTORIAL_JOBS at a time, default one per CPU), each chapter on its own
# ISO and initrd.  Usage, to check only some chapters (and their solutions):
#     bash tests/checks/tutorial.sh [docs/tutorial/NN-name.md ...]
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/tutorial
rm -rf "$dir"
mkdir -p "$dir/self" "$dir/runs" "$dir/solutions"
jobs=${TUTORIAL_JOBS:-$(nproc)}

if [ $# -gt 0 ]; then
	chapters=("$@")
else
	chapters=(docs/tutorial/[0-9][0-9]-*.md)
fi
[ -e "${chapters[0]}" ] || { tap fail 'docs/tutorial has chapters'; exit 0; }

# The checkers fail when they should.  A source with two excerpts, and
# chapters quoting it (paths are from the repository root).
self=$dir/self
cat > "$self/source.c" << 'EOF'
int outside;
/* excerpt: first */
int first(void)
{
	return 1;
}
/* excerpt-end: first */
/* excerpt: first-two */
int second;
/* excerpt-end: first-two */
EOF
excerpt_chapter() {	# NAME BODY: a chapter quoting NAME with BODY
	printf '# Test\n\n<!-- excerpt: %s %s -->\n```c\n%s\n```\n' \
		"$self/source.c" "$1" "$2"
}
excerpt_chapter first "$(sed -n '3,6p' "$self/source.c")" > "$self/good.md"
excerpt_chapter first-two 'int second;' >> "$self/good.md"
excerpt_chapter first "$(sed -n '3,6p' "$self/source.c" | sed 's/return 1/return 2/')" > "$self/changed.md"
excerpt_chapter gone 'int second;' > "$self/missing.md"
sed '/excerpt-end: first-two/d' "$self/source.c" > "$self/noend.c"
sed "s|$self/source.c first-two|$self/noend.c first-two|" "$self/good.md" > "$self/noend.md"

log=$self/good.log
tools/excerpts.sh check "$self/good.md" > "$log" 2>&1
tap_status 'excerpts check passes on excerpts equal to their source'
log=$self/changed.log
! tools/excerpts.sh check "$self/changed.md" > "$log" 2>&1 &&
	grep -q "changed.md:3: excerpt $self/source.c first differs from the source" "$log"
tap_status 'excerpts check fails on a changed excerpt, naming chapter, line, source and marker'
log=$self/missing.log
! tools/excerpts.sh check "$self/missing.md" > "$log" 2>&1 &&
	grep -q "missing.md:3: excerpt $self/source.c gone: marker \"excerpt: gone\" not found" "$log"
tap_status 'excerpts check fails on a marker that is not in the source'
log=$self/noend.log
! tools/excerpts.sh check "$self/noend.md" > "$log" 2>&1 &&
	grep -q "marker \"excerpt-end: first-two\" not found" "$log"
tap_status 'excerpts check fails on an end marker that is gone'
# The same source with the end marker of "first" moved before the
# function's closing brace: the excerpt would show the function cut off.
awk '/excerpt-end: first \*\// { next } { print } /return 1;/ { print "/* excerpt-end: first */" }' \
	"$self/source.c" > "$self/cut.c"
excerpt_chapter first "$(sed -n '3,5p' "$self/source.c")" |
	sed "s|$self/source.c|$self/cut.c|" > "$self/cut.md"
log=$self/cut.log
! tools/excerpts.sh check "$self/cut.md" > "$log" 2>&1 &&
	grep -q "excerpt first of $self/cut.c ends inside a block it opened" "$log"
tap_status 'excerpts check fails on an excerpt that ends inside the function it opens'
log=$self/update.log
cp "$self/changed.md" "$self/update.md"
tools/excerpts.sh update "$self/update.md" > "$log" 2>&1 &&
	tools/excerpts.sh check "$self/update.md" >> "$log" 2>&1 &&
	grep -q 'return 1;' "$self/update.md"
tap_status 'excerpts update rewrites a changed excerpt from the source'

cat > "$self/run.md" << 'EOF'
<!-- run -->
```console
$ printf 'first line\nat 0xffffffff80001234 second\n[   12.345678] late\n'
first
at 0x… second
[    …] late
```
<!-- run -->
```console
$ echo present
absent
```
EOF
log=$self/run.log
tools/runblocks.sh -o "$self/runs" "$self/run.md" > "$log" 2>&1
grep -q '^ok - .*run.md:1: ' "$log"
tap_status 'a run block passes when its expected lines appear in order (… a wildcard, [    …] any time stamp)'
grep -q '^not ok - .*run.md:8: ' "$log" &&
	grep -q '^# expected line 1 of 1 not found: absent' "$log"
tap_status 'a run block fails, naming the line, when an expected line does not appear'

# Repository paths in code spans: a planted path that does not exist fails
# and is named; the same folders in a link to Linux's source, a pattern and
# a file the reader is asked to write pass.
cat > "$self/paths.md" << 'EOF'
The GDT is built in `kernel/cpu/gdt.c`, linked by `linker.ld`; run
`tools/mkiso.sh KERNEL OUT.iso` or `make test TESTS=tutorial`.
Linux's is [`kernel/module/nowhere.c`](https://elixir.bootlin.com/linux/latest/source/kernel/module/nowhere.c);
`tests/boot/*.sh`, `build/sprout.elf`.  Write `tests/boot/mine.sh`, then
run `bash tests/boot/mine.sh`.
EOF
log=$self/paths-good.log
tools/mdpaths.sh "$self/paths.md" > "$log" 2>&1
tap_status 'paths check passes on paths that exist, web links, patterns and files to write'
printf '\nThen read\n`kernel/cpu/gtd.c:12`.\n' >> "$self/paths.md"
log=$self/paths-bad.log
! tools/mdpaths.sh "$self/paths.md" > "$log" 2>&1 &&
	grep -qx "$self/paths.md:8: \`kernel/cpu/gtd.c\` does not exist" "$log"
tap_status 'paths check fails on a repository path that does not exist, naming file and line'

# The book's shape (the headings, in this order), its links and the
# repository paths it names.
headings='## Goal
## Concepts
## The code
## Run it
## Test it
## When it breaks
## How Linux does it
## Exercises'
for md in "${chapters[@]}"; do
	name=$(basename "$md")
	log=$dir/$name.shape.log
	{
		head -n 1 "$md" | grep -Eq '^# [0-9]+\. ' ||
			echo "first line is not '# N. Title'"
		grep -E '^## ' "$md" | diff - <(echo "$headings") ||
			echo "the ## headings are not the book's, in its order"
		grep -q '^[[:space:]]*<!-- excerpt: ' "$md" || echo 'no code excerpt'
		grep -q '^[[:space:]]*<!-- run -->' "$md" || echo 'no run block'
		grep -q '\[Contents\](README.md)' "$md" || echo 'no link to the contents'
		nn=$(echo "$name" | cut -c1-2)
		ls docs/tutorial/solutions/"$nn"-*/check.sh > /dev/null 2>&1 ||
			echo "no worked solution (docs/tutorial/solutions/$nn-*/check.sh)"
	} > "$log" 2>&1
	[ ! -s "$log" ]
	tap_status "$name: has the book's shape"

	# Relative links: the file exists; an anchor into a chapter exists
	# as a heading there (GitHub's and the book's identifiers agree).
	log=$dir/$name.links.log
	if tools/mdlinks.sh -p docs/tutorial/README.md "$md" > "$log" 2>&1; then
		tap ok "$name: every relative link resolves"
		# A chapter written in parallel that has not arrived yet.
		sed -n 's/^pending: /# pending: /p' "$log"
	else
		tap fail "$name: every relative link resolves"
	fi

	log=$dir/$name.paths.log
	tools/mdpaths.sh "$md" > "$log" 2>&1
	tap_status "$name: every repository path in backticks exists"

	log=$dir/$name.excerpts.log
	if tools/excerpts.sh check "$md" > "$log" 2>&1; then
		tap ok "$name: $(grep -c '^[[:space:]]*<!-- excerpt: ' "$md") excerpts equal their source"
	else
		tap fail "$name: excerpts equal their source"
	fi
done

log=$dir/README.links.log
if tools/mdlinks.sh -p docs/tutorial/README.md docs/tutorial/README.md > "$log" 2>&1; then
	tap ok "README.md: every relative link resolves"
	sed -n 's/^pending: /# pending: /p' "$log"
else
	tap fail "README.md: every relative link resolves"
fi
log=$dir/README.paths.log
tools/mdpaths.sh docs/tutorial/README.md > "$log" 2>&1
tap_status "README.md: every repository path in backticks exists"

# Run blocks (per chapter, in order) and solutions, in parallel.
running=0
pending() {
	if [ $running -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
}
for md in "${chapters[@]}"; do
	name=$(basename "$md" .md)
	pending
	tools/runblocks.sh -o "$dir/runs" "$md" > "$dir/runs/$name.tap" 2>&1 &
	running=$((running + 1))
done
solutions=()
for md in "${chapters[@]}"; do
	nn=$(basename "$md" | cut -c1-2)
	for check in docs/tutorial/solutions/"$nn"-*/check.sh; do
		[ -f "$check" ] || continue
		solutions+=("$check")
		sol=$(basename "$(dirname "$check")")
		pending
		# Helpers from tests/boot/lib.sh name their files by TEST_NAME.
		(
			TEST_NAME=solution-$sol timeout -k 5 300 bash "$check" \
				> "$dir/solutions/$sol.log" 2>&1 < /dev/null
			echo $? > "$dir/solutions/$sol.status"
		) &
		running=$((running + 1))
	done
done
wait

for md in "${chapters[@]}"; do
	name=$(basename "$md" .md)
	sed -E "s/^(not )?ok - (\S*\/)?/\1ok - $test_name: /" "$dir/runs/$name.tap"
done
for check in "${solutions[@]}"; do
	sol=$(basename "$(dirname "$check")")
	log=$dir/solutions/$sol.log
	rc=$(cat "$dir/solutions/$sol.status" 2>/dev/null)
	case $rc in
	0) tap ok "solutions/$sol: check.sh passes" ;;
	124 | 137) tap fail "solutions/$sol: check.sh passes (timed out after 300 s)" ;;
	*) tap fail "solutions/$sol: check.sh passes (status ${rc:-none})" ;;
	esac
done
