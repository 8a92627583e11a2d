#!/bin/bash
# Exercises 7.1 and 7.2.  7.1: mismatch.c, the exercise's starting point,
# must not build -- modpost names both references from code that stays to
# init sections -- and greetings.c, the fix, builds, loads, and prints from
# both init and exit.  7.2: initlater.c calls its __init function through
# a pointer after init: the checker cannot see it, and the call faults
# with the loader's explanation.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$work/broken"
cp "$solution_dir/mismatch.c" "$work/broken/"
echo 'obj-m += mismatch.o' > "$work/broken/Kbuild"
log=$work/broken/build.log
if make -s M="$work/broken" > "$log" 2>&1; then
	echo "not ok - mismatch.c builds, but its section mismatches should stop it"
	failed=1
else
	echo "ok - mismatch.c does not build"
fi
must 'WARNING: .*mismatch\.o: section mismatch: greetings_show \(\.text[.a-z]*\) references greeting_count \(\.init\.text\)$' 'modpost names the call into __init code'
must 'WARNING: .*mismatch\.o: section mismatch: greetings_show \(\.text[.a-z]*\) references greetings \(\.init\.rodata\)$' 'modpost names the use of __initconst data'
must '^modpost: 2 section mismatches' 'and counts them'

solution_copy greetings.c initlater.c Kbuild
solution_modules
solution_boot 'loglevel=7' \
	'insmod greetings\nrmmod greetings\ninsmod initlater\nrmmod initlater\n' \
	"$work/greetings.ko" "$work/initlater.ko"
if [ "$(grep -c '\] greetings: bonjour$' "$log")" = 2 ]; then
	echo "ok - greetings prints its table from init and again from exit"
else
	echo "not ok - greetings prints its table from init and again from exit"
	failed=1
fi
must '\] initlater: hello from init code$' 'initlater runs its __init function during init'
addr=$(sed -n 's/.*\] initlater: calling 0x\([0-9a-f]*\), freed.*/\1/p' "$log")
must "BUG: unable to handle page fault for address: 0*${addr:-none}\$" 'the fault is at the saved pointer'
must 'BUG: access to a module.s freed init memory' 'calling it after init faults, and the oops says why'
must '#PF: error_code\(0x0010\) - not-present page' 'an instruction fetch from an unmapped page'
must_status 2 'the fault ends in a panic'
solution_done
