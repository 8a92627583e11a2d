#!/bin/bash
# Exercise 6.1: a page walk done by hand, from CR3 down, agrees with the
# kernel: a heap buffer's walk ends at the physical address virt_to_phys()
# computes; module code is read-only and executable, module constants
# read-only and no-execute, module data writable and no-execute (W^X), all
# in 4 KiB pages; kernel code is executable; nothing maps 0x1000.
source "$(dirname "$0")/../lib.sh"

solution_copy pagewalk.c Kbuild
# The counter-example: a walk that forgets the offset within the page
# must land elsewhere.
sed 's/(va & (page_size - 1));/0;/; s/pagewalk/shortwalk/g' \
	"$work/pagewalk.c" > "$work/shortwalk.c"
echo 'obj-m += shortwalk.o' >> "$work/Kbuild"
solution_modules
solution_boot 'loglevel=7' 'insmod pagewalk\ninsmod shortwalk\npoweroff\n' \
	"$work/pagewalk.ko" "$work/shortwalk.ko"
must_status 0 'the module loads and Sprout powers off'

# The verdict line that follows the walk of WHAT.
verdict() { grep -A6 "pagewalk: $1 " "$log" | grep -m1 -e '-> physical\|not mapped'; }
expect_verdict() {	# WHAT REGEX
	if verdict "$1" | grep -Eq -- "$2"; then
		echo "ok - $1: $2"
	else
		echo "not ok - $1: wanted /$2/, got '$(verdict "$1")'"
		failed=1
	fi
}
expect_verdict 'module code' 'read-only, executable, 4 KiB page'
expect_verdict 'module constant' 'read-only, no-execute, 4 KiB page'
expect_verdict 'module variable' 'writable, no-execute, 4 KiB page'
expect_verdict 'kernel code' 'read-only, executable'
expect_verdict 'heap buffer' 'writable, no-execute'
expect_verdict 'address 0x1000' 'not mapped \(PML4 entry not present\)'
must 'pagewalk:   PML4\[511\] = ' 'the module area is under the last PML4 entry'
must 'pagewalk:   PML4\[256\] = ' 'the direct map is under PML4 entry 256'

line=$(grep -m1 'pagewalk: heap buffer: walk ' "$log")
walked=$(echo "$line" | sed -n 's/.*walk \(0x[0-9a-f]*\), .*/\1/p')
computed=$(echo "$line" | sed -n 's/.*virt_to_phys \(0x[0-9a-f]*\)$/\1/p')
if [ -n "$walked" ] && [ "$walked" = "$computed" ]; then
	echo "ok - the walk finds the heap buffer where virt_to_phys says ($walked)"
else
	echo "not ok - walk '$walked', virt_to_phys '$computed'"
	failed=1
fi

line=$(grep -m1 'shortwalk: heap buffer: walk ' "$log")
walked=$(echo "$line" | sed -n 's/.*walk \(0x[0-9a-f]*\), .*/\1/p')
computed=$(echo "$line" | sed -n 's/.*virt_to_phys \(0x[0-9a-f]*\)$/\1/p')
if [ -n "$computed" ] && [ "$walked" != "$computed" ]; then
	echo "ok - a walk without the page offset does not find it ($walked): the comparison can fail"
else
	echo "not ok - the walk without the offset should miss ('$walked' vs '$computed')"
	failed=1
fi
solution_done
