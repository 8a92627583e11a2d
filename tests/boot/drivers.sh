# The built-in drivers start at their initcall levels, in order; the boot
# log shows the CMOS date and every PCI function of QEMU's machine -- also
# one behind a PCI-to-PCI bridge -- and lspci lists exactly what QEMU's own
# "info pci" reports.
source "$(dirname "$0")/lib.sh"

sock=$out/drivers.monitor
dlog=$out/$test_name.pc.log	# where boot() logs the run named pc
qemu_pci=$out/drivers.info-pci
rm -f "$dlog" "$qemu_pci"

# Runs beside QEMU: at the prompt, ask QEMU which PCI functions it has.
info_pci_then_commands() {
	local i
	for i in $(seq 600); do
		grep -q 'sprout# ' "$dlog" 2>/dev/null && break
		sleep 0.1
	done
	printf 'info pci\n' | socat -t 2 - "UNIX-CONNECT:$sock" > "$qemu_pci" 2>&1
	printf 'lspci\npoweroff\n'
}

boot pc 'loglevel=7' --monitor "$sock" \
	-- -device pci-bridge,id=bridge1,chassis_nr=1 \
	-device virtio-rng-pci,bus=bridge1,addr=3 < <(info_pci_then_commands)

# Each driver's line, and the level it registers at.
order='vga:core pic:arch pit:subsys serial:device keyboard:device pci:device rtc:device power:device'
last=0 ok=1
for entry in $order; do
	name=${entry%%:*}
	line=$(grep -n "^\[ *[0-9.]*\] $name: " "$log" | head -n 1 | cut -d: -f1)
	if [ -z "$line" ] || [ "$line" -le "$last" ]; then
		ok=0
		echo "# $name (${entry#*:} level) missing or out of order"
	fi
	last=${line:-$last}
done
if [ "$ok" = 1 ]; then tap ok 'drivers start in initcall level order'; else tap fail 'drivers start in initcall level order'; fi
expect 'rtc: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) 20[0-9]{2}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC' \
	'the boot log shows the date from the CMOS clock'
expect 'pci 00:00\.0 Host bridge \[0600\]: 8086:1237' 'the boot log lists the i440FX host bridge'
expect 'pci 00:01\.0 ISA bridge \[0601\]: 8086:7000' 'the boot log lists the PIIX3 ISA bridge'
expect 'pci 0[0-9]:0[0-9]\.0 PCI bridge \[0604\]: 1b36:0001' 'the boot log lists the PCI-to-PCI bridge'
expect 'pci 01:03\.0 .*: 1af4:' 'the device behind the bridge is found on bus 01'
expect 'irq: interrupts on \(XT-PIC\)' 'interrupts come on after the initcalls'

# QEMU's view: "Bus  0, device   1, function 1:" then "... PCI device 8086:7010".
want=$(awk '/Bus +[0-9]+, device +[0-9]+, function [0-9]+:/ {
		gsub(",", ""); bus = $2; dev = $4; fn = $6 }
	/PCI device [0-9a-f]+:[0-9a-f]+/ {
		printf "%02x:%02x.%x %s\n", bus, dev, fn, $NF }' <(tr -d '\r' < "$qemu_pci") | sort)
got=$(sed -n '/^sprout# lspci$/,/^sprout# /p' "$log" |
	sed -n 's/^\([0-9a-f:.]*\) .*\]: \([0-9a-f]*:[0-9a-f]*\) (rev ..)$/\1 \2/p' | sort)
if [ -n "$want" ] && [ "$want" = "$got" ]; then
	tap ok "lspci lists exactly QEMU's PCI functions ($(echo "$want" | wc -l))"
else
	tap fail 'lspci lists exactly the PCI functions QEMU reports'
	diff <(echo "$want") <(echo "$got") | sed 's/^/# /'
fi
expect_status 0 'the run ends with poweroff'

# QEMU's other PC machine (q35, ICH9): its PCI functions are listed and the
# power driver finds the ACPI registers in the LPC bridge instead.
boot q35 'loglevel=7' --no-debug-exit -- -M q35 < <(printf 'poweroff\n')
expect 'pci 00:1f\.0 ISA bridge \[0601\]: 8086:2918' 'q35: the ICH9 LPC bridge is listed'
expect 'power: ACPI PM1a control at 0x[0-9a-f]+ \(ICH9 LPC\)' 'q35: the power driver finds the ICH9 PM block'
expect_status 0 'q35: poweroff through ACPI ends QEMU'
