# Input the shell must survive or keep up with: a 300-line script piped in
# faster than the shell answers (every line runs: the serial driver holds
# input back instead of dropping it), and 5,000 random bytes (kept in the
# log directory, to replay a failure) after which the shell still answers.
source "$(dirname "$0")/lib.sh"

boot flood 'loglevel=7' < <(for i in $(seq 300); do echo "echo line-$i"; done; echo poweroff)
lines=$(grep -c '^line-[0-9]*$' "$log")
[ "$lines" = 300 ] && tap ok 'all 300 lines of a piped script run' ||
	tap fail "all 300 lines of a piped script run (only $lines did)"
expect '^line-300$' 'the last line runs'
expect_status 0 'the script ends with poweroff'

noise=$out/shell_noise.bin
head -c 5000 /dev/urandom > "$noise"
# Ctrl-C ends whatever line or escape sequence the noise left open.
boot noise 'loglevel=7' < <(cat "$noise"; printf '\003\necho still-responsive\npoweroff\n')
expect '^still-responsive$' 'the shell answers after 5,000 random bytes'
expect_not 'Oops|Kernel panic|general protection' 'no oops or panic'
expect_status 0 'poweroff still ends QEMU cleanly'

# Escape sequences parsed as a terminal parses them.  An ESC inside a
# sequence starts a new one: "ESC [ ESC [ A" is the Up key, which recalls
# the line before.  A CSI sequence too long to be a key (24 parameter
# bytes) is dropped whole, up to its final byte: none of it reaches the line.
long_csi=$(printf '1;%.0s' $(seq 12))
boot escapes 'loglevel=7' < <(printf 'echo first\n\033[\033[A\necho second\033[%sA\npoweroff\n' "$long_csi")
n=$(grep -c '^first$' "$log")
[ "$n" = 2 ] && tap ok 'an ESC inside a sequence starts a new one (Up recalls the line)' ||
	tap fail "an ESC inside a sequence starts a new one (the recalled line ran $((n - 1)) times, not once)"
expect '^second$' 'an over-long CSI sequence is dropped whole: its tail is not typed'
expect_not 'command not found' 'no part of a sequence runs as a command'
expect_status 0 'the shell powers off after the sequences'
