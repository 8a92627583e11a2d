# The libFuzzer targets (tests/fuzz) build, and each replays its committed
# corpus -- which holds every input a run once crashed on, so each find
# stays a regression test -- without a sanitizer report or a failed check.
# Each file is run whole, as the kernel would see it.  Finding new inputs
# is "make fuzz" (FUZZ_SECONDS each); FUZZ_CHECK_SECONDS=N adds N seconds
# of it per target here.
source "$(dirname "$0")/../boot/lib.sh"

FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-0}
log=$out/fuzz.build.log
if make -s fuzz-build > "$log" 2>&1; then
	tap ok 'make fuzz-build builds every fuzz target with ASan and UBSan'
else
	tap fail 'make fuzz-build builds every fuzz target with ASan and UBSan'
	exit 0
fi

for target in $(make -s -f /dev/stdin <<<'include Makefile
print-fuzz-targets: ; @echo $(fuzz-targets)' print-fuzz-targets); do
	log=$out/fuzz.$target.log
	files=(tests/fuzz/corpus/"$target"/*)
	"$BUILD/tests/fuzz/$target" -artifact_prefix="$out/fuzz.$target-" \
		"${files[@]}" > "$log" 2>&1
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
	"$BUILD/tests/fuzz/$target" -max_total_time="$FUZZ_CHECK_SECONDS" \
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
