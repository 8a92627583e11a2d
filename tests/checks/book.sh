# make book renders the tutorial as HTML: every chapter, and every file
# a page links to as a page of its own (tools/book.sh); a link to a file
# that does not exist fails it.  Its own test, beside tests/checks/tutorial.sh,
# so that the two share the machine's CPUs.  (make book-check, which needs
# a browser, opens the pages.)
source "$(dirname "$0")/../boot/lib.sh"

log=$out/book.log
if BOOK_ELF=$KERNEL tools/book.sh "$out/book" > "$log" 2>&1; then
	tap ok "make book renders every chapter ($(tail -n 1 "$log" | sed 's/^book: //'))"
else
	tap fail 'make book renders every chapter'
fi

# A console block's commands are marked apart from their output (the style
# sheet wraps and colours them): chapter 0's first block, command and line.
page=$out/book/00-tools.html
grep -q '<pre class="console"><code><span class="cmd">\$ make deps &amp;&amp; ' "$page" &&
	grep -q '^<span class="out">every package is installed</span>' "$page"
tap_status 'a console block shows its commands apart from their output'

# The diagrams "of build/sprout.elf" in the book are that file's, drawn
# when the book is made: the initcall table lists this build's initcalls
# at their addresses, the image's parts end at this build's __kernel_end.
for svg in initcalls kernel-sections; do
	log=$out/book-$svg.log
	case $svg in
	initcalls) tools/diagrams/initcalls.sh "$KERNEL" > "$out/book-$svg.svg" ;;
	kernel-sections) tools/diagrams/sections.sh "$KERNEL" > "$out/book-$svg.svg" ;;
	esac
	diff "$out/book-$svg.svg" "$out/book/img/$svg.svg" > "$log" 2>&1
	tap_status "the book's img/$svg.svg is drawn from the kernel just built"
done
end=$(nm "$KERNEL" | awk '$3 == "__kernel_end" { print substr($1, 9) }')
fn=$(nm "$KERNEL" | awk '$3 ~ /^__initcall_.*6$/ { sub(/^__initcall_/, "", $3); sub(/6$/, "", $3); print $3; exit }')
log=$out/book-facts.log
{
	grep -q "ffffffff$end<" "$out/book/img/kernel-sections.svg" || echo "no __kernel_end $end"
	grep -q ">$fn<" "$out/book/img/initcalls.svg" || echo "no device initcall $fn"
} > "$log" 2>&1
[ ! -s "$log" ]
tap_status "the book's diagrams show this build's __kernel_end and initcalls"
