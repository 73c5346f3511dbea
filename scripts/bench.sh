#!/usr/bin/env bash
# Scale benchmarks over synthetic releases; prints a Markdown table.
# Not run in CI (10,000 releases take several minutes to add).
#
#   scripts/bench.sh                 # 1,000 and 10,000 releases
#   SIZES="1000" scripts/bench.sh    # just 1,000
#   SIZES="100000" scripts/bench.sh  # 100,000: see below
#
# The releases are internal/synth's: release i is quarter i%32 of company
# i/32, so N releases are N/32 companies of 32 consecutive fiscal quarters
# (8 years) each, with their own fiscal calendars (years ending in
# December, June, September, March, January …), wording, and text or HTML
# (every 4th release); ~26 KB each. Questions name company and quarter.
#
# 100,000 releases are 3,125 companies. Making them takes a few minutes and
# ~2.6 GB; adding them ~20 minutes on a quiet 2-core machine (22–33 ms of
# CPU a release, docs/SCALING.md), hours on a busy one, and ~11 GB of
# index; then the Go benchmarks take some minutes more (a search over all
# releases is ~0.5 s). Leave ~15 GB free in $EX99_BENCH_DIR.
#
# SKIP_ADD=1 reuses the indexes of the last run (only the Go benchmarks run),
# unless the releases were made again.
# SHARDS=8 splits each new index into 8 shards (ex99 add --shards; default 1).
# The run's shard count is kept beside each index (shards-N.txt) and shown.
#
# Releases, indexes and binaries go to $EX99_BENCH_DIR (default ./bench-out)
# and releases are reused between runs while synth's version (synth
# -version, kept in rel-N/.complete and idx-N.synth) stays the same; the Go
# benchmarks reuse them on the same terms. For each size it times `ex99 add`
# of every release into a new index (releases/s, peak RSS, index size on
# disk), then runs the Go benchmarks of cmd/ex99 over that index: ask in
# process (median and p99 per question), search, and a cold `ex99 ask`
# process; and the extract benchmark (time per release). Last it prints
# each figure against the targets of issue 15 (the 10,000 column for sizes
# up to 10,000, the 100,000 column above).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${SIZES:-1000 10000}"
OUT="${EX99_BENCH_DIR:-$PWD/bench-out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
export EX99_BENCH_DIR="$OUT"

go build -o "$OUT/ex99" ./cmd/ex99
go build -o "$OUT/synth" ./internal/synth/cmd/synth
VERSION="$("$OUT/synth" -version)"

# measure CMD...: runs it and prints "elapsed_seconds peak_rss_kb user_s sys_s peak_anon_kb".
# Peak RSS counts the pages of index files Bleve maps and reads (shared,
# clean page cache the kernel can drop); peak anonymous memory is ex99's own.
measure() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" &
		local tpid=$! anon=0 a pid
		while kill -0 "$tpid" 2>/dev/null; do
			for pid in $(pgrep -P "$tpid" 2>/dev/null); do
				a=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
				[ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
			done
			sleep 0.2
		done
		wait "$tpid"
		echo "$(cat "$OUT/time.txt") $anon"
		return
	fi
	# no GNU time: sample /proc/PID/status
	local start end peak=0 rss
	start=$(date +%s.%N)
	"$@" &
	local pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		rss=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
		[ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
		sleep 0.1
	done
	wait "$pid"
	end=$(date +%s.%N)
	echo "$(echo "$end - $start" | bc) $peak 0 0 0"
}

declare -A ADD_RATE ADD_RSS ADD_ANON IDX_MB ADD_CPU
csv=""
for n in $SIZES; do
	rel="$OUT/rel-$n"
	if [ "$(cat "$rel/.complete" 2>/dev/null)" != "$VERSION" ]; then
		rm -rf "$rel"
		echo "making $n releases..." >&2
		"$OUT/synth" -n "$n" -html 4 -out "$rel"
		echo "$VERSION" > "$rel/.complete"
	fi
	idx="$OUT/idx-$n"
	if [ -n "${SKIP_ADD:-}" ] && [ -f "$OUT/add-$n.txt" ] && [ "$(cat "$idx.synth" 2>/dev/null)" = "$VERSION" ]; then
		read -r secs rss usr sys anon < "$OUT/add-$n.txt"
	else
		rm -rf "$idx" "$idx.synth"
		sync
		echo "adding $n releases..." >&2
		measure "$OUT/ex99" add -q --shards "${SHARDS:-1}" --index "$idx" "$rel" > "$OUT/add-$n.txt"
		echo "${SHARDS:-1}" > "$OUT/shards-$n.txt"
		read -r secs rss usr sys anon < "$OUT/add-$n.txt"
		echo "$VERSION" > "$idx.synth" # the Go benchmarks reuse the index
	fi
	ADD_RATE[$n]=$(echo "scale=0; $n / $secs" | bc)
	ADD_CPU[$n]=$(echo "scale=1; ($usr + $sys) * 1000 / $n" | bc)
	ADD_RSS[$n]=$((rss / 1024))
	ADD_ANON[$n]=$((${anon:-0} / 1024))
	IDX_MB[$n]=$(du -sm "$idx" | cut -f1)
	csv="${csv:+$csv,}$n"
done

echo "running the Go benchmarks..." >&2
EX99_BENCH_N="$csv" go test ./cmd/ex99 -run '^$' -bench 'BenchmarkAsk|BenchmarkSearch|BenchmarkColdAsk' \
	-benchtime 1x -timeout 3h | tee "$OUT/bench.txt" >&2
go test ./extract -run '^$' -bench 'BenchmarkParse' -benchtime 100x | tee "$OUT/extract.txt" >&2

# metric NAME UNIT: the value of UNIT on the benchmark line NAME
metric() {
	awk -v name="$1" -v unit="$2" '$1 ~ "^"name"(-[0-9]+)?$" { for (i = 2; i < NF; i++) if ($(i+1) == unit) { printf "%.1f", $i; exit } }' "$OUT/bench.txt" "$OUT/extract.txt"
}
pair() { echo "$(metric "$1" p50-ms) / $(metric "$1" p99-ms)"; }

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3)"
echo
echo "| releases | add (releases/s) | add CPU per release (ms) | add peak RSS / private (MiB) | index on disk (MiB) | ask, company named: p50 / p99 ms | ask --doc: p50 / p99 ms | ask, no company: p50 / p99 ms | search: p50 / p99 ms | cold CLI ask: p50 / p99 ms |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
	echo "| $n ($(cat "$OUT/shards-$n.txt" 2>/dev/null || echo 1) shards) | ${ADD_RATE[$n]} | ${ADD_CPU[$n]} | ${ADD_RSS[$n]} / ${ADD_ANON[$n]} | ${IDX_MB[$n]} | $(pair "BenchmarkAsk/$n/named") | $(pair "BenchmarkAsk/$n/doc") | $(pair "BenchmarkAsk/$n/unnamed") | $(pair "BenchmarkSearch/$n") | $(pair "BenchmarkColdAsk/$n") |"
done
echo
text=$(awk '$1 ~ /^BenchmarkParse\/text/ {printf "%.1f", $3/1e6}' "$OUT/extract.txt")
html=$(awk '$1 ~ /^BenchmarkParse\/html/ {printf "%.1f", $3/1e6}' "$OUT/extract.txt")
echo "Extract, per release (one core): text ${text} ms, HTML ${html} ms."

# targets: the figures of issue 15 against their targets, per size.
# target N NAME: "LIMIT DIRECTION" for size N (DIRECTION ge: at least, le: at most).
target() {
	local big=0
	[ "$1" -gt 10000 ] && big=1
	case "$2" in
	add) echo "150 ge" ;;
	addcpu) echo "13.3 le" ;; # 150 releases/s on 2 cores
	ask50) [ $big = 1 ] && echo "3 le" || echo "1.5 le" ;;
	ask99) [ $big = 1 ] && echo "10 le" || echo "5 le" ;;
	cold50) [ $big = 1 ] && echo "30 le" || echo "15 le" ;;
	search50) [ $big = 1 ] && echo "20 le" || echo "10 le" ;;
	search99) [ $big = 1 ] && echo "100 le" || echo "50 le" ;;
	mem) [ $big = 1 ] && echo "1024 le" || echo "512 le" ;;
	disk) [ $big = 1 ] && echo "10240 le" || echo "1024 le" ;;
	esac
}
# verdict VALUE LIMIT DIRECTION: "met" or "missed (x.x times)"
verdict() {
	awk -v v="$1" -v l="$2" -v d="$3" 'BEGIN {
		if (v == "") { print "not measured"; exit }
		ok = (d == "ge") ? v + 0 >= l + 0 : v + 0 <= l + 0
		if (ok) print "met"; else if (d == "ge") printf "missed (%.1fx short)\n", l / v; else printf "missed (%.1fx over)\n", v / l
	}'
}
row() { # row N LABEL NAME VALUE UNIT
	local t
	t=$(target "$1" "$3")
	set -- "$1" "$2" "$3" "$4" "$5" $t
	echo "| $1 | $2 | $4 $5 | $([ "$7" = ge ] && echo "≥" || echo "≤") $6 $5 | $(verdict "$4" "$6" "$7") |"
}
echo
echo "Against the targets (issue 15); ask is the worse of \"company named\" and \"--doc\":"
echo
echo "| releases | figure | measured | target | |"
echo "|---:|---|---:|---:|---|"
for n in $SIZES; do
	worse() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 > b + 0) ? a : b }'; }
	row "$n" "add, sustained" add "${ADD_RATE[$n]}" "releases/s"
	row "$n" "add, CPU per release (steadier on a busy machine)" addcpu "${ADD_CPU[$n]}" ms
	row "$n" "ask in process, p50" ask50 "$(worse "$(metric "BenchmarkAsk/$n/named" p50-ms)" "$(metric "BenchmarkAsk/$n/doc" p50-ms)")" ms
	row "$n" "ask in process, p99" ask99 "$(worse "$(metric "BenchmarkAsk/$n/named" p99-ms)" "$(metric "BenchmarkAsk/$n/doc" p99-ms)")" ms
	row "$n" "cold CLI ask, p50" cold50 "$(metric "BenchmarkColdAsk/$n" p50-ms)" ms
	row "$n" "search, p50" search50 "$(metric "BenchmarkSearch/$n" p50-ms)" ms
	row "$n" "search, p99" search99 "$(metric "BenchmarkSearch/$n" p99-ms)" ms
	row "$n" "ex99's own memory (private), peak" mem "${ADD_ANON[$n]}" MiB
	row "$n" "index on disk" disk "${IDX_MB[$n]}" MiB
done
