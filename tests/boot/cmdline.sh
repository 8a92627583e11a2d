# The kernel receives exactly the command line it was given: tools/mkiso.sh
# quotes it for GRUB's lexer, and the kernel undoes GRUB's own escapes.
source "$(dirname "$0")/lib.sh"

# A quoted parameter value reaches a module as one value (modprobe from
# the shell applies the command line's params.name=), and the command line
# shows the quotes where they were written.
cmdline='loglevel=7 params.name="two words"'
boot quoted "$cmdline" < <(printf '%s\n' 'rmmod params' 'modprobe params' 'poweroff')
expect "^\[ *[0-9.]+\] Command line: $(printf '%s' "$cmdline" | sed 's/[].[*^$\\/]/\\&/g')\$" \
	'a quoted value reaches the kernel as written'
expect '\] params: big=-30 ubig=40 name=two words ' 'params.name="two words" sets the value with its blank'
expect_status 0 'the quoted command line boots'

# Characters GRUB's lexer would take for its own: an unbalanced quote (GRUB
# stopped at "error: syntax error."), a single quote, a backslash, '$', and
# a run of two blanks.
cmdline="loglevel=7 odd=\"half it's=a\\b var=\$root  two=blanks"
boot special "$cmdline" < <(printf 'poweroff\n')
expect_not 'syntax error' 'GRUB parses the command line'
expect "^\[ *[0-9.]+\] Command line: $(printf '%s' "$cmdline" | sed 's/[].[*^$\\/]/\\&/g')\$" \
	'quotes, a backslash, $ and a run of blanks reach the kernel byte for byte'
expect_status 0 'the kernel boots and powers off'
