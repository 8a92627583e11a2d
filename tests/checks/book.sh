# make book renders the tutorial as HTML: every chapter, and every file
# a page links to as a page of its own (tools/book.sh); a link to a file
# that does not exist fails it.  Its own test, beside tests/checks/tutorial.sh,
# so that the two share the machine's CPUs.  (make book-check, which needs
# a browser, opens the pages.)
source "$(dirname "$0")/../boot/lib.sh"

log=$out/book.log
if tools/book.sh "$out/book" > "$log" 2>&1; then
	tap ok "make book renders every chapter ($(tail -n 1 "$log" | sed 's/^book: //'))"
else
	tap fail 'make book renders every chapter'
fi
