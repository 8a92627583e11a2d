# What the module loader warns about: an init_module that returns a
# positive number (Linux's "init suspiciously returned"), and a license
# that is not GPL-compatible, which taints the kernel -- shown by lsmod
# ("Tainted: P", and "(P)" on the module) and in the oops header; and what
# it refuses: a module shell command with a name the shell already has.
source "$(dirname "$0")/lib.sh"
use_bare_initrd

# The output of the @1-th (1-based) shell command @2 in $log.
command_output() {
	awk -v want="$1" -v cmd="sprout# $2" '
		index($0, "sprout# ") == 1 { on = ($0 == cmd && ++n == want); next }
		on' "$log"
}

boot posinit 'loglevel=7' < <(printf '%s\n' 'insmod posinit' 'lsmod' \
	'insmod dupcmd' 'help' 'insmod nongpl' 'lsmod' 'poweroff')
expect 'posinit: init suspiciously returned 1, it should follow 0/-E convention' \
	'a positive init return is warned about'
if command_output 1 lsmod | grep -Eq '^posinit +[0-9]+ +0$'; then
	tap ok 'the module stays loaded and live'
else
	tap fail 'the module stays loaded and live'
fi
if command_output 1 lsmod | grep -q 'ainted'; then
	tap fail 'GPL modules leave the kernel untainted'
else
	tap ok 'GPL modules leave the kernel untainted'
fi
expect "dupcmd: shell command 'help' already exists" 'a module command cannot take an existing name'
expect 'insmod: ERROR: could not insert module dupcmd.ko: File exists' 'insmod reports EEXIST in kmod words'
expect_not 'dupcmd: init must not run' 'the refused module'"'"'s init does not run'
if [ "$(command_output 1 help | grep -c '^  help ')" = 1 ]; then
	tap ok 'help is still the one built-in command'
else
	tap fail 'help is still the one built-in command'
fi
expect "nongpl: module license 'Proprietary' taints kernel" 'a non-GPL license is reported'
if command_output 2 lsmod | grep -qx 'Tainted: P' &&
	! command_output 2 lsmod | grep -q '^nongpl'; then
	tap ok 'the refused non-GPL module still taints the kernel (lsmod)'
else
	tap fail 'the refused non-GPL module still taints the kernel (lsmod)'
fi
expect_status 0 'the session ends in a clean poweroff'

boot closed 'loglevel=7' < <(printf '%s\n' 'insmod closed' 'lsmod' \
	'insmod initfree' 'rmmod initfree' 'poweroff')
if command_output 1 lsmod | grep -qx 'Tainted: P' &&
	command_output 1 lsmod | grep -Eq '^closed +[0-9]+ +0 \(P\)$'; then
	tap ok 'lsmod shows the taint and flags the module (P)'
else
	tap fail 'lsmod shows the taint and flags the module (P)'
fi
expect '^.*CPU: 0 PID: [0-9]+ Comm: [^ ]+ Tainted: P Sprout' 'the oops header shows the taint'
expect_status 2 'the oops panics'

boot untainted 'crash=pagefault'
expect '^.*CPU: 0 PID: [0-9]+ Comm: [^ ]+ Not tainted Sprout' 'an untainted kernel says so in the oops header'
expect_status 2 'the oops panics'
