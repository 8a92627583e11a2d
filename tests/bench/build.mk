# The benchmarks, linked only into make bench's kernel
# ($(BUILD)/bench/sprout.elf): the production image never holds them, and
# the loader and kernel_main only emit events (include/trace/events/) that
# these files subscribe to.  They run only with "bench" on the command line.
# How a figure is reported first, everything else reports through it; then
# the runner, whose early parameter subscribes to the boot's steps.
bench-y += tests/bench/report.o
bench-y += tests/bench/bench.o
bench-y += tests/bench/boot.o
bench-y += tests/bench/mm.o
bench-y += tests/bench/module.o
bench-y += tests/bench/elf_synth.o
bench-y += tests/bench/module_elf.o
bench-y += tests/bench/module_load.o
bench-y += tests/bench/chardev.o
