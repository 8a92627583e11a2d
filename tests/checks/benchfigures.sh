# make bench and make bench-linux read a benchmark module's figures from a
# console log with tools/bench-figures.sh: these sample logs, one as
# Sprout's serial console writes it and one as Linux's, give exactly the
# figures they hold (integers, and decimals such as "6.14" as they were
# printed), and a log that stops before the module's "done", names a figure
# twice or gives one a value that is not a number is refused with the
# reason.
source "$(dirname "$0")/../boot/lib.sh"

dir=$out/benchfigures
mkdir -p "$dir"

# figures_are 'what' ARGS... <<< 'WANTED': bench-figures.sh ARGS succeeds
# and prints WANTED.
figures_are() {
	local what=$1 wanted got
	shift
	wanted=$(cat)
	log=$dir/out.log
	if tools/bench-figures.sh "$@" > "$log" 2>&1 && got=$(cat "$log") &&
		[ "$got" = "$wanted" ]; then
		tap ok "$what"
	else
		tap fail "$what (wanted: $wanted)"
	fi
}

# refused 'what' LOG REASON: bench-figures.sh fails on LOG, saying REASON.
refused() {
	local what=$1 sample=$2 reason=$3
	log=$dir/out.log
	if ! tools/bench-figures.sh bench_sched "$sample" > "$log" 2>&1 &&
		grep -qF -- "$sample: $reason" "$log"; then
		tap ok "$what"
	else
		tap fail "$what (no failure saying: $reason)"
	fi
}

# Sprout's console: CR LF line ends, the shell's echo, other modules'
# lines, a value below zero.
sprout=$dir/sprout.log
printf '%s\r\n' 'sprout# insmod bench_sched' \
	'[    0.061431] bench_sched: switch_ns 1231' \
	'[    0.062000] other: wake_ns 5' \
	'[    0.064066] bench_sched: wake_ns 1092' \
	'[    0.150465] bench_sched: msleep10_us 17224' \
	'[    0.151000] bench_sched: timer_late_us -3' \
	'[    0.156888] bench_sched: mutex_ns 60' \
	'[    0.158724] bench_sched: spinlock_ns 15' \
	'[    0.158896] bench_sched: done' 'sprout# poweroff' > "$sprout"
figures_are "Sprout's log gives each bench_sched figure, in order" \
	bench_sched "$sprout" <<'EOF'
switch_ns 1231
wake_ns 1092
msleep10_us 17224
timer_late_us -3
mutex_ns 60
spinlock_ns 15
EOF
figures_are "--json gives them as one JSON object" --json bench_sched "$sprout" <<'EOF'
{"switch_ns": 1231, "wake_ns": 1092, "msleep10_us": 17224, "timer_late_us": -3, "mutex_ns": 60, "spinlock_ns": 15}
EOF

# Microseconds with two decimals, as bench_defer prints them: kept as
# printed, but for a leading zero JSON would refuse.
defer=$dir/defer.log
printf '%s\r\n' '[    1.000000] bench_defer: work_us 6.05' \
	'[    1.100000] bench_defer: tasklet_us 0.40' \
	'[    1.200000] bench_defer: irq_us 012.30' \
	'[    1.200100] bench_defer: done' > "$defer"
figures_are "decimal figures come out as printed, as numbers JSON reads" \
	--json bench_defer "$defer" <<'EOF'
{"work_us": 6.05, "tasklet_us": 0.40, "irq_us": 12.30}
EOF

# Linux's console: the module's taint messages are not figures.
linux=$dir/linux.log
cat > "$linux" <<'EOF'
[    2.120231] bench_sched: loading out-of-tree module taints kernel.
[    2.121860] bench_sched: module verification failed: signature and/or required key missing - tainting kernel
[    2.277071] bench_sched: switch_ns 7390
[    2.470345] bench_sched: timer_late_us 4043
[    2.481567] bench_sched: done
[    2.484666] bench-init: finit_module /bench_sched.ko: ok
EOF
figures_are "Linux's log gives the figures and nothing of its other bench_sched lines" \
	bench_sched "$linux" <<'EOF'
switch_ns 7390
timer_late_us 4043
EOF

grep -v ': done' "$sprout" > "$dir/early.log"
refused 'a log without "bench_sched: done" is refused' "$dir/early.log" \
	'no "bench_sched: done" line'
sed 's/wake_ns 1092/wake_ns 1.5us/' "$sprout" > "$dir/real.log"
refused 'a figure that is not a number is refused, by name' "$dir/real.log" \
	'bench_sched printed wake_ns as "1.5us", not a number'
sed 's/wake_ns 1092/wake_ns 1./' "$sprout" > "$dir/dot.log"
refused 'a decimal point without decimals is refused' "$dir/dot.log" \
	'bench_sched printed wake_ns as "1.", not a number'
sed 's/mutex_ns 60/switch_ns 60/' "$sprout" > "$dir/twice.log"
refused 'a figure printed twice is refused, by name' "$dir/twice.log" \
	'bench_sched printed switch_ns twice'
