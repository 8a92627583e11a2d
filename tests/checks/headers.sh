# Every kernel header compiles on its own (STYLE.md: no header depends on
# what its includer happened to include first).
source "$(dirname "$0")/../boot/lib.sh"

flags="-std=gnu11 -ffreestanding -fsyntax-only -Wall -Wextra -Werror -Iinclude"
bad=0
for h in include/kernel/*.h include/linux/*.h; do
	[ -f "$h" ] || continue
	if ! echo "#include <${h#include/}>" | gcc $flags -x c - 2> "$out/header.err"; then
		echo "# $h:"; sed 's/^/#   /' "$out/header.err" | head -5
		bad=$((bad + 1))
	fi
done
if [ "$bad" = 0 ]; then
	tap ok 'every header in include/ compiles on its own'
else
	tap fail "$bad headers do not compile on their own"
fi
