#!/bin/bash
# Chapter 14's exercises, built out of tree and loaded in one boot: walker
# finds its file by name and through "/../..", and gets ENOTDIR, ENOENT
# and ENAMETOOLONG where Linux gives them; position reads from three
# positions, each read moving only its own position, and sees through
# one open what another open wrote; opens, a misc device, counts each
# open, and while holder keeps /dev/opens open, rmmod opens is refused
# as Linux refuses it; squares, a seq_file in /proc of more than two
# pages, reads the same in one read and in reads of 7 bytes, and rmmod
# removes it while reader keeps it open, whose next read gives -EIO.
# Every module unloads in the end.
source "$(dirname "$0")/../lib.sh"

solution_copy walker.c position.c opens.c holder.c squares.c reader.c Kbuild
solution_modules
solution_boot 'loglevel=7' \
	'insmod walker\ninsmod position\nrmmod walker\nrmmod position\ninsmod opens\ninsmod holder\nrmmod opens\nrmmod holder\nrmmod opens\ninsmod squares n=1000\nhead -n 3 /proc/squares\nhead -c 12 /proc/squares | hexdump -C\ncat /proc/squares\ninsmod reader\nrmmod squares\ncat /proc/squares\nrmmod reader\nlsmod\n' \
	"$work/walker.ko" "$work/position.ko" "$work/opens.ko" "$work/holder.ko" \
	"$work/squares.ko" "$work/reader.ko"

must '\] walker: /walker.txt: the dentry "walker.txt"$' 'the file is found by its name'
must '\] walker: /walker.txt/: -20$' 'a trailing slash on a file is ENOTDIR'
must '\] walker: /walker.txt/x: -20$' 'a component after a file is ENOTDIR'
must '\] walker: /nope/x: -2$' 'a missing directory is ENOENT'
must '\] walker: /../../walker.txt: the dentry "walker.txt"$' '".." above the root stays at the root'
must '\] walker: the same dentry: yes$' 'both names reach one dentry'
must '\] walker: /nnnnnnnnnnnnnnnnnnn: -36$' 'a 256-byte component is ENAMETOOLONG'
must '\] position: wrote 13, now at 13$' 'the write moved its position by the bytes written'
must '\] position: from 7: 6 "world", now at 13$' 'a read from 7 gives the rest of the line'
must '\] position: from 13: 0 "", now at 13$' 'a read at the end gives 0 and stays'
must '\] position: from 100: 0 "", now at 100$' 'a read past the end gives 0'
must '\] position: the second file wrote 5 at 0$' 'a second open writes at its own position'
must '\] position: from 0: 13 "HELLO, world", now at 13$' 'the first open reads what the second wrote'
must '\] opens: /dev/opens is 10:[0-9]+$' 'the misc device gets a dynamic minor of major 10'
must '\] holder: read "I already told you 1 times Hello world!"$' 'the first open reads its message in pieces'
must '\] holder: read "I already told you 2 times Hello world!"$' 'each open has its own message'
must '^rmmod: ERROR: Module opens is in use$' 'a module with an open file is in use'
must '\] holder: closed$' 'the holder closes its file on exit'
must '\] opens: gone after 2 opens$' 'then the driver unloads'
must '\] squares: /proc/squares has 1000 lines$' 'the parameter sets the number of lines'
must '^3 9$' 'a line is made for each record'
must '^00000000  31 20 31 0a 32 20 34 0a  33 20 39 0a  +\|1 1\.2 4\.3 9\.\|$' 'head -c gives the first bytes, records split anywhere'
must '^1000 1000000$' 'cat reads to the last record, past the first pages'
must '\] reader: one read: 10436 bytes$' 'one read gives the whole file'
must '\] reader: reads of 7 bytes: 10436 bytes in 1492 reads$' 'small reads give as many bytes'
must '\] reader: the same bytes: yes$' 'and the same bytes'
must '\] squares: removed$' 'rmmod succeeds while the file is open'
must '^cat: /proc/squares: No such file or directory$' 'the name goes with the module'
must '\] reader: last read: -5$' 'the open file reads -EIO after the removal'
must '\] reader: closed$' 'and closes without calling into the module'
must_not '^(walker|position|opens|holder|squares|reader) ' 'every module unloads'
must_not 'BUG|WARNING|Oops' 'no report of a rule broken'
solution_done
