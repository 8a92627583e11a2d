#!/bin/bash
# Redraw the tutorial's diagrams that come from the built kernel (run make
# first): the physical memory map of one boot, the image's parts before and
# after free_initmem(), the initcall table by level.  The hand-drawn ones
# (the page walk, the virtual layout) are their own source.
set -eu
cd "$(dirname "$0")/../.."
img=docs/tutorial/img
tools/diagrams/physmem.sh > "$img/physical-memory.svg"
tools/diagrams/sections.sh > "$img/kernel-sections.svg"
tools/diagrams/initcalls.sh > "$img/initcalls.svg"
echo "redrawn: $img/physical-memory.svg $img/kernel-sections.svg $img/initcalls.svg"
