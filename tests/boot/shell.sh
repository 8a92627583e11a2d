# The shell over serial: line editing (backspace, Ctrl-U, Ctrl-C), history
# on the arrow keys, Tab completion, commands' output and errors, and input
# no shell should choke on: an overlong line, control bytes, broken escape
# sequences, 5,000 random bytes.
source "$(dirname "$0")/lib.sh"

up=$'\e[A' down=$'\e[B'
input=(
	'echo abcd\b\bX\x7fY'		# backspace and DEL: "abY"
	'echo wrong\x15echo right'	# Ctrl-U
	'echo cancelled\x03echo after-ctrl-c'
	'echo hist-one'
	'echo hist-two'
	"$up$up"			# two back: hist-one again
	"$up$up$up$down"		# hist-one, hist-two, hist-one, back down
	'ech\t tab-command'		# the only command starting "ech"
	'mkdir -p /etc /lib/modules'	# a tree to complete names in
	'echo etc-modules-text > /etc/modules'
	'echo > /lib/modules/modules.dep'
	'cat /etc/mod\t'		# file name completion
	'ls /li\tmod\t'			# directories get a "/"
	'ls /\t\x15echo listed'		# several matches: all are listed
	'frobnicate --now'
	"echo $(printf 'a%.0s' {1..300})"
	'echo after-long-line'
	'\e[2~\eOD\e[1;2H\e\x01echo mi\x02x\xffed'	# keys we ignore, junk bytes
	'\e[11111111111111111111111111111111\necho after-bad-escape'
	'cmdline'
	'help'
	'echo ==err==' 'dmesg -l err' 'echo ==end=='
	'echo ==warn==' 'dmesg -l warn' 'echo ==end=='
	'echo ==info==' 'dmesg -l 6,debug' 'echo ==end=='
	'dmesg -l nonsense'
	'clear'
)
boot edit 'loglevel=7 bogusparam' < <(printf '%b\n' "${input[@]}" poweroff)

# The output of the commands between "echo ==NAME==" and "echo ==end==".
section() {
	sed -n "/^==$1==\$/,/^==end==\$/p" "$log" | grep -v '^==\|^sprout# '
}
expect '^abY$' 'backspace and DEL erase the character before them'
expect '^right$' 'Ctrl-U erases the whole line'
expect_not '^wrong' 'Ctrl-U: the erased text does not run'
expect_not '^cancelled$' 'Ctrl-C drops the line being typed'
expect '^after-ctrl-c$' 'a line after Ctrl-C runs'
[ "$(grep -c '^hist-one$' "$log")" = 2 ] && tap ok 'up arrow recalls an earlier line' ||
	tap fail 'up arrow recalls an earlier line (hist-one not run twice)'
[ "$(grep -c '^hist-two$' "$log")" = 2 ] && tap ok 'down arrow moves to a newer line' ||
	tap fail 'down arrow moves to a newer line (hist-two not run twice)'
expect '^tab-command$' 'Tab completes a command name'
expect '^etc-modules-text$' 'Tab completes a file name'
expect '^modules.dep$' 'Tab completes directory names, with a trailing /'
expect '^etc/  lib/  sys/  $' 'Tab with several matches lists them (/sys is mounted at boot)'
expect "^sprout: frobnicate: command not found \(type 'help'\)$" 'an unknown command is reported'
expect '^sprout: line too long \(at most 255 characters\); ignored$' 'an overlong line is rejected'
expect '^after-long-line$' 'the shell goes on after an overlong line'
expect '^mixed$' 'ignored keys, control and non-ASCII bytes do not reach the line'
expect '^after-bad-escape$' 'an endless escape sequence is given up on'
expect '^loglevel=7 bogusparam$' 'cmdline prints the command line'
expect '^  ls +\[-al\] \[file\.\.\.\] +list directories$' 'help lists commands with usage'
expect '^  dmesg +\[-l level' 'help shows dmesg -l'
grep -q '^==err==$' "$log" && [ -z "$(section err)" ] && tap ok 'dmesg -l err: no error was logged' ||
	tap fail "dmesg -l err printed: $(section err | head -n 3)"
section warn | grep -q 'Unknown kernel command line parameter "bogusparam"' &&
	! section warn | grep -q ' ready$' &&
	tap ok 'dmesg -l warn prints warnings only' ||
	tap fail 'dmesg -l warn prints warnings only'
section info | grep -q 'Sprout [0-9.]* ready$' &&
	! section info | grep -q 'Unknown kernel command line' &&
	tap ok 'dmesg -l 6,debug prints info messages only' ||
	tap fail 'dmesg -l 6,debug prints info messages only'
expect "^dmesg: unknown level 'nonsense'$" 'dmesg -l rejects an unknown level'
expect $'\e\\[H\e\\[2J' 'clear sends the clear-screen sequence'
expect_status 0 'the shell powers off after all of it'

# poweroff and reboot take no arguments: a stray word (random input
# completed to "poweroff x") prints the usage and the shell goes on.
boot stray 'loglevel=7' < <(printf 'poweroff now\nreboot please\ninsmod\necho still-here\npoweroff\n')
expect '^usage: poweroff' 'poweroff with an argument prints its usage'
expect '^usage: reboot' 'reboot with an argument prints its usage'
expect '^usage: insmod name' 'insmod with no module prints its usage'
expect '^still-here$' 'and the shell goes on'
expect_status 0 'the plain poweroff after them ends QEMU with status 0'
