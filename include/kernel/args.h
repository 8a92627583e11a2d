/*
 * The one argument splitter: the kernel command line, module parameters
 * and shell command lines are all read with it, so quoting means the same
 * everywhere.  Words are separated by blanks (space, tab); double quotes
 * keep blanks inside a word and are dropped.
 */
#ifndef KERNEL_ARGS_H
#define KERNEL_ARGS_H

#include <kernel/types.h>

/*
 * args_next - split the next "key[=value]" off *@s: *@key is the word up
 * to the first '=', *@val what follows it (NULL if there is no '=').
 * Writes NULs and removes the quotes in place; *@s moves past the word.
 * The text moves only to the left, so *@key and *@s are at the same
 * offsets in an unchanged copy of the string.  Returns false at the end.
 */
bool args_next(char **s, char **key, char **val);

/*
 * args_word - the next word of *@s as args_next() reads it, with a
 * "key=value" given back as one word; NULL at the end.
 */
char *args_word(char **s);

#endif
