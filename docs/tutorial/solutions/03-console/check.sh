#!/bin/bash
# Chapter 3, exercise 1: binary.patch adds %b to the kernel's formatter.
# It must apply to today's kernel/lib/vsnprintf.c; the result, built for
# the host with AddressSanitizer and UBSan as the unit tests are, must pass
# test_binary.c (including a 64-digit value, which overflows the old digit
# buffer), and the unpatched formatter must fail the same test.
set -u
cd "$(dirname "$0")/../../../.."
here=docs/tutorial/solutions/03-console
out=${BUILD:-build}/tests/solution-03-console
rm -rf "$out"
mkdir -p "$out/patched/kernel/lib"
fail() { echo "FAIL: $*" >&2; exit 1; }

cp kernel/lib/vsnprintf.c "$out/patched/kernel/lib/"
# Outside a repository git apply works as patch does; the copy is not in
# one for git's purposes once GIT_DIR points nowhere.
(cd "$out/patched" && GIT_DIR=/nonexistent git apply "$OLDPWD/$here/binary.patch") ||
	fail "binary.patch does not apply to kernel/lib/vsnprintf.c"

cflags="-std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter -Iinclude
	-fsanitize=address,undefined -fno-sanitize-recover=all -DHOST_TEST
	-Dvsnprintf=sprout_vsnprintf -Dsnprintf=sprout_snprintf"
# shellcheck disable=SC2086
gcc $cflags "$here/test_binary.c" "$out/patched/kernel/lib/vsnprintf.c" \
	-o "$out/patched.bin" || fail "the patched formatter does not build"
# shellcheck disable=SC2086
gcc $cflags "$here/test_binary.c" kernel/lib/vsnprintf.c \
	-o "$out/unpatched.bin" || fail "the test does not build against the kernel's formatter"

"$out/patched.bin" > "$out/patched.log" 2>&1 || { cat "$out/patched.log" >&2; fail "the patched formatter fails"; }
"$out/unpatched.bin" > "$out/unpatched.log" 2>&1 && fail "the unpatched formatter passes: the test proves nothing"
grep -q '^FAIL "%b", 5' "$out/unpatched.log" || fail "the unpatched formatter failed for another reason"
echo "binary.patch: %b works, and the test fails without it"
