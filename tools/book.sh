#!/bin/bash
# make book: the tutorial (docs/tutorial/*.md) as a static HTML book.
#
#   build/book/index.html        the contents (docs/tutorial/README.md)
#   build/book/NN-name.html      each chapter, with its own table of contents
#                                and previous/next links
#   build/book/img/              the diagrams (SVG, shown inline as images);
#                                the two of the kernel image drawn again
#                                from the ELF file just built (BOOK_ELF,
#                                default build/sprout.elf), so that they
#                                show this build, not the snapshot in
#                                docs/tutorial/img
#   build/book/src/PATH.html     each repository file a page links to, as a
#                                syntax-highlighted page (Markdown rendered,
#                                a folder as a listing), images as they are
#   build/book/style.css         the book's own style; nothing is fetched
#                                from the network
#
# pandoc reads the chapters as GitHub-flavoured Markdown, so headings get
# the identifiers a code-hosting site gives them and "#anchor" links work in
# both; tools/book/links.lua rewrites the links, tools/book/console.lua
# marks a console block's commands apart from their output.  Code is
# highlighted by pandoc's own highlighter.
#
# A page is rendered again only when something it is made from changed, as
# make would: its source, pandoc's arguments for it, and what every page is
# made with (pandoc's version, this script, the template, the filter and
# the list of chapters, which the filter reads).  The rest are taken from
# the previous book with the links they recorded.  The new book is made
# beside the old one and then replaces it, so no page outlives its source.
#
# Usage: [BOOK_ELF=KERNEL.elf] tools/book.sh [OUTDIR]   (default build/book)
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
book=${1:-build/book}
command -v pandoc > /dev/null ||
	{ echo "book: pandoc is not installed (make deps installs it)" >&2; exit 1; }

out=$book.new
rm -rf "$out"
mkdir -p "$out/img" "$out/src"
cp tools/book/style.css "$out/"
[ -d docs/tutorial/img ] && cp -r docs/tutorial/img/. "$out/img/"
elf=${BOOK_ELF:-build/sprout.elf}
[ -f "$elf" ] || { echo "book: $elf: no such file (make first)" >&2; exit 1; }
tools/diagrams/sections.sh "$elf" > "$out/img/kernel-sections.svg"
tools/diagrams/initcalls.sh "$elf" > "$out/img/initcalls.svg"
deps=$out/.deps		# "PAGE<TAB>PATH": PAGE links to repository file PATH
: > "$deps"

made_with=$({
	pandoc --version | head -n 1
	cat tools/book.sh tools/book/template.html tools/book/links.lua \
		tools/book/console.lua
	ls docs/tutorial
} | sha1sum)
rendered=0 kept=0

# pandoc_page IN PAGE [pandoc options]: pandoc IN to PAGE of the book, or
# PAGE and the links it recorded (in $deps.new) from the previous book when
# its key is unchanged.
pandoc_page() {
	local in=$1 page=$2 key old= keys=$out/.keys/$2
	shift 2
	key=$({ echo "$made_with"; printf '%s\n' "$@"; cat "$in"; } | sha1sum)
	[ ! -e "$deps.new" ] || rm -f "$deps.new"
	[ -d "${keys%/*}" ] || mkdir -p "${keys%/*}"
	[ ! -f "$book/.keys/$page.key" ] || read -r old < "$book/.keys/$page.key"
	if [ -f "$book/$page" ] && [ "$old" = "$key" ]; then
		ln "$book/$page" "$out/$page"
		if [ -f "$book/.keys/$page.links" ]; then
			ln "$book/.keys/$page.links" "$keys.links"
			cp "$keys.links" "$deps.new"
		fi
		kept=$((kept + 1))
	else
		pandoc "$in" -t html5 --standalone --template tools/book/template.html \
			--highlight-style=pygments "$@" -o "$out/$page"
		[ ! -f "$deps.new" ] || cp "$deps.new" "$keys.links"
		rendered=$((rendered + 1))
	fi
	echo "$key" > "$keys.key"
}

# render IN OUT DEPTH [pandoc options]: one page; DEPTH is "" for the top
# of the book, else the relative path back up to it ("../..").
render() {
	local in=$1 page=$2 depth=$3 up=
	shift 3
	[ -n "$depth" ] && up=$depth/
	pandoc_page "$in" "$page" --lua-filter tools/book/links.lua \
		--lua-filter tools/book/console.lua -M book-dir="$(dirname "$in")" \
		-M book-depth="$depth" -M book-deps="$deps.new" -V book-up="$up" "$@"
	# Attribute the links found to this page, for error messages.
	if [ -s "$deps.new" ]; then
		sed "s|^|$in\t|" "$deps.new" >> "$deps"
	fi
	rm -f "$deps.new"
}

title_of() {
	sed -n '1s/^# //p' "$1"
}

# The chapters, in order, each with its neighbours.
chapters=(docs/tutorial/[0-9][0-9]-*.md)
[ -e "${chapters[0]}" ] || { echo "book: no chapters in docs/tutorial" >&2; exit 1; }
render docs/tutorial/README.md index.html "" -f gfm -M pagetitle=Contents \
	-V next-href="$(basename "${chapters[0]}" .md).html" \
	-V next-title="$(title_of "${chapters[0]}")"
for i in "${!chapters[@]}"; do
	md=${chapters[$i]}
	nav=()
	if [ "$i" -gt 0 ]; then
		prev=${chapters[$((i - 1))]}
		nav+=(-V prev-href="$(basename "$prev" .md).html" -V prev-title="$(title_of "$prev")")
	fi
	if [ "$((i + 1))" -lt "${#chapters[@]}" ]; then
		next=${chapters[$((i + 1))]}
		nav+=(-V next-href="$(basename "$next" .md).html" -V next-title="$(title_of "$next")")
	fi
	render "$md" "$(basename "$md" .md).html" "" -f gfm --toc --toc-depth=2 \
		-M pagetitle="$(title_of "$md")" "${nav[@]}"
done

# The language pandoc highlights a file in, from its name, into $lang.
# (This and the rest of a source page's making run once for each of the
# book's pages, most of them unchanged: no command is started that the
# shell can do itself.)
language_of() {
	case $1 in
	*.c | *.h) lang=c ;;
	*.asm | *.inc) lang=nasm ;;
	*.S | *.s) lang=gnuassembler ;;
	*.sh) lang=bash ;;
	*Makefile | *.mk | Kbuild) lang=makefile ;;
	*.py) lang=python ;;
	*.lua) lang=lua ;;
	*.css) lang=css ;;
	*.html | *.svg) lang=html ;;
	*.patch | *.diff) lang=diff ;;
	*.cfg | *.ini) lang=ini ;;
	*) lang=default ;;
	esac
}

# source_page PATH: build/book/src/PATH.html for a repository file or
# folder, or build/book/src/PATH for an image.
source_page() {
	local path=$1 page=src/$1.html tmp lang slashes up=.. dir=$out/src
	# The way from build/book/src/PATH back up to build/book: one ".."
	# for src/ and one for each folder in PATH.
	slashes=${path//[^\/]/}
	up+=${slashes//\//\/..}
	[[ $path == */* ]] && dir+=/${path%/*}
	[ -d "$dir" ] || mkdir -p "$dir"
	tmp=$out/.page.md
	if [ -d "$path" ]; then
		{
			printf '# %s/\n\n' "$path"
			for entry in $(ls "$path"); do
				if [ -d "$path/$entry" ]; then
					printf -- '- [%s/](%s/)\n' "$entry" "$entry"
				else
					printf -- '- [%s](%s)\n' "$entry" "$entry"
				fi
			done
		} > "$tmp"
		# Links in the listing are relative to the folder itself.
		render_listing "$path" "$tmp" "$page" "$up"
		return
	fi
	case $path in
	*.svg | *.png | *.jpg | *.jpeg)
		cp "$path" "$out/src/$path"
		return
		;;
	*.md)
		render "$path" "$page" "$up" -f gfm --toc --toc-depth=2 \
			-M pagetitle="$path"
		return
		;;
	esac
	if ! grep -Iq . "$path" && [ -s "$path" ]; then
		cp "$path" "$out/src/$path"
		printf '# %s\n\n(a binary file: [download it](%s))\n' "$path" \
			"$(basename "$path")" > "$tmp"
	else
		# The file in a fence longer than any run of backticks in it
		# (a first pass finds the longest), ending in a newline.
		language_of "$path"
		path=$path lang=$lang awk '
		function heading() {
			printf "# %s\n\n%s {#L .%s .numberLines}\n",
				ENVIRON["path"], fence, ENVIRON["lang"]
		}
		FNR == NR {
			line = $0
			while (match(line, /`+/)) {
				if (RLENGTH > n)
					n = RLENGTH
				line = substr(line, RSTART + RLENGTH)
			}
			next
		}
		FNR == 1 {
			fence = "```" substr("``````````````````````````````", 1, n)
			heading()
		}
		{ print }
		END {
			if (fence == "") {	# an empty file
				fence = "```"
				heading()
			}
			print fence
		}' "$path" "$path" > "$tmp"
	fi
	pandoc_page "$tmp" "$page" -f markdown -M pagetitle="$path" -V book-up="$up/"
}

# render_listing PATH MD PAGE UP: a folder's listing; its entries are
# linked like any other link, relative to the folder.
render_listing() {
	local path=$1 md=$2 page=$3 up=$4
	pandoc_page "$md" "$page" -f gfm --lua-filter tools/book/links.lua \
		-M book-dir="$path" -M book-depth="$up" -M book-deps="$deps.new" \
		-M pagetitle="$path/" -V book-up="$up/"
	[ -s "$deps.new" ] && sed "s|^|$path/\t|" "$deps.new" >> "$deps"
	rm -f "$deps.new"
}

# Every file a page links to gets its page; those pages may link to more.
declare -A seen=()
status=0
while :; do
	new=0
	while IFS=$'\t' read -r from path; do
		[ -n "${seen[$path]:-}" ] && continue
		seen[$path]=1
		new=1
		if [ ! -e "$path" ]; then
			echo "book: $from links to $path, which does not exist" >&2
			status=1
			continue
		fi
		source_page "$path"
	done < <(sort -u "$deps")
	[ $new = 0 ] && break
done
rm -f "$out/.page.md"
rm -rf "$book"
mv "$out" "$book"
pages=$(find "$book" -path "$book/.keys" -prune -o -name '*.html' -print | wc -l)
echo "book: $book/index.html, ${#chapters[@]} chapters, $pages pages ($rendered rendered, $kept unchanged)"
exit $status
