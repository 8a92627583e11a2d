#!/bin/bash
# make book-check: build the book (tools/book.sh) and open every page in a
# real headless browser, Debian's Chromium (installed here when run as root
# and missing: it is too heavy for make deps).  Fails when a page does not
# load or logs to the console (a script error, a resource it could not
# load), when an image, stylesheet or relative link does not resolve or a
# link's #anchor is not on the page it points to, or when an SVG diagram
# renders blank.  tools/book/check.js does the checking inside the browser.
#
# First the checker is shown to fail: on a small book with one fault of each
# kind (tools/book/fixture/), it must name every fault.
#
# Usage: tools/book-check.sh [BOOKDIR]   (default build/book)
set -uo pipefail
cd "$(dirname "$0")/.."
book=${1:-build/book}
work=$(dirname "$book")/book-check
timeout=${BOOK_CHECK_TIMEOUT:-300}

browser=
for b in chromium chromium-browser; do
	command -v "$b" > /dev/null && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "book-check: needs Debian's chromium; as root: apt-get install chromium" >&2
		exit 1
	fi
	echo "book-check: installing chromium"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium ||
		{ apt-get update -q && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -q --no-install-recommends chromium; } || exit 1
	browser=chromium
fi

# browse DIR PAGE...: check the pages of the book in DIR; the report in
# $work/NAME.report, the browser's own log in $work/NAME.log.
browse() {
	local dir=$1 name=$2 root pages html
	shift 2
	root=$(realpath --relative-to="$work" "$dir")/
	pages=$(printf '"%s",' "$@")
	html=$work/$name.html
	{
		echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>book check</title></head><body>'
		echo "<script>const BOOK_ROOT = \"$root\"; const BOOK_PAGES = [${pages%,}];</script>"
		echo '<script>'
		cat tools/book/check.js
		echo '</script></body></html>'
	} > "$html"
	# A profile of its own: several checks may run at once.
	rm -rf "$work/$name.profile"
	timeout -k 10 "$timeout" "$browser" --headless --no-sandbox --disable-gpu \
		--no-first-run --user-data-dir="$work/$name.profile" \
		--allow-file-access-from-files --enable-logging=stderr --v=0 \
		--virtual-time-budget=600000 --window-size=1280,1000 \
		--dump-dom "file://$(realpath "$html")" \
		> "$work/$name.dom" 2> "$work/$name.log"
	sed -n '/<pre id="report">/,/BOOK-CHECK-DONE/p' "$work/$name.dom" |
		sed 's/^.*<pre id="report">//; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' \
		> "$work/$name.report"
	# Console messages of the book's pages (the checker itself logs none).
	grep -a 'CONSOLE' "$work/$name.log" | grep -a "file://$(realpath "$dir")/" |
		sed 's/^.*CONSOLE[^]]*\] /CONSOLE /' >> "$work/$name.report"
	grep -q BOOK-CHECK-DONE "$work/$name.report"
}

rm -rf "$work"
mkdir -p "$work"

# The fixture: every fault must be named.
fixture=tools/book/fixture
if ! browse "$fixture" fixture good.html faults.html; then
	echo "book-check: the browser did not finish the fixture (log: $work/fixture.log)" >&2
	exit 1
fi
fail=0
for want in 'ok good.html' \
	'FAIL faults.html: image missing.svg does not load' \
	'FAIL faults.html: diagram blank.svg renders blank' \
	'FAIL faults.html: link nowhere.html: nowhere.html cannot be read' \
	'FAIL faults.html: link good.html#no-such-heading: no element with id "no-such-heading" there' \
	'FAIL faults.html: stylesheet missing.css: missing.css cannot be read' \
	'CONSOLE "Uncaught ReferenceError: no_such_function is not defined"'; do
	if ! grep -qF -- "$want" "$work/fixture.report"; then
		echo "book-check: the checker misses a fault of the fixture: $want" >&2
		fail=1
	fi
done
if [ $fail = 1 ]; then
	sed 's/^/    /' "$work/fixture.report" >&2
	exit 1
fi
echo "book-check: the checker finds each fault of tools/book/fixture"

tools/book.sh "$book" || exit 1
mapfile -t pages < <(cd "$book" && find . -name '*.html' | sed 's|^\./||' | sort)
if ! browse "$book" book "${pages[@]}"; then
	echo "book-check: the browser did not finish (log: $work/book.log)" >&2
	exit 1
fi
images=$(cd "$book" && grep -o '<img [^>]*src="[^"]*\.svg"' -r . | wc -l)
if grep -v '^ok \|^BOOK-CHECK-DONE' "$work/book.report" | grep -q .; then
	grep -v '^ok \|^BOOK-CHECK-DONE' "$work/book.report" >&2
	echo "book-check: FAILED (report: $work/book.report)" >&2
	exit 1
fi
echo "book-check: ${#pages[@]} pages load without errors; their links, anchors and images resolve; $images SVG diagrams render"
