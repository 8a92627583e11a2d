#!/bin/bash
# Chapter 10's exercise: greet.c with the tutorial Makefile builds in a
# fresh directory with "make KDIR=<sprout>", loads with parameters from
# insmod, shows them in modinfo, refuses a value that is not a number and
# one its init rejects, and "make clean" leaves only the sources.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol10.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
src=$tmp/greet
mkdir "$src" && cp "$here/greet.c" "$here/Makefile" "$src/"
fail() { echo "FAIL: $*"; [ -f "$tmp/log" ] && tail -n 25 "$tmp/log"; exit 1; }

(cd "$src" && make KDIR="$root") > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail 'make KDIR=<sprout>'; }
[ -f "$src/greet.ko" ] || fail 'no greet.ko'

printf '%s\n' 'insmod greet who=reader times=2' 'modinfo greet' 'rmmod greet' \
	'insmod greet times=two' 'insmod greet times=11' poweroff |
	make -s -C "$root" run M="$src" ISO="$tmp/sprout.iso" INITRD="$tmp/initrd.cpio" > "$tmp/run.log" 2>&1
tr -d '\r' < "$tmp/run.log" > "$tmp/log"
grep -q 'greet: hello, reader (1 of 2)' "$tmp/log" || fail 'first greeting'
grep -q 'greet: hello, reader (2 of 2)' "$tmp/log" || fail 'second greeting'
grep -q 'greet: hello, reader (3 of' "$tmp/log" && fail 'greeted too often'
grep -q '^parm: *who:Whom to greet' "$tmp/log" || fail 'modinfo shows the who parameter'
grep -q '^parmtype: *times:int' "$tmp/log" || fail 'modinfo shows the type of times'
grep -q 'greet: goodbye, reader' "$tmp/log" || fail 'rmmod runs the exit function'
grep -q "greet: invalid value 'two' for parameter 'times'" "$tmp/log" || fail 'times=two refused'
grep -q 'greet: times=11: must be 1 to 10' "$tmp/log" || fail 'times=11 refused by init'

(cd "$src" && make KDIR="$root" clean) > "$tmp/clean.log" 2>&1 || fail 'make clean'
left=$(cd "$src" && ls -A | tr '\n' ' ')
[ "$left" = "Makefile greet.c " ] || fail "make clean left: $left"
echo 'greet: built with make KDIR=, parameters set and refused as expected, clean leaves the sources'
