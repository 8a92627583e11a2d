# Every kernel header compiles on its own (STYLE.md: no header depends on
# what its includer happened to include first); the include/linux ones
# also as a module sees them (-DMODULE), and pull each other in as
# Linux's do, so a module including only <linux/module.h> and
# <linux/slab.h> has pr_info(), -ENOMEM and SLAB_HWCACHE_ALIGN.
source "$(dirname "$0")/../boot/lib.sh"

flags="-std=gnu11 -ffreestanding -fsyntax-only -Wall -Wextra -Werror -Iinclude"
modflags="$flags -DMODULE -DKBUILD_MODNAME=\"check\""
bad=0
for h in include/kernel/*.h include/trace/events/*.h include/linux/*.h include/linux/*/*.h include/asm/*.h; do
	[ -f "$h" ] || continue
	for f in "$flags" "$modflags"; do
		case $h:$f in include/kernel/*:*MODULE* | include/trace/*:*MODULE*) continue ;; esac
		if ! echo "#include <${h#include/}>" | eval gcc "$f" -x c - 2> "$out/header.err"; then
			echo "# $h ($f):"; sed 's/^/#   /' "$out/header.err" | head -5
			bad=$((bad + 1))
		fi
	done
done
if [ "$bad" = 0 ]; then
	tap ok 'every header in include/ compiles on its own (include/linux also with -DMODULE)'
else
	tap fail "$bad headers do not compile on their own"
fi

n=$(ls include/linux/*.h | wc -l)
missing=
for h in module init kernel printk moduleparam stat types errno string slab \
	spinlock mutex list delay jiffies export compiler bug ktime minmax sched; do
	[ -f "include/linux/$h.h" ] || missing="$missing $h.h"
done
[ -z "$missing" ] && tap ok "include/linux has the $n headers classic modules include" ||
	tap fail "include/linux lacks:$missing"

log=$out/header.pull.log
cat > "$out/header.pull.c" <<'C'
#include <linux/module.h>
#include <linux/slab.h>

static int check_pull(void)
{
	pr_info("%d %u\n", -ENOMEM, SLAB_HWCACHE_ALIGN);
	return ARRAY_SIZE("ab") + min(1, 2) + S_IRUGO + strlen("x");
}
module_init(check_pull);
C
if eval gcc "$modflags" "$out/header.pull.c" > "$log" 2>&1; then
	tap ok '<linux/module.h> and <linux/slab.h> alone give pr_info, -ENOMEM, SLAB_HWCACHE_ALIGN, min, S_IRUGO, strlen'
else
	tap fail '<linux/module.h> and <linux/slab.h> alone do not give what Linux'"'"'s do'
fi
