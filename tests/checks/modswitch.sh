# The RTC and PCI drivers built as modules (make RTC=m PCI=m, in its own
# BUILD directory): the initrd's etc/modules loads them at boot, their shell
# commands work while they are loaded, and go with rmmod and come back with
# insmod.
source "$(dirname "$0")/../boot/lib.sh"

dir=$BUILD/modcfg
if make -s BUILD="$dir" RTC=m PCI=m all > "$out/modswitch.build.log" 2>&1; then
	tap ok 'make RTC=m PCI=m builds the kernel and the driver modules'
else
	log=$out/modswitch.build.log
	tap fail 'make RTC=m PCI=m builds the kernel and the driver modules'
	exit 0
fi
if nm "$dir/sprout.elf" | grep -Eq ' (rtc_init|pci_init|cmd_date|cmd_lspci)$'; then
	tap fail 'the kernel has no RTC or PCI code of its own'
else
	tap ok 'the kernel has no RTC or PCI code of its own'
fi
if [ -f "$dir/modules/rtc.ko" ] && [ -f "$dir/modules/pci.ko" ] &&
	cpio -it --quiet < "$dir/initrd.cpio" | grep -qx 'lib/modules/rtc.ko' &&
	cpio -i --quiet --to-stdout etc/modules < "$dir/initrd.cpio" | grep -qx 'rtc'; then
	tap ok 'rtc.ko and pci.ko are in the initrd, listed in etc/modules'
else
	tap fail 'rtc.ko and pci.ko are in the initrd, listed in etc/modules'
fi

KERNEL=$dir/sprout.elf INITRD=$dir/initrd.cpio boot modules 'loglevel=7' \
	< <(printf '%s\n' 'lsmod' 'date' 'lspci' 'rmmod rtc' 'rmmod pci' \
		'lsmod' 'date' 'lspci' 'insmod rtc' 'date' 'poweroff')
expect '\] rtc: (Sun|Mon|Tue|Wed|Thu|Fri|Sat) [0-9]{4}-' 'the boot log still shows the date'
expect '\] pci: [0-9]+ functions found' 'and the PCI functions'
expect '^pci +[0-9]+ +0$' 'lsmod lists pci, loaded at boot'
expect '^rtc +[0-9]+ +0$' 'lsmod lists rtc, loaded at boot'
expect '^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC$' 'date works from the module'
expect '^00:00\.0 Host bridge \[0600\]' 'lspci works from the module'
expect 'rtc: driver removed' 'rmmod rtc runs its exit function'
expect 'pci: listing driver removed' 'rmmod pci runs its exit function'
expect 'sprout: date: command not found' 'date is gone with the module'
expect 'sprout: lspci: command not found' 'lspci is gone with the module'
if [ "$(grep -Ec '^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [0-9]{4}-.* UTC$' "$log")" = 2 ]; then
	tap ok 'insmod rtc brings date back'
else
	tap fail 'insmod rtc brings date back'
fi
expect_status 0 'the session ends in a clean poweroff'

# The default configuration has them built in: no modules at boot.
boot builtin 'loglevel=7' < <(printf '%s\n' 'lsmod' 'rmmod rtc' 'date' 'poweroff')
expect_not '^(rtc|pci) +[0-9]+' 'built in, rtc and pci are not modules'
expect '^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [0-9]{4}-.* UTC$' 'date works built in'
