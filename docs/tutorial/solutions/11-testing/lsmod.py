# Chapter 11's exercise: "sprout-lsmod", lsmod from gdb.  It reads the
# kernel's module list from a stopped machine -- useful when the shell is
# gone, after an oops or in a hang -- and prints, for each module, what
# Sprout's lsmod prints (name, size, reference count) plus where its core
# region is, which is where to look for its code and data.
#   (gdb) source docs/tutorial/solutions/11-testing/lsmod.py
#   (gdb) sprout-lsmod
import gdb


class SproutLsmod(gdb.Command):
    """List the loaded modules: name, size, refcount, state, core region."""

    def __init__(self):
        super().__init__("sprout-lsmod", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        states = {0: "Loading", 1: "Live", 2: "Unloading"}
        print("%-19s %8s %4s %-9s %s" %
              ("Module", "Size", "Used", "State", "Core"))
        # module_list is a list_head threaded through each module's "list"
        # member: step from node to node and back to the module around it.
        module = gdb.lookup_type("struct module")
        offset = next(f.bitpos // 8 for f in module.fields()
                      if f.name == "list")
        byte_ptr = gdb.lookup_type("char").pointer()
        head = gdb.parse_and_eval("&module_list")
        node = head["next"]
        while int(node) != int(head):
            addr = node.cast(byte_ptr) - offset
            m = addr.cast(module.pointer()).dereference()
            # As module_size(): init counts only until it is freed.
            size = int(m["core_size"])
            if int(m["init"]):
                size += int(m["init_size"])
            core = int(m["core"])
            print("%-19s %8d %4d %-9s %#x-%#x" %
                  (m["name"].string(), size, int(m["refcount"]),
                   states.get(int(m["state"]), "?"), core,
                   core + int(m["core_size"])))
            node = node["next"]


SproutLsmod()
