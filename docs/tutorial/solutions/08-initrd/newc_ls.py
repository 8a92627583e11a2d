#!/usr/bin/env python3
"""List the members of a cpio "newc" archive: size and name, one a line.

Usage: newc_ls.py ARCHIVE
Every length is checked against the bytes left before it is used, so a
damaged archive is an error naming the offset (exit status 1), never a
read past the end.
"""
import sys

HEADER = 110          # "070701" + 13 fields of 8 hex digits
FIELDS = ["ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
          "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize",
          "check"]


def align4(n):
    return (n + 3) & ~3


def members(data):
    pos = 0
    while True:
        left = len(data) - pos
        if left < HEADER:
            raise ValueError("truncated header at offset %d (%d bytes left)"
                             % (pos, left))
        magic = data[pos:pos + 6]
        if magic not in (b"070701", b"070702"):
            raise ValueError("bad magic %r at offset %d" % (magic, pos))
        f = {}
        for i, name in enumerate(FIELDS):
            text = data[pos + 6 + 8 * i:pos + 14 + 8 * i]
            try:
                f[name] = int(text, 16)
            except ValueError:
                raise ValueError("field %s at offset %d is not hex: %r"
                                 % (name, pos, text))
        # The name size is checked before the name is read: it comes
        # from the file and may point anywhere.
        if f["namesize"] == 0 or f["namesize"] > left - HEADER:
            raise ValueError("name size %d at offset %d runs past the end"
                             % (f["namesize"], pos))
        raw = data[pos + HEADER:pos + HEADER + f["namesize"]]
        if raw[-1:] != b"\0" or b"\0" in raw[:-1]:
            raise ValueError("name at offset %d does not end in one NUL" % pos)
        name = raw[:-1].decode("utf-8", "replace")
        data_off = align4(pos + HEADER + f["namesize"])
        if name == "TRAILER!!!":
            return
        if data_off > len(data) or f["filesize"] > len(data) - data_off:
            raise ValueError("%s at offset %d: file size %d runs past the end"
                             % (name, pos, f["filesize"]))
        yield name, f["filesize"]
        pos = align4(data_off + f["filesize"])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: newc_ls.py ARCHIVE")
    with open(sys.argv[1], "rb") as fh:
        data = fh.read()
    try:
        for name, size in members(data):
            print("%8d %s" % (size, name))
    except ValueError as e:
        sys.exit("newc_ls: %s: %s" % (sys.argv[1], e))


main()
