# Input past a limit is refused or cut with a warning, and never changes
# meaning: what is kept of it means what the whole said, or nothing.
source "$(dirname "$0")/lib.sh"

# A command line over BOOT_CMDLINE_MAX - 1 (1023) bytes, cut inside its last
# word: "module_blacklist=hello_world" must not become
# "module_blacklist=hello", which would keep hello from loading.
# "loglevel=7 " (11 bytes), 123 words of 8 bytes and one of 6 put the word
# at byte 1001, so that the cut after byte 1023 falls just after "hello".
pad="$(printf 'pad%04d ' $(seq 1 123))tail5 "
long="loglevel=7 ${pad}module_blacklist=hello_world"
boot longcmdline "$long" < <(printf '%s\n' 'lsmod' 'cmdline' 'poweroff')
expect "Kernel command line too long \(${#long} bytes, at most 1023\): cut to [0-9]+ bytes at a blank, the rest ignored" \
	'a command line over 1023 bytes is cut with a warning naming its length'
expect_not 'hello: module is blacklisted' 'the cut word is dropped, not applied shortened'
expect '^hello +[0-9]+ +0' 'hello loads as if the cut word had not been there'
expect_status 0 'the kernel runs on after the cut'

# The cmdline command prints what was kept of it whole, though that is
# longer than one console_printf() prints (511 bytes; the cut is tested in
# the core ktest suite).
kept=${long% module_blacklist=hello_world}
expect "^$(printf '%s' "$kept" | sed 's/[].[*^$\\/]/\\&/g')\$" \
	"cmdline prints the ${#kept} bytes kept of the command line whole"

# An initcall_blacklist= value over 255 bytes whose last name starts with
# "populate_rootfs": cut at 255 bytes, it would name populate_rootfs
# itself.  A name of 239 bytes and a comma put that name at byte 240.
first=$(printf '%0239d' 0 | tr 0 a)
value="$first,populate_rootfs_does_not_exist"
boot longblacklist "initcall_blacklist=$value" < <(printf '%s\n' 'poweroff')
expect "initcall_blacklist= is ${#value} bytes, at most 255: ignored" \
	'an initcall_blacklist= over 255 bytes is refused with a warning naming its length'
expect_not 'initcall populate_rootfs\+0x0/0x[0-9a-f]+ blacklisted' \
	'the refused value does not blacklist populate_rootfs, its cut-off last name'
expect 'Unpacking initramfs' 'populate_rootfs runs'
expect_status 0 'the kernel runs on after the refusal'

# Module names longer than one can be (55 bytes) were cut to 55 and taken
# for the module with that name: rmmod q{55}_not_its_name removed q{55}.
q=$(printf '%055d' 0 | tr 0 q)
BOOT_FILES=$BUILD/modules/$q.ko boot longname 'loglevel=7' < <(printf '%s\n' \
	"insmod $q" "rmmod ${q}_not_its_name" 'lsmod' \
	"insmod ${q}_not_its_name" "rmmod $q" 'poweroff')
expect "^rmmod: ERROR: Module ${q}_not_its_name is not currently loaded$" \
	'rmmod of a name longer than a module name can be finds no module'
expect "^insmod: ERROR: could not load module ${q}_not_its_name: No such file or directory$" \
	'insmod of a name longer than a module name can be finds no file'
expect "^$q +[0-9]+ +0$" 'the module with the 55-byte name stays loaded after that rmmod'
expect 'hello: Goodbye, world' 'rmmod of its whole name removes it'
expect_status 0 'the kernel runs on'
