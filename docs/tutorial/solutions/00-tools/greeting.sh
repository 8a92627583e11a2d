# Chapter 0, exercise 1, solved: a boot test of one's own.  Copied to
# tests/boot/greeting.sh it runs with "make test TESTS=greeting".  It boots
# Sprout with the initrd, types two commands at the shell and checks that
# the hello module greeted, that lsmod lists it unused, and that poweroff
# ended QEMU cleanly.
source "$(dirname "$0")/../../../../tests/boot/lib.sh"

boot hello 'loglevel=7' < <(printf 'lsmod\npoweroff\n')
expect 'hello: Hello, world$' 'the hello module greets at boot'
expect '^hello +[0-9]+ +0$' 'lsmod lists hello, used by nothing'
expect_status 0 'poweroff ends QEMU with status 0'
