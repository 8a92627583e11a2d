# The fault-injection test (tests/boot/faults.sh) under the debug kernel
# (make DEBUG=1): every check of it holds there too, with the debug build's
# kernels and modules, and no boot of it brings a checker's report -- the
# loader's error paths, each taken in turn, are where a use after free, a
# lock left held or a leak would hide.  The debug build is the one make
# test builds for tests/boot/ubsan.sh (tests/build.mk, test-debug).
source "$(dirname "$0")/lib.sh"

BUILD=$BUILD/debug TEST_OUT=$out TEST_NAME=$test_name bash tests/boot/faults.sh
for name in ktest cmdline random malformed; do
	log=$out/$test_name.$name.log
	expect_no_reports "the $name boot runs with no checker's report"
done
