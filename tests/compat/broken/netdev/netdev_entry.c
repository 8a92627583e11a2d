/*
 * netdev_entry.c - a module that registers a network device.  Sprout has
 * no networking, so this must fail to build, naming the missing header.
 */
#include <linux/module.h>
#include <linux/netdevice.h>

static struct net_device *dev;

static int __init netdev_entry_init(void)
{
	dev = alloc_etherdev(0);
	return dev ? register_netdev(dev) : -ENOMEM;
}

static void __exit netdev_entry_exit(void)
{
	unregister_netdev(dev);
	free_netdev(dev);
}

module_init(netdev_entry_init);
module_exit(netdev_entry_exit);
MODULE_LICENSE("GPL");
