# Helpers for the check.sh of the exercises on the debug kernel (chapter
# 11; sourced, run from the repository root):
#
#   debug_copy FILE...     copy into $tmp, a fresh folder removed at exit,
#                          each FILE: a bare name is the solution's, a path
#                          (tests/debug/x.c) the repository's
#   debug_build            build $tmp's modules with DEBUG=1 out of tree
#   debug_run 'CMDLINE'    boot the debug kernel with them, on an ISO and
#                          initrd of its own (others may be reading
#                          build/debug's), typing standard input, then
#                          "echo checked" and poweroff; the log, CRs
#                          dropped, in $tmp/log
#   output 'COMMAND' [N]   what the Nth (default first) COMMAND typed
#                          printed, up to the next prompt
#   fail 'what'            say what failed, show the log's end, exit 1
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sol-debug.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*"
	[ -f "$tmp/log" ] && tail -n 30 "$tmp/log"
	exit 1
}

debug_copy() {
	local f
	for f in "$@"; do
		case $f in
		*/*) cp "$root/$f" "$tmp/" ;;
		*) cp "$here/$f" "$tmp/" ;;
		esac || fail "no $f"
	done
}

debug_build() {
	make -s -C "$root" DEBUG=1 M="$tmp" > "$tmp/build.log" 2>&1 ||
		{ cat "$tmp/build.log"; fail 'the modules build with DEBUG=1'; }
}

debug_run() {
	{ cat; printf '%s\n' 'echo checked' poweroff; } |
		make -s -C "$root" DEBUG=1 run M="$tmp" ISO="$tmp/sprout.iso" \
			CMDLINE="$1" INITRD="$tmp/initrd.cpio" > "$tmp/run.log" 2>&1
	tr -d '\r' < "$tmp/run.log" > "$tmp/log"
	grep -q '^checked$' "$tmp/log" ||
		fail 'the debug kernel did not run all the commands'
}

output() {
	awk -v cmd="sprout# $1" -v n="${2:-1}" '
		$0 == cmd { seen++; on = seen == n; next }
		/^sprout# / { on = 0 }
		on' "$tmp/log"
}
