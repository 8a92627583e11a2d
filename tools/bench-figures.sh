#!/bin/bash
# The figures a benchmark module (tests/bench/linux/) printed on a console:
# its "NAME: KEY VALUE" lines, after the kernel's time stamp if there is
# one, for make bench (tools/bench.sh) on Sprout's log and make bench-linux
# (tools/bench-linux.sh) on Linux's.  The module's last line is "NAME:
# done"; a log without it did not run the module to the end, and is refused.
#
# Usage: tools/bench-figures.sh NAME LOG          "KEY VALUE" lines
#        tools/bench-figures.sh --json NAME LOG   {"KEY": VALUE, ...}
# A value is an integer or a decimal fraction ("12.34": a kernel prints
# one as whole and hundredths apart, having no floating point).
# Status 1, with the reason on standard error, when LOG has no "NAME: done",
# or names a figure twice or with a value that is not such a number.
set -u
json=0
[ "${1:-}" = --json ] && { json=1; shift; }
[ $# = 2 ] || { echo "usage: tools/bench-figures.sh [--json] NAME LOG" >&2; exit 64; }
name=$1 log=$2
[ -r "$log" ] || { echo "bench-figures: $log: cannot read it" >&2; exit 1; }

tr -d '\r' < "$log" | awk -v name="$name" -v logfile="$log" -v json="$json" '
	# A number as JSON writes it: no leading zeros, the decimals as given.
	function number(v,	sign, dot) {
		sign = v ~ /^-/ ? "-" : ""
		sub(/^-/, "", v)
		dot = index(v, ".")
		if (!dot)
			return (sign v) + 0
		return sign (substr(v, 1, dot - 1) + 0) substr(v, dot)
	}
	function fail(why) {
		printf "bench-figures: %s: %s\n", logfile, why > "/dev/stderr"
		failed = 1
		exit 1
	}
	{ sub(/^\[ *[0-9.]+\] /, "") }
	index($0, name ": ") != 1 { next }
	{ $0 = substr($0, length(name) + 3) }
	$0 == "done" { done = 1; next }
	NF != 2 || $1 !~ /^[a-z][a-z0-9_]*$/ { next }
	$2 !~ /^-?[0-9]+(\.[0-9]+)?$/ { fail(name " printed " $1 " as \"" $2 "\", not a number") }
	$1 in value { fail(name " printed " $1 " twice") }
	{ value[$1] = number($2); order[n++] = $1 }
	END {
		if (failed)
			exit 1
		if (!done)
			fail("no \"" name ": done\" line: the module did not run to its end")
		if (json) {
			printf "{"
			for (i = 0; i < n; i++)
				printf "%s\"%s\": %s", i ? ", " : "", order[i], value[order[i]]
			print "}"
		} else {
			for (i = 0; i < n; i++)
				print order[i], value[order[i]]
		}
	}'
