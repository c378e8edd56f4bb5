#!/bin/sh
# bench/report_large.sh — time `entente report` on a synthetic graph of
# 100,000 nodes and about 500,000 links (bench/analysis_gen.c), without
# betweenness and with sampled betweenness.  Prints one line per figure;
# never fails because a machine is slow (each run has a timeout).
#
#   OMP_NUM_THREADS=1 sh bench/report_large.sh [path/to/entente]
#
# Needs `make` to have built build/entente and build/libentente.a.
#
# Environment:
#   BENCH_LARGE_NODES=100000   nodes
#   BENCH_LARGE_LINKS=5        links per new node (preferential attachment)
#   BENCH_LARGE_SEED=20240601  generator seed
#   BENCH_LARGE_TIMEOUT=900    seconds for any one command
#   BENCH_KEEP=1               keep the generated graph
set -u

BIN=${1:-build/entente}
BUILD=$(dirname "$BIN")
NODES=${BENCH_LARGE_NODES:-100000}
LINKS=${BENCH_LARGE_LINKS:-5}
SEED=${BENCH_LARGE_SEED:-20240601}
LIMIT=${BENCH_LARGE_TIMEOUT:-900}
: "${OMP_NUM_THREADS:=1}"
export OMP_NUM_THREADS

if [ ! -x "$BIN" ] || [ ! -f "$BUILD/libentente.a" ] || [ ! -f "$BUILD/config.mk" ]; then
	echo "report_large: build first (make): $BIN, $BUILD/libentente.a, $BUILD/config.mk" >&2
	exit 1
fi

mkdir -p "$BUILD/bench"
GEN=$BUILD/bench/analysis_gen
if [ ! -x "$GEN" ] || [ bench/analysis_gen.c -nt "$GEN" ] || [ "$BUILD/libentente.a" -nt "$GEN" ]; then
	cflags=$(sed -n 's/^PKG_CFLAGS := //p' "$BUILD/config.mk")
	libs=$(sed -n 's/^PKG_LIBS := //p' "$BUILD/config.mk")
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 -O2 -Wall -Wextra -Iinclude -Icommon $cflags \
		-o "$GEN" bench/analysis_gen.c "$BUILD/libentente.a" $libs -lm || {
		echo "report_large: cannot compile bench/analysis_gen.c" >&2
		exit 1
	}
fi

W=$(mktemp -d "$BUILD/bench/large.XXXXXX") || exit 1
cleanup() {
	if [ -n "${BENCH_KEEP:-}" ]; then
		echo "# graph kept in $W"
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
TIME_BIN=
[ -x /usr/bin/time ] && TIME_BIN=/usr/bin/time

echo "entente report on a large synthetic graph — $("$BIN" --version 2>/dev/null | head -n 1)"
echo "machine nproc=$(env -u OMP_NUM_THREADS nproc 2>/dev/null || echo '?')" \
	"cpu=\"$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)\"" \
	"OMP_NUM_THREADS=$OMP_NUM_THREADS"

# The generator prints its own lines (generate, write, inprocess.*).
G=$W/large.graphml
if ! "$GEN" -n "$NODES" -m "$LINKS" -s "$SEED" -t -o "$G"; then
	echo "report_large: the generator failed" >&2
	exit 1
fi
echo "graphml MB=$(calc "$(wc -c < "$G") / 1e6" | awk '{ printf "%.1f", $1 }')"

# timed NAME ARGS...: run `entente report ARGS G` once, print its line.
FAILED=0
timed() {
	name=$1
	shift
	t0=$(now)
	if [ -n "$TIME_BIN" ]; then
		timeout "$LIMIT" "$TIME_BIN" -f '%M %U %S' -o "$W/time" "$BIN" report -q "$@" "$G" \
			> "$W/$name.out" 2> "$W/err"
	else
		timeout "$LIMIT" "$BIN" report -q "$@" "$G" > "$W/$name.out" 2> "$W/err"
	fi
	rc=$?
	t=$(calc "$(now) - $t0")
	extra=
	if [ -n "$TIME_BIN" ] && [ -f "$W/time" ]; then
		extra=$(tail -n 1 "$W/time" | awk 'NF == 3 { printf "cpu=%.2f peak_rss_MB=%.0f", $2 + $3, $1 / 1024 }')
	fi
	case $rc in
	0) echo "cli.$name seconds=$(printf '%.3f' "$t") $extra" ;;
	124) echo "cli.$name status=TIMEOUT seconds>=$LIMIT" ;;
	*)
		echo "cli.$name status=FAIL(exit $rc) $(head -n 1 "$W/err")"
		FAILED=$((FAILED + 1)) ;;
	esac
}

# reading the GraphML alone is most of the CLI's time: measure a report
# that computes next to nothing on top of it
timed minimal --measures degree --betweenness off --closeness off
timed no_betweenness --betweenness off
timed sampled_betweenness --betweenness sampled
if [ -f "$W/sampled_betweenness.out" ]; then
	echo "# $(grep -m 1 'by betweenness' "$W/sampled_betweenness.out")"
	echo "# $(grep -m 1 'diameter' "$W/sampled_betweenness.out" | sed 's/^ *//')"
fi
[ "$FAILED" -eq 0 ]
