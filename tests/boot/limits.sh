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
