#!/bin/bash
# Pipes and redirection in the shell: two and three stages, each in a
# thread of its own; '<', '>', '>>' combined with them; a writer that
# never stops ended by EPIPE once head has its bytes; Ctrl-C ending a
# pipeline blocked in reads.
. "$(dirname "$0")/lib.sh"

boot pipes 'loglevel=4' < <(printf '%s\n' \
	'echo hello | cat' 'echo abcdefgh > /a' 'cat /a | head -c 4 | hexdump -C' \
	'cat < /a | head -c 4 > /b' 'cat /b' 'echo' 'echo one >> /b' 'cat /b' \
	'yes | head -c 16 | hexdump -C' 'help | head -n 1' 'ps | cat > /ps' 'head -c 3 /ps' 'echo' \
	'| cat' 'echo x >' 'nope | cat' 'cat /a /nope | head -c 2' 'echo' poweroff)
expect '^hello$' 'a two-stage pipe passes echo to cat'
expect '^00000000  61 62 63 64                                       \|abcd\|$' 'three stages: cat | head -c 4 | hexdump -C'
expect '^00000004$' 'hexdump -C ends with the length of what head passed'
expect '^abcdsprout# echo$' '< and > around a pipeline'
expect '^abcdone$' '>> appends to a file'
expect '^00000000  79 0a 79 0a 79 0a 79 0a  79 0a 79 0a 79 0a 79 0a  \|y.y.y.y.y.y.y.y.\|$' 'yes | head -c 16 | hexdump -C: 16 bytes'
expect '^00000010$' 'yes is ended by EPIPE once head has its bytes'
expect '^  meminfo ' 'help | head -n 1: any command writes to the pipe'
expect '^ +sprout# echo$' 'ps | cat > file: the pipeline output in a file'
expect "^sh: syntax error near unexpected token \`\\|'$" 'a pipe with no command before it: bash words'
expect "^sh: syntax error near unexpected token \`newline'$" 'a redirection with no file: bash words'
expect "^sprout: nope: command not found \\(type 'help'\\)$" 'an unknown command in a pipeline'
expect '^cat: /nope: No such file or directory$' 'the error goes to the console, not the pipe'
expect_status 0 'powers off after the pipelines'

# Ctrl-C while the command waits, as a person types it: each step waits
# for the one before to show (no pattern ends in $: CR LF while QEMU runs).
clog=$out/$test_name.ctrlc.log
ctrl_c_then_poweroff() {
	wait_for "$clog" 'sprout# ' || return
	printf 'echo abcdefgh > /a\n'
	wait_for "$clog" 'sprout# ' 2 || return
	printf 'cat /a | cat | hexdump -C\n'
	wait_for "$clog" 'sprout# ' 3 || return
	printf 'cat | hexdump -C\n'
	wait_for "$clog" 'sprout# cat [|]' || return
	sleep 0.5
	printf '\003'
	wait_for "$clog" 'sprout# ' 4 || return
	printf 'cat\n'
	wait_for "$clog" 'sprout# cat' 3 || return
	sleep 0.5
	printf 'typed\n'
	wait_for "$clog" '^typed' 2 || return
	printf '\003'
	wait_for "$clog" 'sprout# ' 5 || return
	printf 'echo after-cat\npoweroff\n'
}
rm -f "$clog"
boot ctrlc 'loglevel=4' < <(ctrl_c_then_poweroff)
expect '^00000000  61 62 63 64 65 66 67 68  0a                       \|abcdefgh.\|$' 'hexdump -C groups bytes by eight'
expect '^\^C$' 'Ctrl-C ends a pipeline blocked reading the console'
expect '^sprout# cat$' 'the prompt comes back after Ctrl-C on a pipeline'
expect '^after-cat$' 'the prompt comes back after Ctrl-C on cat'
expect '^typed$' 'cat with no operand echoes a console line and prints it'
expect_status 0 'powers off after Ctrl-C'
