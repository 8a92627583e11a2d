#!/bin/bash
# Chapter 0, exercise 1: greeting.sh passes on the real kernel (three "ok"
# lines, no "not ok"), and fails when booted without the initrd, where no
# hello module can load: a test that cannot fail would pass both.
set -u
cd "$(dirname "$0")/../../../.."
here=docs/tutorial/solutions/00-tools
out=${BUILD:-build}/tests
fail() { echo "FAIL: $*" >&2; exit 1; }

TEST_NAME=solution-00-tools bash "$here/greeting.sh" > "$out/solution-00-tools.pass.tap" 2>&1
[ "$(grep -c '^ok ' "$out/solution-00-tools.pass.tap")" = 3 ] &&
	! grep -q '^not ok' "$out/solution-00-tools.pass.tap" ||
	{ cat "$out/solution-00-tools.pass.tap" >&2; fail "greeting.sh does not pass on the kernel"; }

INITRD= TEST_NAME=solution-00-tools-noinitrd bash "$here/greeting.sh" \
	> "$out/solution-00-tools.fail.tap" 2>&1
grep -q '^not ok - solution-00-tools-noinitrd: the hello module greets at boot' \
	"$out/solution-00-tools.fail.tap" ||
	{ cat "$out/solution-00-tools.fail.tap" >&2; fail "greeting.sh passes without the hello module"; }
echo "greeting.sh: passes on the kernel, fails without the hello module"
