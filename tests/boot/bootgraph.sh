# make bootgraph's drawing (tools/bootgraph.sh) of a boot with
# initcall_debug: a well-formed SVG with a bar, named, for every initcall
# and every boot-time module's init_module that the log says was called.
source "$(dirname "$0")/lib.sh"

boot debug 'loglevel=7 initcall_debug' < <(printf 'poweroff\n')
expect_status 0 'the initcall_debug boot reaches the shell and powers off'
expect 'calling  hello_init\+0x0/0x[0-9a-f]+ \[hello\] @ module' \
	'initcall_debug traces boot-time modules init_module as Linux does'
expect 'initcall hello_init\+0x0/0x[0-9a-f]+ \[hello\] returned 0 after [0-9]+ usecs' \
	'and times it'

svg=$out/bootgraph.svg
if tools/bootgraph.sh "$log" > "$svg" 2> "$out/bootgraph.err"; then
	tap ok 'tools/bootgraph.sh turns the log into an SVG'
else
	tap fail "tools/bootgraph.sh turns the log into an SVG: $(cat "$out/bootgraph.err")"
fi
if xmllint --noout "$svg" 2> "$out/bootgraph.xmllint"; then
	tap ok 'the SVG is well-formed XML'
else
	tap fail "the SVG is well-formed XML: $(head -n 3 "$out/bootgraph.xmllint")"
fi

# Every traced call has its own bar, titled with its name.
missing=0 calls=0
while read -r name; do
	calls=$((calls + 1))
	esc=$(printf '%s' "$name" | sed 's/[][\.*^$]/\\&/g')
	grep -q "<g class=\"bar\"><title>$esc</title>" "$svg" || {
		missing=$((missing + 1))
		echo "# no bar for $name"
	}
done < <(sed -n 's/^\[ *[0-9.]*\] calling  \(.*\) @ .*/\1/p' "$log" |
	sed 's/+0x[0-9a-f]*\/0x[0-9a-f]*//')
bars=$(grep -c '<g class="bar">' "$svg")
if [ "$calls" -gt 20 ] && [ "$missing" = 0 ] && [ "$bars" = "$calls" ]; then
	tap ok "one bar for each of the $calls traced calls"
else
	tap fail "one bar for each traced call ($calls calls, $bars bars, $missing missing)"
fi
