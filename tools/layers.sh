#!/bin/sh
# Check that calls go down: no kernel object may name a symbol defined in a
# higher layer, and inside one folder no files may reference each other in
# a circle (a.c uses b.c's symbols and b.c, maybe through others of that
# folder, a.c's).  The layers and the few allowed exceptions are read from
# docs/architecture.md ("Layers"), so the written order is the one checked.
#
#   tools/layers.sh [-c] [-l] [-s PREFIX]... OBJECT...
#
# Each OBJECT is named by its path with a leading PREFIX removed (the build
# directory), then by its source file if there is one; that name must fall
# under a folder of the layer table.  Prints one line per upward reference
# -- the file that calls, the symbol, the file that defines it and the two
# layers -- and one per circle of files -- each reference in it with a
# symbol -- and exits 1 if there is any; 2 for a usage or table error.
# With -c it also counts the references between files of different layers
# (each file, symbol and defining file once), the upward ones among them,
# and the pairs of layers that reference each other both ways.  With -l
# it checks nothing and prints each OBJECT's name and layer number (-1 for
# none), in the order given: tests/checks/linkorder.sh reads link order so.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
doc=$root/docs/architecture.md
prefixes=
count=0
list=0
while [ $# -gt 0 ]; do
	case $1 in
	-s) prefixes="$prefixes $2"; shift 2 ;;
	-c) count=1; shift ;;
	-l) list=1; shift ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-c] [-l] [-s PREFIX]... OBJECT..." >&2; exit 2; }

# The layer table: rows "| N. name | `folder/`, `file.c` | ... |" under
# "## Layers"; the exceptions: rows "| `file` | `symbol` | reason |" under
# "### Upward references allowed" (file `*`: any file; a symbol ending in
# `*`: every symbol that begins so), and rows
# "| `a.c`, `b.asm` | reason |" under "### Circles of files allowed".
tables=$(awk '
	/^## /  { in_layers = ($0 == "## Layers") }
	/^### / {
		in_exc = in_layers && ($0 == "### Upward references allowed")
		in_circ = in_layers && ($0 == "### Circles of files allowed")
		next
	}
	!in_layers || !/^\|/ { next }
	{
		n = split($0, cell, "|")
		if (in_circ) {
			m = split(cell[2], part, "`")
			line = ""
			for (i = 2; i <= m; i += 2)
				line = line " " part[i]
			if (line != "")
				print "C" line
			next
		}
		if (in_exc) {
			f = cell[2]; s = cell[3]
			if (f !~ /`/ || s !~ /`/) next
			gsub(/[` ]/, "", f); gsub(/[` ]/, "", s)
			print "X", f, s
			next
		}
		if (cell[2] !~ /^ *[0-9]+\. /) next
		split(cell[2], head, ".")
		rank = head[1] + 0
		name = substr(cell[2], index(cell[2], ".") + 1)
		gsub(/^ +| +$/, "", name); gsub(/ /, "_", name)
		m = split(cell[3], part, "`")
		for (i = 2; i <= m; i += 2)
			print "L", rank, name, part[i]
	}' "$doc")
if ! printf '%s\n' "$tables" | grep -q '^L '; then
	echo "layers: no layer table under \"## Layers\" in $doc" >&2
	exit 2
fi

# name OBJECT: its path without the longest prefix it has, as its source
# file if there is one.
name() {
	n=$1
	for p in $prefixes; do
		case $1 in "$p"/*) m=${1#"$p"/}; [ ${#m} -lt ${#n} ] && n=$m ;; esac
	done
	b=${n%.o}
	for ext in c asm S; do
		[ -f "$root/$b.$ext" ] && { echo "$b.$ext"; return; }
	done
	echo "$n"
}

# One nm for the definitions and one for the uses of every object (nm -A
# prefixes each line with its object's path): an nm per object made this
# check the slowest of the tests.
{
	printf '%s\n' "$tables"
	for o in "$@"; do
		printf 'N %s %s\n' "$o" "$(name "$o")"
	done
	nm -A --defined-only -g "$@" |
		awk '{ f = $1; sub(/:[^:]*$/, "", f); print "d", $NF, f }'
	nm -A -u "$@" | awk '{ f = $1; sub(/:[^:]*$/, "", f); print "u", $NF, f }'
} | awk '
	$1 == "N" { n[$2] = $3; print "O", $3; next }
	$1 == "d" { print "D", $2, n[$3]; next }
	$1 == "u" { print "U", $2, n[$3]; next }
	{ print }' | awk -v count="$count" -v list="$list" '
	$1 == "L" { rank[$4] = $2; lname[$2] = $3; next }
	$1 == "X" {
		if ($2 == "*" && $3 ~ /\*$/)
			any_prefix[substr($3, 1, length($3) - 1)] = 1
		else
			allowed[$2 " " $3] = 1
		next
	}
	$1 == "C" {
		delete set
		for (i = 2; i <= NF; i++)
			set[++k0] = $i
		k0 = sort(set, k0)
		key = ""
		for (i = 1; i <= k0; i++)
			key = key " " set[i]
		circle_ok[key] = 1
		k0 = 0
		next
	}
	$1 == "D" { def[$2] = def[$2] " " $3; next }
	$1 == "U" { use[++nu] = $3 " " $2; next }
	$1 == "O" { obj[$2] = 1; order[++no] = $2; next }
	# Sort @a[1..n] in place (insertion sort: a handful of names); returns n.
	function sort(a, n,    i, j, v) {
		for (i = 2; i <= n; i++) {
			v = a[i]
			for (j = i - 1; j >= 1 && a[j] > v; j--)
				a[j + 1] = a[j]
			a[j + 1] = v
		}
		return n
	}
	function folder(f) { sub(/[^\/]*$/, "", f); return f }
	# A symbol any file may reference (a `*` row): the compiler calls it.
	function any_file(s,    p) {
		if (("* " s) in allowed) return 1
		for (p in any_prefix)
			if (index(s, p) == 1) return 1
		return 0
	}
	# Mark in seen[] every file reachable from @f by references inside
	# its folder (edge[f] lists the files @f references there).
	function reach(f,    i, n, to) {
		n = split(edge[f], to, " ")
		for (i = 1; i <= n; i++)
			if (!(to[i] in seen)) {
				seen[to[i]] = 1
				reach(to[i])
			}
	}
	# Report the circles of files inside one folder: each group of files
	# that reach one another, unless docs/architecture.md allows it.
	function circles(    f, g, i, n, m, member, key, line, done, bad, r) {
		for (f in edge) {
			delete seen
			reach(f)
			for (g in seen)
				back[f " " g] = 1
		}
		for (f in edge) {
			if (f in done || !((f " " f) in back))
				continue
			n = 0
			delete member
			for (g in edge)
				if ((f " " g) in back && (g " " f) in back) {
					member[++n] = g
					done[g] = 1
				}
			n = sort(member, n)
			key = ""
			for (i = 1; i <= n; i++)
				key = key " " member[i]
			if (key in circle_ok)
				continue
			line = ""
			for (i = 1; i <= n; i++)
				for (m = 1; m <= n; m++) {
					r = member[i] " " member[m]
					if (r in via)
						line = line sprintf("%s%s calls %s in %s",
							line == "" ? "" : ", ", member[i], via[r], member[m])
				}
			printf "layers: files of %s reference each other in a circle: %s\n",
				folder(f), line
			bad++
		}
		return bad
	}
	# The layer of file @f: the longest folder or file of the table it is in.
	function layer(f,    p, best, len) {
		best = -1; len = 0
		for (p in rank)
			if ((f == p || (p ~ /\/$/ && index(f, p) == 1)) && length(p) > len) {
				best = rank[p]; len = length(p)
			}
		return best
	}
	END {
		if (list) {
			for (i = 1; i <= no; i++)
				print order[i], layer(order[i])
			exit 0
		}
		bad = 0
		for (f in obj)
			if (layer(f) < 0) {
				printf "layers: %s is in no layer (add its folder to the table in docs/architecture.md)\n", f
				bad++
			}
		for (i = 1; i <= nu; i++) {
			split(use[i], u, " ")
			if (!(u[2] in def)) continue
			k = split(def[u[2]], d, " ")
			for (j = 1; j <= k; j++) {
				lu = layer(u[1]); ld = layer(d[j])
				# way[low high]: "u" for a call up, "d" for one down.
				if (lu >= 0 && ld >= 0 && lu != ld) {
					cross++
					key = lu < ld ? lu " " ld : ld " " lu
					way[key] = way[key] (lu < ld ? "u" : "d")
				}
				if (u[1] != d[j] && folder(u[1]) == folder(d[j]) &&
				    !any_file(u[2]) && !((u[1] " " d[j]) in via)) {
					via[u[1] " " d[j]] = u[2]
					edge[u[1]] = edge[u[1]] " " d[j]
				}
				if (lu >= 0 && ld > lu) up++
				if (lu < 0 || ld <= lu || (u[1] " " u[2]) in allowed ||
				    any_file(u[2])) continue
				printf "layers: %s (%d. %s) calls %s in %s (%d. %s), a higher layer\n",
					u[1], lu, lname[lu], u[2], d[j], ld, lname[ld]
				bad++
			}
		}
		if (count) {
			cycles = 0
			for (key in way)
				if (way[key] ~ /d/ && way[key] ~ /u/) {
					split(key, lp, " ")
					printf "layers: %s and %s reference each other\n",
						lname[lp[1]], lname[lp[2]]
					cycles++
				}
			printf "layers: %d references between layers, %d of them upward; %d pairs of layers reference each other\n",
				cross, up, cycles
		}
		bad += circles()
		if (bad) {
			printf "layers: %d reference(s) or circle(s) against the order of docs/architecture.md\n", bad
			exit 1
		}
	}'
