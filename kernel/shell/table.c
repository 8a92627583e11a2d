/*
 * The shell's command table: the built-in commands in the .shell_cmds
 * linker section, then the .shell_cmds tables of loaded modules, which the
 * loader hands over through module_table_register().  A module's command
 * may not take a name that exists: it would hide one of the two.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#include "cmd_fields.h"
#include "internal.h"

/* One module's commands, while it is loaded. */
struct shell_cmd_block {
	const struct module *owner;
	const struct shell_cmd *cmds;
	size_t count;
	struct list_head list; /* in shell_blocks */
};

/* Modules' commands, in the order loaded. */
static LIST_HEAD(shell_blocks);

/* The block holding @cmd, or NULL if no loaded module's table does. */
static const struct shell_cmd_block *shell_block_of(const struct shell_cmd *cmd)
{
	const struct shell_cmd_block *b;

	list_for_each_entry(b, &shell_blocks, list)
		if (cmd >= b->cmds && cmd < b->cmds + b->count)
			return b;
	return NULL;
}

/* The first command of the first block from @b on that has any, or NULL. */
static const struct shell_cmd *
shell_block_first(const struct shell_cmd_block *b)
{
	for (; !list_entry_is_head(b, &shell_blocks, list);
	     b = list_next_entry(b, list))
		if (b->count)
			return b->cmds;
	return NULL;
}

const struct shell_cmd *shell_cmd_next(const struct shell_cmd *prev)
{
	const struct shell_cmd_block *b, *first;

	if (!prev)
		return __shell_cmds_start; /* never empty: "help" is there */
	if (prev >= __shell_cmds_start && prev < __shell_cmds_end) {
		if (prev + 1 < __shell_cmds_end)
			return prev + 1;
		first = list_first_entry(&shell_blocks, struct shell_cmd_block,
					 list);
		return shell_block_first(first);
	}
	/* The next command is in @prev's block or after it. */
	b = shell_block_of(prev);
	if (!b)
		return NULL;
	if (prev + 1 < b->cmds + b->count)
		return prev + 1;
	return shell_block_first(list_next_entry(b, list));
}

const struct shell_cmd *shell_find(const char *name)
{
	for (const struct shell_cmd *c = shell_cmd_next(NULL); c;
	     c = shell_cmd_next(c))
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* The first name in @cmds[0..@count) that is a command already, or NULL. */
static const char *shell_cmd_clash(const struct shell_cmd *cmds, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (shell_find(cmds[i].name))
			return cmds[i].name;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(cmds[i].name, cmds[j].name))
				return cmds[i].name;
	}
	return NULL;
}

static int shell_table_add(struct module *mod, const void *table, size_t count,
			   char *why, size_t why_size)
{
	const char *clash = shell_cmd_clash(table, count);
	struct shell_cmd_block *block;

	if (clash) {
		snprintf(why, why_size, "%s: shell command '%s' already exists",
			 mod->name, clash);
		return -EEXIST;
	}
	block = kmalloc(sizeof(*block), GFP_KERNEL);
	if (!block)
		return -ENOMEM;
	*block = (struct shell_cmd_block){ .owner = mod,
					   .cmds = table,
					   .count = count };
	list_add_tail(&block->list, &shell_blocks);
	return 0;
}

static void shell_table_remove(struct module *mod)
{
	struct shell_cmd_block *block;

	list_for_each_entry(block, &shell_blocks, list)
		if (block->owner == mod) {
			list_del(&block->list);
			kfree(block);
			return;
		}
}

/* What the loader checks in each command is in cmd_fields.c. */
static const struct module_table_ops shell_table_ops = {
	.section = ".shell_cmds",
	.entry_size = sizeof(struct shell_cmd),
	.fields = shell_cmd_fields,
	.num_fields = SHELL_CMD_NUM_FIELDS,
	.add = shell_table_add,
	.remove = shell_table_remove,
};

/* Before the boot-time modules load (late_initcall_sync). */
static int __init shell_table_init(void)
{
	return module_table_register(&shell_table_ops);
}
core_initcall(shell_table_init);
