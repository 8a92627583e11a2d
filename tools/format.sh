#!/bin/sh
# Format every C source and header of the tree with clang-format 14 and
# .clang-format, in place; tests/checks/format.sh checks the same files.
#
#   tools/format.sh [FILE...]    format FILEs (default: the whole tree)
#   tools/format.sh --list       print the files the tree's formatting covers
set -eu
cd "$(dirname "$0")/.."

# Every tracked .c and .h file (assembly is not clang-format's).
list() {
	git ls-files '*.c' '*.h'
}

if [ "${1:-}" = --list ]; then
	list
	exit 0
fi
cf=$(command -v clang-format-14 || command -v clang-format) || {
	echo "format: clang-format 14 is not installed (make deps)" >&2
	exit 1
}
case $("$cf" --version) in
*" 14."*) ;;
*) echo "format: $cf is not clang-format 14 ($("$cf" --version))" >&2; exit 1 ;;
esac
if [ $# -gt 0 ]; then
	"$cf" -i --style=file:.clang-format "$@"
else
	list | xargs "$cf" -i --style=file:.clang-format
fi
