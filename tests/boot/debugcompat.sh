# The Linux-style modules of tests/compat under the debug kernel (make
# DEBUG=1): tests/boot/compat.sh, chardev.sh and sysfs_compat.sh, each
# with all its checks, run with the debug build's kernels and with the
# modules built by "make DEBUG=1 M=<dir> modules", and no boot of theirs
# brings a checker's report but those they provoke.  An out-of-tree build
# writes next to its sources, so the modules are built in a copy of
# tests/compat: the normal build's tests use the folder itself, maybe at
# the same time.  The debug build is the one make test builds for
# tests/boot/ubsan.sh (tests/build.mk, test-debug).
source "$(dirname "$0")/lib.sh"

# The copy ends in tests/compat, so that compat.sh finds the file names
# it checks (a WARN_ON's file:line) as it does in the tree.
src=$out/$test_name.src/tests/compat
rm -rf "$out/$test_name.src" && mkdir -p "$src"
(cd tests/compat && find . -name '*.[ch]' -o -name Makefile -o -name Kbuild) |
	(cd tests/compat && cpio -pdm --quiet "$OLDPWD/$src")

# The three side by side, each its lines into a file, printed in turn.
for t in compat chardev sysfs_compat; do
	BUILD=$BUILD/debug DEBUG=1 COMPAT_DIR=$src TEST_OUT=$out \
		TEST_NAME=$test_name.$t bash "tests/boot/$t.sh" > "$out/$test_name.$t.tap" 2>&1 &
done
wait
cat "$out/$test_name".{compat,chardev,sysfs_compat}.tap

# example_helpers' WARN_ON_ONCE (compat.sh checks its report) is the one
# report of these boots; the deadlock boots (spin, mutex) end in the panic
# they are about.
for name in load blacklist threads workqueue irq tasklets proc procsh procsleep; do
	log=$out/$test_name.compat.$name.log
	expect_no_reports "compat.sh's $name boot runs with no checker's report" \
		'^(\[ *[0-9.]+\] )?WARNING: at [^ ]*tests/compat/example_helpers\.c:'
done
for log in "$out/$test_name".{chardev,sysfs_compat}.{ktest,shell}.log; do
	expect_no_reports "$(basename "$log" .log | cut -d. -f2-) boot runs with no checker's report"
done
