#!/bin/sh
# Install the Debian packages Sprout needs to build, run and test, if any
# are missing.  As root it runs apt-get; otherwise it prints the command.
set -eu
# excerpt: deps-packages
packages="make gcc libc6-dev binutils nasm cpio kmod gdb clang lld
qemu-system-x86 ovmf grub-common grub-pc-bin grub-efi-amd64-bin mtools xorriso
libcmocka-dev socat libxml2-utils clang-format-14 llvm libclang-rt-14-dev
pandoc python3"
# excerpt-end: deps-packages
# make fuzz: libFuzzer and the sanitizer runtimes are in clang's compiler-rt
# package, libclang-rt-14-dev for Debian 12's clang 14 (only recommended by
# clang, so named here); llvm has llvm-cov.  pandoc renders the tutorial
# (make book); python3 runs the gdb test's port finder and a tutorial
# solution; the browser its check needs is heavy, so make book-check
# installs it itself.

# One dpkg-query for all of them: every make run and make test starts here.
# shellcheck disable=SC2086
installed=" $(dpkg-query -W -f='${Package} ${Status}\n' $packages 2>/dev/null |
	awk '/ ok installed$/ { printf "%s ", $1 }')"
missing=
for p in $packages; do
	case $installed in
	*" $p "*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != 0 ]; then
	echo "Sprout needs these Debian packages:$missing" >&2
	echo "Install them as root with:" >&2
	echo "    apt-get update && $cmd" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
