# Hostile module files and file names through the shell: ls quotes names
# with blanks and quotes as GNU ls does on a terminal; insmod of a
# directory says so; a module whose name cannot be a module name, and one
# whose __this_module lies on its own code, are refused with a message and
# the kernel goes on; a module's constructor runs before its init_module;
# lsmod counts no init memory once it is freed.
source "$(dirname "$0")/lib.sh"

tree=$out/modfiles.tree
rm -rf "$tree" && mkdir -p "$tree/etc" "$tree/odd" "$tree/lib/modules"
: > "$tree/etc/modules"
for name in plain "two words" "it's" "$(printf 'red\033[31m')"; do
	: > "$tree/odd/$name"
done
cp "$BUILD/modules/ctor.ko" "$tree/lib/modules/"
# .modinfo's name=hello rewritten in place, the file keeping its size.
LC_ALL=C sed 's|name=hello|name=he/lo|' "$BUILD/modules/hello.ko" > "$tree/odd/badname.ko"
LC_ALL=C sed 's|name=hello|name=h\x1b[1m|' "$BUILD/modules/hello.ko" > "$tree/odd/escname.ko"

# hello.ko with __this_module moved onto cleanup_module (same section and
# offset): the loader would write its struct module's address over code.
forged=$tree/odd/forged.ko
cp "$BUILD/modules/hello.ko" "$forged"
symtab=$(readelf -SW "$forged" | sed -n 's/^ *\[ *[0-9]*\] \.symtab *SYMTAB *[0-9a-f]* \([0-9a-f]*\) .*/\1/p')
read -r _ exit_value _ _ _ _ exit_ndx _ < <(readelf -sW "$forged" | grep ' cleanup_module$')
this=$(readelf -sW "$forged" | sed -n 's/^ *\([0-9]*\): .* __this_module$/\1/p')
at=$((0x$symtab + this * 24))
le16() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $(($1 >> 8)))"; }
le16 "$exit_ndx" | dd of="$forged" bs=1 seek=$((at + 6)) conv=notrunc status=none
printf "\\x$(printf %02x $((0x$exit_value)))" |
	dd of="$forged" bs=1 seek=$((at + 8)) conv=notrunc status=none
[ "$exit_ndx" -gt 0 ] && [ -n "$this" ] && [ "$(readelf -sW "$forged" |
	sed -n 's/.* \([0-9]*\) __this_module$/\1/p')" = "$exit_ndx" ]
tap_status 'the forged module has __this_module in cleanup_module'"'"'s section'

tools/mkinitrd.sh -o "$out/modfiles.cpio" -d "$BUILD/tools/depmod" -t "$tree" \
	$(initrd_modules) 2> "$out/modfiles.mkinitrd.log"
INITRD=$out/modfiles.cpio boot shell 'loglevel=7' < <(printf '%s\n' 'mkdir /o' \
	'echo > /o/plain' 'echo > "/o/two words"' "echo > /o/it's" 'ls /o' \
	'insmod lib/modules' 'insmod /odd/badname.ko' 'insmod /odd/escname.ko' \
	'insmod /odd/forged.ko' 'insmod ctor' 'insmod hello' 'lsmod' \
	'rmmod hello' 'poweroff')

expect '^plain$' 'ls shows a plain name as it is'
expect "^'two words'$" 'a name with a space in single quotes'
expect "^\"it's\"$" 'a name with a single quote in double quotes'
# A name with an escape byte, which no line typed at the prompt can hold,
# is the in-kernel suite shell_files' (ls_quotes_an_escape_byte).

expect '^insmod: ERROR: could not insert module lib/modules: Is a directory$' \
	'insmod of a directory says "Is a directory", as kmod'"'"'s insmod'

expect "badname: bad module name 'he/lo' \\(\\.modinfo name=\\): a module name is 1 to 55 letters, digits and '_'" \
	'a .modinfo name= rmmod could not name is refused, naming it'
expect '^insmod: ERROR: could not insert module /odd/badname\.ko: Invalid module format$' \
	'insmod names the file'
expect "escname: bad module name 'h\\\\033\\[1m'" 'an escape byte in a name is shown escaped'
expect_not $'\033\\[1m' 'and never raw'

expect 'hello: __this_module is in section [0-9]+ \(\.exit\.text\), not in writable data' \
	'a __this_module on code is refused, naming the symbol and section'
expect '^insmod: ERROR: could not insert module /odd/forged\.ko: Invalid module format$' \
	'insmod reports the forged module'"'"'s refusal'

expect '^\[[ 0-9.]+\] ctor: constructor runs$' 'a module'"'"'s constructor runs'
expect 'ctor: constructor ran before init_module' 'before its init_module, once'
expect 'hello: Hello, world' 'hello loads after the refused copies'
expect 'hello: Goodbye, world' 'and is removed without an oops'
expect_not 'BUG|Oops|panic' 'no oops'
expect_status 0 'the session ends in a clean poweroff'
