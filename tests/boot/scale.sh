# Input that once took time growing faster than its size, each boot within
# a timeout the old code overran many times: a modules.dep line naming one
# dependency 3,000 times (cubic: 14 minutes), and an initrd directory of
# 20,000 files listed, Tab-completed in and searched for a module that is
# not there (quadratic: 25 s and 97 s, and 2 s per insmod with only
# 5,000 files).
source "$(dirname "$0")/lib.sh"

TIMEOUT=${SCALE_TIMEOUT:-60}

# pack NAME TREE: an initrd of TREE as tools/mkinitrd.sh packs one, but
# with the files as they are (no modules.dep written by depmod).
pack() {
	find "$2" -mindepth 1 -exec touch -h -d @0 {} +
	(cd "$2" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
		cpio -o -H newc --quiet --reproducible -R 0:0) > "$out/scale.$1.cpio"
}

# hello "needs" chain_base 3,000 times over, and etc/modules loads it.
tree=$out/scale.dep.tree
rm -rf "$tree" && mkdir -p "$tree/lib/modules" "$tree/etc"
cp "$BUILD/modules/hello.ko" "$BUILD/modules/chain_base.ko" "$tree/lib/modules/"
{
	printf 'lib/modules/hello.ko:'
	printf ' lib/modules/chain_base.ko%.0s' $(seq 3000)
	printf '\nlib/modules/chain_base.ko:\n'
} > "$tree/lib/modules/modules.dep"
printf 'hello\n' > "$tree/etc/modules"
pack dep "$tree"
INITRD=$out/scale.dep.cpio boot dep 'loglevel=7' < <(printf '%s\n' \
	'rmmod hello' 'modprobe hello' 'lsmod' 'poweroff')
expect 'chain_base: loaded' 'etc/modules loads the dependency named 3,000 times'
expect 'Sprout [0-9.]+ ready' 'the boot goes on to the shell'
expect '^chain_base +[0-9]+ +0$' 'lsmod: the dependency is loaded'
expect_not 'chain_base: a module of that name is already loaded' \
	'the repeats find it loaded and do not load it again'
expect '^hello +[0-9]+ +0$' 'modprobe loads its user again after rmmod'
expect_status 0 'within the timeout'

# 20,000 files in lib/modules beside hello, in the order cpio packs them:
# insmod finds a module among them by its index.
tree=$out/scale.ls.tree
rm -rf "$tree" && mkdir -p "$tree/lib/modules" "$tree/etc"
(cd "$tree/lib/modules" && printf 'f%05d\n' $(seq 0 19999) | xargs touch)
: > "$tree/etc/modules"
tools/mkinitrd.sh -o "$out/scale.ls.cpio" -d "$BUILD/tools/depmod" -t "$tree" \
	"$BUILD/modules/hello.ko"
INITRD=$out/scale.ls.cpio boot ls 'loglevel=7' < <(printf '%b\n' \
	'insmod nosuch' 'insmod hello' 'poweroff')
expect 'initrd: 20006 entries' 'the initrd holds the 20,000 files'
expect '^insmod: ERROR: could not load module nosuch: No such file or directory$' \
	'insmod of a module that is not there says so'
expect 'hello: Hello, world' 'insmod finds the module that is'
expect_status 0 'within the timeout'
