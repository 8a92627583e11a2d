/*
 * Linux-compatible <linux/seq_file.h>: seq_file as <kernel/seq_file.h>
 * has it, with the headers Linux's brings along.
 */
#ifndef LINUX_SEQ_FILE_H
#define LINUX_SEQ_FILE_H

#include <linux/fs.h>
#include <linux/types.h>
#include <kernel/seq_file.h>

#endif
