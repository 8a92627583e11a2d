#!/bin/sh
# Pack the initrd: a cpio "newc" archive (as GNU cpio -H newc writes it) of
# the base tree (iso/initrd: etc/modules), the modules under lib/modules with
# the modules.dep that tools/depmod writes for them, and any extra trees,
# whose files land under / and win over the others.  With -s the modules
# lose their debug information on the way in, as Linux's INSTALL_MOD_STRIP=1
# installs them.
# Usage: tools/mkinitrd.sh -o OUT.cpio -d DEPMOD [-s] [-t TREE]... [module.ko...]
set -eu
out= depmod= trees= strip=
while [ $# -gt 0 ]; do
	case $1 in
	-o) out=$2; shift 2 ;;
	-d) depmod=$2; shift 2 ;;
	-s) strip=1; shift ;;
	-t)
		[ -d "$2" ] || { echo "mkinitrd: $2: no such directory" >&2; exit 1; }
		trees="$trees
$2"
		shift 2 ;;
	-*) echo "mkinitrd: unknown option '$1'" >&2; exit 64 ;;
	*) break ;;
	esac
done
[ -n "$out" ] && [ -n "$depmod" ] || {
	echo "usage: mkinitrd.sh -o OUT.cpio -d DEPMOD [-s] [-t TREE]... [module.ko...]" >&2
	exit 64
}

stage=$(mktemp -d "${TMPDIR:-/tmp}/sprout-initrd.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/lib/modules"
for ko in "$@"; do
	# Two modules of one name: the loader could only ever find one.
	if [ -e "$stage/lib/modules/${ko##*/}" ]; then
		echo "mkinitrd: $ko: a module named ${ko##*/} is already in lib/modules" >&2
		exit 1
	fi
	if [ -n "$strip" ]; then
		objcopy --strip-debug "$ko" "$stage/lib/modules/${ko##*/}"
	else
		cp "$ko" "$stage/lib/modules/"
	fi
done
# One tree per line, so a directory name may contain spaces.
printf '%s\n' "$trees" | while IFS= read -r tree; do
	[ -n "$tree" ] && cp -R "$tree/." "$stage/"
done

# Every module in the archive, the extra trees' too, goes into modules.dep.
set --
for ko in "$stage"/lib/modules/*.ko; do
	[ -f "$ko" ] && set -- "$@" "$ko"
done
"$depmod" -o "$stage/lib/modules/modules.dep" "$@"

# Sorted names, owner root, no device numbers, every time stamp 0: the
# same input gives the same archive (so the boot tests reuse the ISO made
# from it, tests/boot/lib.sh).
find "$stage" -mindepth 1 -exec touch -h -d @0 {} +
(cd "$stage" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio -o -H newc --quiet --reproducible -R 0:0) > "$out.tmp"
mv "$out.tmp" "$out"
