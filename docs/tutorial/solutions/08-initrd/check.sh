#!/bin/bash
# Chapter 8's exercise: newc_ls.py lists Sprout's initrd exactly as GNU cpio
# does (same names, same order), its sizes agree with the files' own, and a
# truncated archive is refused with the offset instead of being listed.
set -u
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol08.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
archive=$PWD/build/initrd.cpio
[ -f "$archive" ] || { echo "no $archive: run make first"; exit 1; }

python3 "$here/newc_ls.py" "$archive" > "$tmp/mine" || { echo 'newc_ls failed'; exit 1; }
cpio -it --quiet < "$archive" > "$tmp/cpio.names" 2> /dev/null
awk '{ print $2 }' "$tmp/mine" > "$tmp/mine.names"
if ! diff -u "$tmp/cpio.names" "$tmp/mine.names"; then
	echo 'names differ from GNU cpio -t'
	exit 1
fi
# The sizes: extract with cpio and compare with what newc_ls printed.
(cd "$tmp" && mkdir x && cd x && cpio -id --quiet < "$archive" 2> /dev/null)
while read -r size name; do
	[ -d "$tmp/x/$name" ] && continue
	real=$(stat -c %s "$tmp/x/$name")
	[ "$real" = "$size" ] || { echo "$name: newc_ls says $size, the file has $real"; exit 1; }
done < "$tmp/mine"

head -c 3000 "$archive" > "$tmp/cut.cpio"
if python3 "$here/newc_ls.py" "$tmp/cut.cpio" > /dev/null 2> "$tmp/err"; then
	echo 'a truncated archive was listed without an error'
	exit 1
fi
grep -q 'at offset [0-9]*' "$tmp/err" || { echo 'the error names no offset:'; cat "$tmp/err"; exit 1; }
echo "newc_ls lists $(wc -l < "$tmp/mine") members as GNU cpio does and refuses a truncated archive"
