#!/bin/bash
# The shell's file commands over the VFS, with coreutils' output and
# messages, and redirection of any command's output to a file.
. "$(dirname "$0")/lib.sh"

boot files 'loglevel=4' < <(printf '%s\n' \
	'echo hi > /f' 'cat /f' 'echo -n more >> /f' 'cat /f' 'echo' \
	'mkdir /d' 'mkdir /d' 'mkdir -p /d/e/g' 'ln -s /f /l' \
	'ls /' 'ls -a /d' 'ls -l /' 'ls /f /d' 'ls /x' 'cat /nope' \
	'cd /d' 'pwd' 'cd /x' 'cd' 'pwd' 'rmdir /d' 'rm /d' 'rm /nope' \
	'stat /f' 'head -c 3 /f' 'echo' 'hexdump -C /f' 'cmdline > /c' 'cat /c' \
	'cat < /f' 'echo' 'echo x > /nope/f' 'ls -al /d/e' 'stat /l' 'rm -r /d' 'ls /d' \
	'cd /' 'ls' 'cat /proc/nope' 'echo t > /proc/sysrq-trigger' 'dmesg' poweroff)
expect '^hi$' 'echo > creates a file, cat prints it'
expect '^moresprout# echo$' 'echo -n >> appends without a newline'
expect "^mkdir: cannot create directory '/d': File exists$" 'mkdir of an existing name: coreutils words'
expect '^c$' 'ls / lists the file made by cmdline >'
expect '^\.\.$' 'ls -a shows . and ..'
expect '^e$' 'ls -a lists a directory'
expect '^-rw-r--r-- 1 root root 7 Jan  1  1970 f$' 'ls -l: mode, links, owner, size, the epoch, name'
expect '^lrwxrwxrwx 1 root root 2 Jan  1  1970 l -> /f$' 'ls -l shows where a link points'
expect '^drwxr-xr-x [0-9]+ root root 0 Jan  1  1970 d$' 'ls -l shows a directory'
expect '^/d:$' 'ls of several operands heads each directory'
expect "^ls: cannot access '/x': No such file or directory$" 'ls of a missing name: coreutils words'
expect '^cat: /nope: No such file or directory$' 'cat of a missing file: coreutils words'
expect '^cat: /proc/nope: No such file or directory$' 'cat of a missing /proc file: coreutils words'
expect '^\[[ 0-9.]+\] sysrq: Show State$' 'echo t > /proc/sysrq-trigger is SysRq-T'
expect '^\[[ 0-9.]+\] task:sh +state:[RS]' 'which prints the shell thread'
expect '^\[[ 0-9.]+\] task:kworker' 'and every other thread, a kworker among them'
expect '^/d$' 'cd changes the directory pwd prints'
expect '^/$' 'cd with no operand goes to /'
expect '^total 0$' 'ls -al: the total of blocks first'
expect '^drwxr-xr-x 3 root root 0 Jan  1  1970 \.$' 'ls -al shows . in the long format'
expect '^drwxr-xr-x [0-9]+ root root 0 Jan  1  1970 \.\.$' 'ls -al shows ..'
expect '^drwxr-xr-x 2 root root 0 Jan  1  1970 g$' 'ls -al shows the directory mkdir -p made'
expect '^  File: /l -> /f$' 'stat of a link says where it points'
expect "^ls: cannot access '/d': No such file or directory$" 'rm -r removes a directory and all below it'
expect '^f$' 'ls with no operand lists the working directory'
expect '^cd: /x: No such file or directory$' 'cd to a missing directory: bash words'
expect "^rmdir: failed to remove '/d': Directory not empty$" 'rmdir of a full directory: coreutils words'
expect "^rm: cannot remove '/d': Is a directory$" 'rm of a directory: coreutils words'
expect "^rm: cannot remove '/nope': No such file or directory$" 'rm of a missing file: coreutils words'
expect '^  File: /f$' 'stat names the file'
expect '^  Size: 7 +	Blocks: 8 +IO Block: 4096   regular file$' 'stat: size, blocks, I/O block, type'
expect '^Access: \(0644/-rw-r--r--\)  Uid: \(    0/    root\)   Gid: \(    0/    root\)$' 'stat: access and owner'
expect '^Device: 0,[0-9]+	Inode: [0-9]+ +Links: 1$' 'stat: device and inode'
expect '^hi$' 'head -c 3 prints the first bytes'
expect '^00000000  68 69 0a 6d 6f 72 65                              \|hi.more\|$' 'hexdump -C: canonical line'
expect '^00000007$' 'hexdump -C ends with the length'
expect '^loglevel=4$' 'cmdline > file holds the command line'
expect '^sh: /nope/f: No such file or directory$' 'a redirection that cannot open: bash words'
expect_status 0 'powers off after the file commands'
