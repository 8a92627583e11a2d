# 5,000 random bytes typed into the shell (kept in the log directory, to
# replay a failure) leave it responsive: a command after them still runs.
source "$(dirname "$0")/lib.sh"

noise=$out/shell_noise.bin
head -c 5000 /dev/urandom > "$noise"
# Ctrl-C ends whatever line or escape sequence the noise left open.
boot noise 'loglevel=7' < <(cat "$noise"; printf '\003\necho still-responsive\npoweroff\n')
expect '^still-responsive$' 'the shell answers after 5,000 random bytes'
expect_not 'Oops|Kernel panic|general protection' 'no oops or panic'
expect_status 0 'poweroff still ends QEMU cleanly'
