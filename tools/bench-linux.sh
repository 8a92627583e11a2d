#!/bin/bash
# make bench-linux: the benchmark modules of tests/bench/linux/ (its
# Kbuild's obj-m: bench_sched, bench_defer) on Linux, for make bench to
# print beside Sprout's figures.  Debian 12's kernel and headers are
# downloaded into $BUILD/linux and unpacked there, never installed; the
# modules are built against those headers as any out-of-tree module is;
# and Linux boots in QEMU as make bench boots Sprout (same machine, RAM,
# emulation and second serial port), from an initramfs holding only the
# modules and a static /init (tools/bench-linux/init.c) that loads them,
# reads /dev/zero itself (its "bench_user" figures) and powers off.  The
# figures go to $BUILD/bench-linux.json.
#
# Usage: tools/bench-linux.sh   (from make bench-linux; BUILD and MEM in
#        the environment)
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
mem=${MEM:-128}
top=$(realpath -m "$BUILD/linux")
root=$top/root
json=$BUILD/bench-linux.json

fail() {
	echo "bench-linux: $*" >&2
	exit 1
}

# depends PACKAGE REGEX: the package PACKAGE depends on whose name matches
# REGEX (the metapackages name the versioned ones, linux-image-6.1.0-N-amd64).
depends() {
	apt-cache depends "$1" 2> /dev/null |
		sed -n "s/^  Depends: \($2\)\$/\1/p" | head -n 1
}

image=$(depends linux-image-amd64 'linux-image-[0-9].*')
if [ -z "$image" ]; then
	[ "$(id -u)" = 0 ] ||
		fail "apt knows no linux-image-amd64: run 'apt-get update' as root, then make bench-linux again"
	echo "bench-linux: apt-get update" >&2
	apt-get update -q > "$BUILD/apt-update.log" 2>&1 ||
		fail "apt-get update failed (see $BUILD/apt-update.log)"
	image=$(depends linux-image-amd64 'linux-image-[0-9].*')
	[ -n "$image" ] || fail "apt knows no linux-image-amd64 even after apt-get update"
fi
release=${image#linux-image-}
headers=$(depends linux-headers-amd64 'linux-headers-[0-9].*')
[ "$headers" = "linux-headers-$release" ] ||
	fail "linux-headers-amd64 is '$headers', not the headers of $image"
common=$(depends "$headers" 'linux-headers-.*-common')
kbuild=$(depends "$headers" 'linux-kbuild-.*')
[ -n "$common" ] && [ -n "$kbuild" ] ||
	fail "$headers names no -common headers or linux-kbuild package"

# The four packages, fetched once and unpacked into $root, the files where
# an installation would put them (boot/, usr/src/, usr/lib/).
mkdir -p "$top/debs"
for p in "$image" "$headers" "$common" "$kbuild"; do
	[ -n "$(ls "$top/debs/${p}_"*.deb 2> /dev/null)" ] && continue
	echo "bench-linux: apt-get download $p" >&2
	(cd "$top/debs" && apt-get download "$p") > "$top/download.log" 2>&1 ||
		fail "apt-get download $p failed (see $top/download.log)"
done
if [ ! -e "$root/.unpacked-$release" ]; then
	rm -rf "$root" && mkdir -p "$root"
	for p in "$image" "$headers" "$common" "$kbuild"; do
		dpkg-deb -x "$(ls "$top/debs/${p}_"*.deb | tail -n 1)" "$root"
	done
	touch "$root/.unpacked-$release"
fi
version=$(dpkg-deb -f "$(ls "$top/debs/${image}_"*.deb | tail -n 1)" Version)
vmlinuz=$root/boot/vmlinuz-$release
kdir=$root/usr/src/linux-headers-$release
[ -f "$vmlinuz" ] && [ -f "$kdir/Makefile" ] || fail "$image or $headers unpacked without its kernel or Makefile"

# The headers' Makefile includes the -common one by its installed path; in
# the unpacked copy it includes the unpacked one.  The scripts and tools
# links are relative and already point into $root.
sed -i "s|^include /usr/src/|include $root/usr/src/|" "$kdir/Makefile"
command -v gcc-12 > /dev/null ||
	fail "Debian's kernel is built with gcc-12, which modules must be built with too: apt-get install gcc-12"

# Built in a copy, since Kbuild writes next to the sources.
src=$top/bench_modules
rm -rf "$src" && mkdir -p "$src"
cp tests/bench/linux/Kbuild tests/bench/linux/*.c "$src"
modules=$(sed -n 's/^obj-m += \([a-z_]*\)\.o$/\1/p' "$src/Kbuild")
[ -n "$modules" ] || fail "tests/bench/linux/Kbuild names no module (obj-m += NAME.o)"
echo "bench-linux: building" $modules "against $headers" >&2
make -C "$kdir" M="$src" modules > "$top/module.log" 2>&1 ||
	fail "the benchmark modules did not build against $headers (see $top/module.log)"

# The initramfs: /init, the modules and the order to load them in
# (Kbuild's, with paths in the initramfs).
initramfs=$top/initramfs
rm -rf "$initramfs" && mkdir -p "$initramfs"
gcc -static -O2 -Wall -Wextra -Werror tools/bench-linux/init.c -o "$initramfs/init" ||
	fail "tools/bench-linux/init.c did not build (a static program needs libc6-dev)"
for m in $modules; do
	cp "$src/$m.ko" "$initramfs/"
done
sed 's|.*/|/|' "$src/modules.order" > "$initramfs/modules.order"
(cd "$initramfs" && find . | cpio -o -H newc --quiet) > "$top/initramfs.cpio"

# COM2 (-serial null) is the device whose interrupt bench_defer's irq_us
# times; ttyS0 stays the console, sharing stdio with QEMU's monitor as
# -nographic alone would have it.
echo "bench-linux: booting Linux $release" >&2
log=$top/boot.log
timeout -k 5 300 qemu-system-x86_64 -M pc -m "$mem" -nographic -no-reboot \
	-serial mon:stdio -serial null \
	-kernel "$vmlinuz" -initrd "$top/initramfs.cpio" \
	-append 'console=ttyS0 loglevel=7 panic=-1' < /dev/null > "$log" 2>&1 ||
	fail "QEMU ended with status $? (see $log)"
figures=
for m in $modules bench_user; do
	f=$(tools/bench-figures.sh --json "$m" "$log") ||
		fail "no figures from $m (see $log)"
	figures="$figures,
  \"$m\": $f"
done

cat > "$json" << EOF
{
  "kernel": "Linux $release, Debian $version",
  "machine": "$(uname -m), $(nproc) CPUs, $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -n 1)",
  "qemu": "$(qemu-system-x86_64 --version | head -n 1)",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"$figures
}
EOF
for m in $modules bench_user; do
	tools/bench-figures.sh "$m" "$log"
done
echo "bench-linux: figures in $json" >&2
