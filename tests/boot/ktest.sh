# The in-kernel test suites (KTAP), run with "ktest" on the command line;
# QEMU's exit status says whether all passed.
source "$(dirname "$0")/lib.sh"

# The module files as GRUB boot modules, no initrd: the default one's
# etc/modules would load modules the loader's suite loads itself.
BOOT_FILES=$(ls "$BUILD"/modules/*.ko) INITRD= boot all 'ktest'
ktap_results
expect '^\[ *[0-9.]+\] # ktest: [0-9]+ suites, 0 failed cases' 'every in-kernel suite passes'
expect_status 0 'QEMU exit status reports success'
