# The libFuzzer targets (tests/fuzz) build, and each replays its committed
# corpus -- which holds every input a run once crashed or hung on, so each
# find stays a regression test -- without a sanitizer report, a failed
# check or a unit slower than make fuzz allows (FUZZ_FLAGS: -timeout).
# Each file is run whole, as the kernel would see it.  make fuzz's own run
# rule reports a unit that hangs as a finding (fuzz_hang).  Finding new
# inputs is "make fuzz" (FUZZ_SECONDS each); FUZZ_CHECK_SECONDS=N adds N
# seconds of it per target here.
source "$(dirname "$0")/../boot/lib.sh"

FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-0}
log=$out/fuzz.build.log
if make -s fuzz-build > "$log" 2>&1; then
	tap ok 'make fuzz-build builds every fuzz target with ASan and UBSan'
else
	tap fail 'make fuzz-build builds every fuzz target with ASan and UBSan'
	exit 0
fi

# The value of a variable of tests/fuzz/build.mk.
fuzz_var() {
	make -s -f /dev/stdin <<<"include Makefile
print-var: ; @echo \$($1)" print-var
}
read -ra flags <<<"$(fuzz_var FUZZ_FLAGS)"

# A unit that runs past the timeout: make fuzz's run rule must fail, with
# libFuzzer's timeout report and the input saved as a finding.
log=$BUILD/tests/fuzz/fuzz_hang.log
rm -f "$BUILD"/tests/fuzz/fuzz_hang-timeout-* "$log"
if make -s fuzz-run-fuzz_hang FUZZ_SECONDS=5 > "$out/fuzz.hang.log" 2>&1; then
	tap fail 'make fuzz reports a unit slower than its timeout as a finding (the run passed)'
elif grep -q '^SUMMARY: libFuzzer: timeout' "$log" &&
	compgen -G "$BUILD/tests/fuzz/fuzz_hang-timeout-*" > /dev/null; then
	tap ok "make fuzz reports a unit slower than its timeout ($(fuzz_var FUZZ_TIMEOUT) s) as a finding and saves it"
else
	tap fail 'make fuzz reports a unit slower than its timeout as a finding (no timeout report or saved input)'
fi

for target in $(fuzz_var fuzz-targets); do
	log=$out/fuzz.$target.log
	files=(tests/fuzz/corpus/"$target"/*)
	"$BUILD/tests/fuzz/$target" "${flags[@]}" \
		-artifact_prefix="$out/fuzz.$target-" "${files[@]}" > "$log" 2>&1
	rc=$?
	ran=$(grep -c '^Executed ' "$log")
	if [ $rc -eq 0 ] && [ "$ran" = "${#files[@]}" ]; then
		tap ok "$target replays its $ran corpus inputs cleanly"
	else
		tap fail "$target replays its corpus cleanly (status $rc, $ran of ${#files[@]} inputs ran)"
	fi
	[ "$FUZZ_CHECK_SECONDS" -gt 0 ] || continue
	log=$out/fuzz.$target.new.log
	corpus=$out/fuzz.$target.corpus
	rm -rf "$corpus" && mkdir -p "$corpus"
	"$BUILD/tests/fuzz/$target" -max_total_time="$FUZZ_CHECK_SECONDS" "${flags[@]}" \
		-artifact_prefix="$out/fuzz.$target-" "$corpus" \
		"tests/fuzz/corpus/$target" > "$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q 'DONE' "$log"; then
		tap ok "$target runs ${FUZZ_CHECK_SECONDS} s of new inputs cleanly"
	else
		tap fail "$target runs ${FUZZ_CHECK_SECONDS} s of new inputs cleanly (status $rc)"
	fi
	rm -rf "$corpus"
done
