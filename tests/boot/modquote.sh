# A quoted module argument typed in the shell keeps its spaces: the shell
# hands insmod and modprobe the rest of the line as typed, and only the
# parameter parser splits it, once.
source "$(dirname "$0")/lib.sh"
use_bare_initrd

boot quoted 'loglevel=7' < <(printf '%s\n' 'insmod params name="a b" count=2' \
	'rmmod params' 'modprobe params name="x  y"' 'rmmod params' \
	'insmod params name=plain' 'poweroff')
expect 'params: .* count=2 ' 'the argument after the quoted one is still read'
expect 'params: big=-30 ubig=40 name=a b level=3' 'insmod keeps the space in name="a b"'
expect 'params: big=-30 ubig=40 name=x  y level=3' 'modprobe keeps both spaces in name="x  y"'
expect 'params: big=-30 ubig=40 name=plain level=3' 'an unquoted value is unchanged'
expect_not "unknown parameter 'b'" 'no word of a quoted value is taken as a parameter'
expect_status 0 'the session ends in a clean poweroff'
