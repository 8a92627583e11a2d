# gdb commands for debugging Sprout (make gdb sources this file).
#
#   sprout-symbols [DIR...]   (also: lx-symbols)
#       load the symbols of every loaded module at the addresses its
#       sections were given, as Linux's lx-symbols does.  The unstripped
#       .ko files are looked for in build/modules next to the kernel ELF
#       and in each DIR (an out-of-tree module's M= directory).
#
# The kernel keeps, for each module in module_list, every loaded section's
# name and run address (struct module_section, kernel/module/sections.c):
# the array /sys/module/<name>/sections/ prints, one file per section.
# gdb reads the array rather than the files, as Linux's lx-symbols reads
# mod->sect_attrs: the machine is stopped, and a stopped kernel cannot
# read a file for its debugger (tests/boot/gdb.sh checks the two agree).
# Each becomes one "-s SECTION ADDRESS" of add-symbol-file.  Sections of
# freed init memory are left out: their addresses belong to someone else.
import os

import gdb


def module_name(filename):
    """hello-1.ko is the module hello_1, as KBUILD_MODNAME makes it."""
    return os.path.basename(filename)[:-3].replace("-", "_")


def find_ko_files(dirs):
    """A map from module name to the first .ko of that name in @dirs."""
    found = {}
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for root, _, files in sorted(os.walk(d)):
            for f in sorted(files):
                if f.endswith(".ko"):
                    found.setdefault(module_name(f), os.path.join(root, f))
    return found


def in_part(addr, base, size):
    return base != 0 and base <= addr < base + size


# excerpt: gdb-module-sections
def module_sections(mod):
    """(name, address) of each section of @mod whose memory is still its."""
    core = int(mod["core"])
    init = int(mod["init"])
    kept = []
    for i in range(int(mod["num_sections"])):
        sec = mod["sections"][i]
        addr = int(sec["addr"])
        # A section in the init region once init memory is freed: gone.
        if in_part(addr, core, int(mod["core_size"])) or \
                in_part(addr, init, int(mod["init_size"])):
            kept.append((sec["name"].string(), addr))
    return kept
# excerpt-end: gdb-module-sections


def loaded_modules():
    """Each struct module on the kernel's module_list, oldest first."""
    module = gdb.lookup_type("struct module")
    # container_of(): the list node is the member "list" inside each module.
    offset = next(f.bitpos // 8 for f in module.fields() if f.name == "list")
    byte_ptr = gdb.lookup_type("char").pointer()
    head = gdb.parse_and_eval("&module_list")
    node = head["next"]
    while int(node) != int(head):
        addr = node.cast(byte_ptr) - offset
        yield addr.cast(module.pointer()).dereference()
        node = node["next"]


# The .ko files this command gave gdb, to drop before loading again.
symbol_files = []


def gdb_quote(path):
    """@path as one argument of a gdb command, blanks and quotes included."""
    return '"%s"' % path.replace("\\", "\\\\").replace('"', '\\"')


def add_symbol_file(path, sections):
    args = " ".join("-s %s %#x" % s for s in sections)
    confirm = gdb.parameter("confirm")
    gdb.execute("set confirm off")
    try:
        gdb.execute("add-symbol-file %s %s" % (gdb_quote(path), args),
                    to_string=True)
    finally:
        gdb.execute("set confirm %s" % ("on" if confirm else "off"))
    symbol_files.append(path)


def drop_symbol_files():
    while symbol_files:
        gdb.execute("remove-symbol-file " + gdb_quote(symbol_files.pop()),
                    to_string=True)


class SproutSymbols(gdb.Command):
    """Load the symbols of every loaded Sprout module at its load addresses.

Usage: sprout-symbols [DIR...]
Reads the kernel's module_list and, for each module, runs add-symbol-file
on its unstripped .ko (build/modules, then each DIR) with every loaded
section at its run address.  Run it again after loading or removing
modules: it first drops the symbols it loaded before."""

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        kernel = gdb.current_progspace().filename
        dirs = [os.path.join(os.path.dirname(kernel), "modules")]
        dirs += [os.path.abspath(d) for d in gdb.string_to_argv(arg)]
        files = find_ko_files(dirs)
        drop_symbol_files()
        count = 0
        for mod in loaded_modules():
            name = mod["name"].string()
            path = files.get(name)
            if path is None:
                print("sprout-symbols: %s: no %s.ko in %s" %
                      (name, name, " ".join(dirs)))
                continue
            sections = module_sections(mod)
            if not sections:
                continue
            add_symbol_file(path, sections)
            print("sprout-symbols: %s: %s (%d sections)" %
                  (name, path, len(sections)))
            count += 1
        print("sprout-symbols: symbols of %d modules loaded" % count)


SproutSymbols("sprout-symbols")
SproutSymbols("lx-symbols")
