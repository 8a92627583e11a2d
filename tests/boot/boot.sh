# A BIOS (SeaBIOS) boot reaches the ready line; the shell takes piped
# input; power-off ends QEMU cleanly; 4 MiB of RAM is enough.  The UEFI
# boot is tests/boot/uefi.sh's.
source "$(dirname "$0")/lib.sh"

# excerpt: boot-test-bios
boot bios 'loglevel=7 hello=world' < <(printf 'cmdline\npoweroff\n')
expect '^\[ *[0-9]+\.[0-9]{6}\] Sprout [0-9.]+ ready$' 'BIOS boot reaches the ready line'
expect '^loglevel=7 hello=world$' 'the command line from GRUB reaches the kernel'
expect 'Unknown kernel command line parameter "hello"' 'an unknown parameter is reported by name'
expect_status 0 'poweroff ends QEMU with status 0'
# excerpt-end: boot-test-bios

# The TSC rate: from CPUID where the CPU states it, else a PIT window of at
# least 0.1 ms between two changes of the count that stops once its error
# bound is within 2000 ppm (or at its 10 ms cap, on a host too busy to
# reach it).
rate=$(sed -n 's/^\[ *[0-9.]*\] tsc: [0-9.]* MHz (PIT, \([0-9]*\) us window, within \([0-9]*\) ppm)$/\1 \2/p' \
	"$out/boot.bios.log")
cpuid=$(grep -c '^\[ *[0-9.]*\] tsc: [0-9.]* MHz (from CPUID)$' "$out/boot.bios.log")
read -r window ppm <<< "${rate:-0 999999}"
if [ "$cpuid" = 1 ] || { [ "$window" -ge 99 ] &&
	{ [ "$ppm" -le 2000 ] || [ "$window" -ge 9900 ]; }; }; then
	tap ok "the TSC rate comes from CPUID or a short PIT window within its bound ($window us, $ppm ppm)"
else
	tap fail "the TSC rate comes from CPUID or a short PIT window within its bound (got '$rate')"
fi

# 4 MiB of RAM is enough: GRUB loads the kernel and the initrd (stripped
# modules), and every module etc/modules lists is loaded.
boot tiny 'loglevel=7' --mem 4 < <(printf 'lsmod\npoweroff\n')
expect 'Sprout [0-9.]+ ready' 'with 4 MiB of RAM the kernel reaches the prompt'
expect_not 'out of memory' 'with 4 MiB GRUB has memory for the kernel and the initrd'
missing=
for m in $(sed 's/#.*//' "$BUILD/initrd-config/etc/modules" | awk 'NF { print $1 }'); do
	grep -q "^$m " "$log" || missing="$missing $m"
done
if [ -z "$missing" ]; then
	tap ok 'with 4 MiB every boot module is loaded'
else
	tap fail "with 4 MiB every boot module is loaded (missing:$missing)"
fi
expect_status 0 'the 4 MiB boot powers off cleanly'
