/*
 * hello-5.c - command-line arguments: every parameter type, an array with
 * its count, a renamed parameter and a copied string.
 *     insmod hello-5 myint=5 mystring="two words" myintarray=1,2
 */
#include <linux/init.h>
#include <linux/kernel.h> /* ARRAY_SIZE() */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/stat.h>

MODULE_LICENSE("GPL");

static short int myshort = 1;
static unsigned short myushort = 2;
static int myint = 420;
static unsigned int myuint = 4;
static long int mylong = 9999;
static unsigned long myulong = 6;
static char *mystring = "blah";
static bool mybool;
static bool mynegated = true;
static int myintarray[2] = { 420, 420 };
static int arr_argc;
static int internal_level = 1;
static char mybuffer[8] = "buf";

module_param(myshort, short, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
MODULE_PARM_DESC(myshort, "A short integer");
module_param(myushort, ushort, 0444);
MODULE_PARM_DESC(myushort, "An unsigned short");
module_param(myint, int, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
MODULE_PARM_DESC(myint, "An integer");
module_param(myuint, uint, 0);
MODULE_PARM_DESC(myuint, "An unsigned integer");
module_param(mylong, long, S_IRUSR);
MODULE_PARM_DESC(mylong, "A long integer");
module_param(myulong, ulong, S_IRUGO);
MODULE_PARM_DESC(myulong, "An unsigned long");
module_param(mystring, charp, 0000);
MODULE_PARM_DESC(mystring, "A character string");
module_param(mybool, bool, 0644);
MODULE_PARM_DESC(mybool, "A switch");
module_param(mynegated, invbool, 0644);
MODULE_PARM_DESC(mynegated, "An inverted switch: mynegated=1 makes it false");
module_param_array(myintarray, int, &arr_argc, 0000);
MODULE_PARM_DESC(myintarray, "An array of integers");
module_param_named(level, internal_level, int, 0644);
MODULE_PARM_DESC(level, "Stored in internal_level");
module_param_string(mybuffer, mybuffer, sizeof(mybuffer), 0644);
MODULE_PARM_DESC(mybuffer, "Copied into an 8-byte buffer");

static int __init hello_5_init(void)
{
	pr_info("Hello, world 5\n=============\n");
	pr_info("myshort is a short integer: %hd\n", myshort);
	pr_info("myushort is an unsigned short: %hu\n", myushort);
	pr_info("myint is an integer: %d\n", myint);
	pr_info("myuint is an unsigned integer: %u\n", myuint);
	pr_info("mylong is a long integer: %ld\n", mylong);
	pr_info("myulong is an unsigned long: %lu\n", myulong);
	pr_info("mystring is a string: %s\n", mystring);
	pr_info("mybool is %s, mynegated is %s\n", mybool ? "true" : "false",
		mynegated ? "true" : "false");
	pr_info("level is %d, mybuffer is %s\n", internal_level, mybuffer);
	for (size_t i = 0; i < ARRAY_SIZE(myintarray); i++)
		pr_info("myintarray[%zu] = %d\n", i, myintarray[i]);
	pr_info("got %d arguments for myintarray.\n", arr_argc);
	return 0;
}

static void __exit hello_5_exit(void)
{
	pr_info("Goodbye, world 5\n");
}

module_init(hello_5_init);
module_exit(hello_5_exit);
