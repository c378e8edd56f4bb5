#!/bin/sh
# bench/run.sh — entente benchmark (`make bench`).  See bench/README.md.
#
#   sh bench/run.sh [path/to/entente]
#
# Generates its own corpora under <build>/bench/, times extract, build,
# report and render on them, and prints one line per figure.  A slow
# machine only makes the figures worse: commands are bounded by timeouts
# and a total time budget, and what did not finish is reported as such.
# The exit status is 1 only when a command crashed or failed for a reason
# other than a time or size limit.
#
# Environment:
#   BENCH_BUDGET=540        total seconds; stages past it are skipped
#   BENCH_CMD_TIMEOUT=120   seconds for any one command (the last one,
#                           report on the large corpus, gets what is left)
#   BENCH_SMALL_MB=5        size of the small corpus (the large one is 10x)
#   BENCH_SEED=20240601     generator seed
#   BENCH_MEM_MB=500        corpus for the memory figures (0 skips them)
#   BENCH_WHITEPAPER=../shared/corpus/whitepaper.txt
#   BENCH_KEEP=1            keep the generated inputs and outputs
#   BENCH_NO_TIME=1         do not use /usr/bin/time (poll /proc instead)

BIN=${1:-build/entente}
BUDGET=${BENCH_BUDGET:-540}
CMD_TIMEOUT=${BENCH_CMD_TIMEOUT:-120}
SMALL_MB=${BENCH_SMALL_MB:-5}
SEED=${BENCH_SEED:-20240601}
WHITEPAPER=${BENCH_WHITEPAPER:-../shared/corpus/whitepaper.txt}
DATA=data

LC_ALL=C
export LC_ALL

if [ ! -x "$BIN" ]; then
	echo "bench: $BIN: not an executable (run make first)" >&2
	exit 1
fi
# Work from the top of the source tree (bench/gen.c, data/), with an
# absolute path to the binary.
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$(dirname "$0")/.." || exit 1
BDIR=$(dirname "$BIN")/bench
mkdir -p "$BDIR" || exit 1

START=$(date +%s.%N)
FAILED=0

# ------------------------------------------------------------- helpers

# calc EXPR: print the value of an awk expression
calc() { awk "BEGIN { print ($1) }"; }

now() { date +%s.%N; }

# elapsed: seconds since the start, as an integer
elapsed() { calc "int($(now) - $START)"; }

# remaining: seconds left in the budget (may be negative)
remaining() { calc "int($BUDGET - ($(now) - $START))"; }

# human N: 6900000 -> 6.9M, 310000 -> 310k
human() {
	awk -v n="$1" 'BEGIN {
		if (n >= 1e9) printf "%.1fG", n / 1e9;
		else if (n >= 1e6) printf "%.1fM", n / 1e6;
		else if (n >= 1e4) printf "%.0fk", n / 1e3;
		else if (n >= 1e3) printf "%.1fk", n / 1e3;
		else printf "%.0f", n }'
}

# mb BYTES: decimal megabytes, one decimal
mb() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }

# fsize FILE: size in bytes (0 when missing)
fsize() { if [ -f "$1" ]; then wc -c < "$1" | tr -d ' '; else echo 0; fi; }

# line NAME REST...: one figure, name padded to a column
line() { name=$1; shift; printf '%-20s %s\n' "$name" "$*"; }

TIME_BIN=
if [ -z "$BENCH_NO_TIME" ] && [ -x /usr/bin/time ] &&
	/usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	TIME_BIN=/usr/bin/time
fi
# Without timeout(1) the polling path is used, which enforces the limit itself.
command -v timeout >/dev/null 2>&1 || TIME_BIN=

# run1 LIMIT OUT CMD...: run CMD once, stdout to OUT, stderr to $W/err.
# Sets T (wall seconds), CPU (user + system seconds, or n/a), RSS (peak
# resident MB, or n/a) and RC (124 = timed out).
run1() {
	limit=$1 out=$2
	shift 2
	rm -f "$W/rss"
	if [ -n "$TIME_BIN" ]; then
		t0=$(now)
		timeout "$limit" "$TIME_BIN" -f '%M %U %S' -o "$W/rss" "$@" >"$out" 2>"$W/err"
		RC=$?
		t1=$(now)
		RSS=$(tail -n 1 "$W/rss" 2>/dev/null | awk 'NF == 3 && $1 ~ /^[0-9]+$/ { printf "%.0f", $1 / 1024 }')
		CPU=$(tail -n 1 "$W/rss" 2>/dev/null | awk 'NF == 3 && $1 ~ /^[0-9]+$/ { printf "%.2f", $2 + $3 }')
		[ -n "$RSS" ] || RSS=n/a
		[ -n "$CPU" ] || CPU=n/a
		# GNU time reports a killed child as "Command terminated by signal N"
		if [ "$RC" -ne 124 ] && grep -q 'terminated by signal' "$W/rss" 2>/dev/null; then
			RC=$((128 + $(sed -n 's/.*signal \([0-9]*\).*/\1/p' "$W/rss" | head -n 1)))
		fi
	else
		# No /usr/bin/time: poll the peak (VmHWM) from /proc while it runs.
		t0=$(now)
		"$@" >"$out" 2>"$W/err" &
		pid=$!
		hwm= RC=
		while kill -0 "$pid" 2>/dev/null; do
			if [ -r "/proc/$pid/status" ]; then
				while read -r _key _val _; do
					[ "$_key" = "VmHWM:" ] && hwm=$_val
				done < "/proc/$pid/status" 2>/dev/null
			fi
			if [ "$(calc "($(now) - $t0) > $limit")" = 1 ]; then
				kill "$pid" 2>/dev/null
				wait "$pid" 2>/dev/null
				RC=124
				break
			fi
			sleep 0.05
		done
		if [ "${RC:-}" != 124 ]; then
			wait "$pid"
			RC=$?
		fi
		t1=$(now)
		CPU=n/a
		# a run shorter than the polling interval shows no useful peak
		RSS=n/a
		[ -n "$hwm" ] && [ "$hwm" -ge 1024 ] && RSS=$(calc "int($hwm / 1024 + 0.5)")
	fi
	T=$(calc "$t1 - $t0")
}

# timed NAME OUT CMD...: run CMD with the command timeout (bounded by the
# remaining budget).  A run under 5 s is done three times and the median
# kept (the peak RSS is the largest).  Sets T, CPU, RSS, RC and STATUS (ok,
# TIMEOUT, LIMIT, SKIPPED or FAIL(...)); prints a FAIL line itself.
timed() {
	tname=$1 tout=$2
	shift 2
	left=$(remaining)
	if [ "$left" -lt 5 ]; then
		STATUS=SKIPPED T=0 CPU=n/a RSS=n/a RC=0
		return
	fi
	# the last stage (UNCAPPED=1) may use all that is left of the budget
	lim=$CMD_TIMEOUT
	[ -n "$UNCAPPED" ] && lim=$left
	[ "$left" -lt "$lim" ] && lim=$left
	run1 "$lim" "$tout" "$@"
	ts=$T cs=$CPU maxrss=$RSS
	_runs=1
	while [ "$RC" -eq 0 ] && [ "$_runs" -lt 3 ] && [ "$(calc "$T < 5")" = 1 ]; do
		run1 "$lim" "$tout" "$@"
		[ "$RC" -eq 0 ] || break
		ts="$ts $T" cs="$cs $CPU"
		if [ "$RSS" != n/a ]; then
			if [ "$maxrss" = n/a ] || [ "$RSS" -gt "$maxrss" ]; then
				maxrss=$RSS
			fi
		fi
		_runs=$((_runs + 1))
	done
	if [ "$RC" -eq 0 ]; then
		T=$(median $ts) CPU=$(median $cs)
	fi
	RSS=$maxrss
	# a size limit is exit 5, or 3 when the input itself is refused as too big
	if [ "$RC" -eq 3 ] && grep -q 'limit' "$W/err" 2>/dev/null; then
		RC=5
	fi
	case $RC in
	0) STATUS=ok ;;
	124) STATUS=TIMEOUT ;;
	5) STATUS=LIMIT ;;
	*)
		if [ "$RC" -gt 128 ]; then
			STATUS="FAIL(signal $((RC - 128)))"
		else
			STATUS="FAIL(exit $RC)"
		fi
		FAILED=$((FAILED + 1))
		line "$tname" "status=$STATUS $(head -n 1 "$W/err")"
		echo "    repro: $*"
		;;
	esac
}

secs() { printf '%.3f' "$1"; }

# median X...: the median of numbers (the lower one of an even count);
# n/a when any is n/a
median() {
	case " $* " in *" n/a "*) echo n/a; return ;; esac
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# unfinished: the figure of a run that did not complete (timed out, or
# not started because the budget was spent)
unfinished() {
	case $STATUS in
	SKIPPED) echo "status=SKIPPED (budget spent)" ;;
	TIMEOUT) echo "status=TIMEOUT seconds>=$(secs "$T") (stopped; the true time is longer)" ;;
	*) echo "status=$STATUS seconds=$(secs "$T")" ;;
	esac
}

# ------------------------------------------------------------- inputs

W=$(mktemp -d "$BDIR/run.XXXXXX") || exit 1
# The inputs are removed at the end, unless asked to keep them or a
# command failed (then they are needed to reproduce it).
cleanup() {
	if [ -n "$BENCH_KEEP" ] || [ "$FAILED" -gt 0 ]; then
		echo "# inputs and outputs kept in $W"
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM

GEN=$BDIR/gen
if [ ! -x "$GEN" ] || [ bench/gen.c -nt "$GEN" ]; then
	${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$GEN" bench/gen.c || {
		echo "bench: cannot compile bench/gen.c" >&2
		exit 1
	}
fi

cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1024 }' /proc/meminfo 2>/dev/null)
echo "entente benchmark — $("$BIN" --version 2>/dev/null | head -n 1)"
ncpu=$(env -u OMP_NUM_THREADS nproc 2>/dev/null || grep -c '^processor' /proc/cpuinfo 2>/dev/null)
line machine "nproc=${ncpu:-?} cpu=\"${cpu:-unknown}\" mem_MB=${mem:-?} OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset}"
if [ -n "$TIME_BIN" ]; then
	rssnote="cpu = user+sys seconds and peak_rss_MB from /usr/bin/time"
else
	rssnote="cpu n/a, peak_rss_MB from /proc VmHWM polled every 50 ms"
fi
echo "# seconds: wall clock (date +%s.%N), median of 3 runs for runs under 5 s; $rssnote"
echo "# MB = 10^6 bytes; words = wc -w; sentences = awk count of . ! ? before a space or line end (paragraph numbers excluded)"

# count_input SET DIR: sets BYTES, WORDS, SENTS, FILES for a corpus directory
count_input() {
	FILES=$(find "$2" -type f | wc -l | tr -d ' ')
	BYTES=$(find "$2" -type f -exec cat {} + | wc -c | tr -d ' ')
	WORDS=$(find "$2" -type f -exec cat {} + | wc -w | tr -d ' ')
	SENTS=$(find "$2" -type f -exec cat {} + |
		awk '{ n += gsub(/[.!?]( |$)/, "&"); if ($0 ~ /^[0-9]+\. /) n-- } END { print n + 0 }')
	eval "BYTES_$1=\$BYTES WORDS_$1=\$WORDS SENTS_$1=\$SENTS FILES_$1=\$FILES"
	line "input.$1" "files=$FILES MB=$(mb "$BYTES") words=$(human "$WORDS") sentences=$(human "$SENTS")"
}

small_bytes=$(calc "$SMALL_MB * 1000000")
large_bytes=$(calc "$SMALL_MB * 10000000")
SETS="small large"
for set in small large; do
	mkdir -p "$W/$set"
	eval "nbytes=\$${set}_bytes"
	t0=$(now)
	if ! "$GEN" -s "$SEED" -n "$nbytes" -o "$W/$set" -c "$DATA/countries.tsv" \
		-g "$DATA/organizations.tsv" >/dev/null; then
		echo "bench: the generator failed" >&2
		exit 1
	fi
	gt=$(calc "$(now) - $t0")
	count_input "$set" "$W/$set"
	line "gen.$set" "seconds=$(secs "$gt") MB/s=$(calc "$nbytes / 1e6 / $gt" | awk '{ printf "%.0f", $1 }')"
done
if [ -f "$WHITEPAPER" ]; then
	mkdir -p "$W/wp50"
	i=1
	while [ $i -le 50 ]; do
		cp "$WHITEPAPER" "$W/wp50/whitepaper-$i.txt"
		i=$((i + 1))
	done
	SETS="$SETS wp50"
	count_input wp50 "$W/wp50"
else
	line input.wp50 "status=SKIPPED ($WHITEPAPER not found)"
fi

# ------------------------------------------------------------- extract

# extract_line NAME: the figures of the last timed extraction
extract_line() {
	case $STATUS in
	ok)
		line "$1" "MB/s=$(calc "$b / 1e6 / $T" | awk '{ printf "%.1f", $1 }')" \
			"words/s=$(human "$(calc "$w / $T")")" \
			"sentences/s=$(human "$(calc "$s / $T")")" \
			"peak_rss_MB=$RSS seconds=$(secs "$T") cpu=$CPU" ;;
	FAIL*) ;;
	*) line "$1" "$(unfinished)" ;;
	esac
}

# Single thread (-j 1), then one thread per core (-j NCPU): the output
# is the same, only the time differs.
NJ=${ncpu:-1}
for set in $SETS; do
	eval "b=\$BYTES_$set w=\$WORDS_$set s=\$SENTS_$set"
	timed "extract.$set" /dev/null "$BIN" extract -q -j 1 --format jsonl "$W/$set"
	eval "T_extract_$set=\$T C_extract_$set=\$CPU ST_extract_$set=\$STATUS"
	extract_line "extract.$set.j1"
	[ "$NJ" -gt 1 ] || continue
	# (run1 uses t0 and t1 itself)
	tj1=$T stj1=$STATUS
	timed "extract.$set" /dev/null "$BIN" extract -q -j "$NJ" --format jsonl "$W/$set"
	extract_line "extract.$set.j$NJ"
	if [ "$STATUS" = ok ] && [ "$stj1" = ok ]; then
		line "extract.$set.speedup" "j$NJ/j1=$(calc "$tj1 / $T" | awk '{ printf "%.2f", $1 }')x"
	fi
done

# ------------------------------------------------------------- build

# graph_counts FILE: sets NODES, EDGES from a GraphML file
graph_counts() {
	NODES=$(grep -c '<node ' "$1" 2>/dev/null)
	EDGES=$(grep -c '<edge ' "$1" 2>/dev/null)
}

for set in $SETS; do
	g=$W/$set.graphml
	timed "build.$set" /dev/null "$BIN" build "$W/$set" -o "$g"
	eval "T_build_$set=\$T C_build_$set=\$CPU ST_build_$set=\$STATUS"
	case $STATUS in
	ok)
		graph_counts "$g"
		rels=$(sed -n 's/.* \([0-9]*\) relations.*/\1/p' "$W/err" | tail -n 1)
		line "build.$set" "seconds=$(secs "$T") cpu=$CPU graphml_MB=$(mb "$(fsize "$g")")" \
			"nodes=$NODES edges=$EDGES relations=${rels:-?} peak_rss_MB=$RSS" ;;
	FAIL*) ;;
	*) line "build.$set" "$(unfinished)" ;;
	esac
done

# ------------------------------------------------------------- memory

# Peak RSS of build from about 100 MB and 500 MB of generated documents
# (BENCH_MEM_MB, default 500; the smaller input is the first fifth of
# the files): documents are released as they are merged, so memory
# follows the graph, not the corpus. 0 skips this stage.
MEM_MB=${BENCH_MEM_MB:-500}
if [ "$MEM_MB" -gt 0 ] && [ "$(remaining)" -gt 150 ]; then
	mkdir -p "$W/mem"
	t0=$(now)
	if "$GEN" -s "$((SEED + 1))" -n "$(calc "$MEM_MB * 1000000")" -o "$W/mem" \
		-c "$DATA/countries.tsv" -g "$DATA/organizations.tsv" >/dev/null; then
		nfiles=$(ls "$W/mem" | wc -l | tr -d ' ')
		ls "$W/mem" | sort | head -n "$((nfiles / 5))" > "$W/mem/fifth.list"
		fifth_bytes=$(cd "$W/mem" && cat $(cat fifth.list) | wc -c | tr -d ' ')
		all_bytes=$(find "$W/mem" -type f ! -name '*.list' -exec cat {} + | wc -c | tr -d ' ')
		line gen.mem "seconds=$(secs "$(calc "$(now) - $t0")") files=$nfiles MB=$(mb "$all_bytes")"
		rss_fifth=
		for part in fifth all; do
			src=$W/mem
			[ "$part" = fifth ] && src=@$W/mem/fifth.list
			eval "pb=\$${part}_bytes"
			timed "build.mem.$part" /dev/null "$BIN" build -q "$src" -o "$W/mem-$part.graphml"
			case $STATUS in
			ok)
				graph_counts "$W/mem-$part.graphml"
				line "build.mem.$part" "input_MB=$(mb "$pb") seconds=$(secs "$T") cpu=$CPU" \
					"MB/s=$(calc "$pb / 1e6 / $T" | awk '{ printf "%.1f", $1 }')" \
					"nodes=$NODES edges=$EDGES peak_rss_MB=$RSS"
				[ "$part" = fifth ] && rss_fifth=$RSS ;;
			FAIL*) ;;
			*) line "build.mem.$part" "$(unfinished)" ;;
			esac
		done
		if [ -n "$rss_fifth" ] && [ "$STATUS" = ok ] && [ "$RSS" != n/a ] && [ "$rss_fifth" != n/a ]; then
			line "build.mem.growth" "input=$(calc "$all_bytes / $fifth_bytes" | awk '{ printf "%.1f", $1 }')x" \
				"peak_rss=$(calc "($RSS - $rss_fifth) * 100 / $rss_fifth" | awk '{ printf "%+.0f", $1 }')%" \
				"(${rss_fifth} MB -> ${RSS} MB)"
		fi
	else
		line gen.mem "status=FAIL (the generator failed)"
	fi
	rm -rf "$W/mem" "$W"/mem-*.graphml
else
	line build.mem "status=SKIPPED (BENCH_MEM_MB=0 or budget spent)"
fi

# ------------------------------------------------------------- render

# Graphs of about 100, 1000 and 2000 nodes, built from the first K
# documents of the small corpus; K is searched for (a few quick builds).
# subset_graph K: sets NODES, EDGES for $W/sub.graphml built from K documents
subset_graph() {
	rm -rf "$W/sub"
	mkdir -p "$W/sub"
	for f in $(ls "$W/small" | head -n "$1"); do
		ln "$W/small/$f" "$W/sub/$f" 2>/dev/null || cp "$W/small/$f" "$W/sub/$f"
	done
	if "$BIN" build -q "$W/sub" -o "$W/sub.graphml" 2>"$W/err"; then
		graph_counts "$W/sub.graphml"
	else
		NODES=0 EDGES=0
	fi
}

for target in 100 1000 2000; do
	if [ "$(remaining)" -lt 30 ]; then
		line "render.n$target" "status=SKIPPED (budget spent)"
		continue
	fi
	k=2 tried=" " best_k= best_d=
	while :; do
		subset_graph "$k"
		tried="$tried$k "
		[ "$NODES" -gt 0 ] || break
		d=$(calc "($NODES > $target) ? $NODES - $target : $target - $NODES")
		if [ -z "$best_d" ] || [ "$d" -lt "$best_d" ]; then
			best_k=$k best_d=$d
		fi
		# within 10% of the target
		[ "$(calc "$d <= $target * 0.1")" = 1 ] && break
		# nodes grow sublinearly with documents (names recur): about k^0.75
		nk=$(calc "int($k * ($target / $NODES) ^ 1.35 + 0.5)")
		[ "$nk" -lt 1 ] && nk=1
		[ "$nk" -gt "${FILES_small:-1}" ] && nk=$FILES_small
		case $tried in *" $nk "*) break ;; esac
		k=$nk
	done
	if [ "$NODES" -gt 0 ] && [ "$k" != "$best_k" ]; then
		k=$best_k
		subset_graph "$k"
	fi
	if [ "$NODES" -eq 0 ]; then
		line "render.n$target" "status=FAIL (cannot build the subset graph: $(head -n 1 "$W/err"))"
		FAILED=$((FAILED + 1))
		continue
	fi
	mv "$W/sub.graphml" "$W/n$target.graphml"
	gn=$NODES ge=$EDGES
	timed "render.n$target" /dev/null "$BIN" render -q "$W/n$target.graphml" -o "$W/n$target.svg"
	case $STATUS in
	ok) line "render.n$target" "nodes=$gn edges=$ge docs=$k seconds=$(secs "$T") cpu=$CPU" \
		"svg_KB=$(calc "int($(fsize "$W/n$target.svg") / 1000 + 0.5)") peak_rss_MB=$RSS" ;;
	FAIL*) ;;
	*) line "render.n$target" "nodes=$gn edges=$ge docs=$k $(unfinished)" ;;
	esac
	timed "report.n$target" /dev/null "$BIN" report "$W/n$target.graphml"
	case $STATUS in
	ok) line "report.n$target" "nodes=$gn edges=$ge seconds=$(secs "$T") cpu=$CPU peak_rss_MB=$RSS" ;;
	FAIL*) ;;
	*) line "report.n$target" "nodes=$gn $(unfinished)" ;;
	esac
done

# ------------------------------------------------------------- report

# On the graph written by build.  When the GraphML reader refuses the
# small or the large graph (a size limit), both are also timed on the
# documents (`report DIR`: extraction, graph in memory, centrality), so
# that the scaling line compares like with like.  The large corpus goes
# last: it may take what is left of the budget.
for set in wp50 small large; do
	case " $SETS " in *" $set "*) ;; *) continue ;; esac
	g=$W/$set.graphml
	eval "st=\$ST_build_$set"
	[ "$st" = ok ] || continue
	UNCAPPED=
	[ "$set" = large ] && UNCAPPED=1
	timed "report.$set.nobetweenness" /dev/null "$BIN" report --betweenness off "$g"
	case $STATUS in
	ok) line "report.$set.nobetweenness" "seconds=$(secs "$T") cpu=$CPU peak_rss_MB=$RSS" ;;
	FAIL*) ;;
	*) line "report.$set.nobetweenness" "$(unfinished)" ;;
	esac
	timed "report.$set" /dev/null "$BIN" report "$g"
	UNCAPPED=
	eval "T_report_$set=\$T C_report_$set=\$CPU ST_report_$set=\$STATUS"
	case $STATUS in
	ok) line "report.$set" "seconds=$(secs "$T") cpu=$CPU input=graphml graphml_MB=$(mb "$(fsize "$g")") peak_rss_MB=$RSS" ;;
	LIMIT) line "report.$set" "status=LIMIT graphml_MB=$(mb "$(fsize "$g")"): $(head -n 1 "$W/err" | sed 's/^entente: [^:]*: //')" ;;
	FAIL*) ;;
	*) line "report.$set" "$(unfinished)" ;;
	esac
done

if [ "${ST_report_small:-}" = LIMIT ] || [ "${ST_report_large:-}" = LIMIT ]; then
	for set in small large; do
		UNCAPPED=
		[ "$set" = large ] && UNCAPPED=1
		timed "report.$set.text" "$W/report.txt" "$BIN" report -q "$W/$set"
		UNCAPPED=
		eval "T_report_$set=\$T C_report_$set=\$CPU ST_report_$set=\$STATUS"
		case $STATUS in
		ok)
			nn=$(awk '$1 == "nodes" { print $2; exit }' "$W/report.txt")
			ne=$(awk '$1 == "edges" { print $2; exit }' "$W/report.txt")
			eval "tb=\${T_build_$set:-0}"
			line "report.$set.text" "seconds=$(secs "$T") cpu=$CPU input=documents nodes=$nn edges=$ne" \
				"peak_rss_MB=$RSS analysis_seconds~$(calc "$T - $tb" | awk '{ printf "%.1f", $1 }') (minus build.$set)" ;;
		FAIL*) ;;
		*) line "report.$set.text" "$(unfinished)" ;;
		esac
	done
fi

# ------------------------------------------------------------- scaling

ratio=$(calc "$BYTES_large / $BYTES_small")
limit=$(calc "$ratio * 1.2")
out="input=$(printf '%.1f' "$ratio")x limit=$(printf '%.1f' "$limit")x"
for stage in extract build report; do
	eval "ts=\${T_${stage}_small:-} tl=\${T_${stage}_large:-} ss=\${ST_${stage}_small:-} sl=\${ST_${stage}_large:-}"
	if [ "$ss" != ok ] || [ -z "$ts" ] || [ -z "$tl" ] || [ "$(calc "$ts <= 0")" = 1 ]; then
		out="$out $stage=n/a"
		continue
	fi
	r=$(calc "$tl / $ts" | awk '{ printf "%.1f", $1 }')
	# the CPU-time ratio too, to tell a slow stage from a busy machine
	eval "cs=\${C_${stage}_small:-n/a} cl=\${C_${stage}_large:-n/a}"
	cr=
	if [ "$cs" != n/a ] && [ "$cl" != n/a ] && [ "$(calc "$cs > 0")" = 1 ]; then
		cr=";cpu=$(calc "$cl / $cs" | awk '{ printf "%.1f", $1 }')x"
	fi
	case $sl in
	ok)
		if [ "$(calc "$r <= $limit")" = 1 ]; then
			out="$out $stage=${r}x(ok$cr)"
		else
			out="$out $stage=${r}x(SUPERLINEAR$cr)"
		fi ;;
	TIMEOUT | SKIPPED)
		if [ "$sl" = TIMEOUT ] && [ "$(calc "$r > $limit")" = 1 ]; then
			out="$out $stage=>${r}x(SUPERLINEAR)"
		else
			out="$out $stage=>${r}x(unknown:$sl)"
		fi ;;
	*) out="$out $stage=n/a" ;;
	esac
done
line scaling "$out"
line total "seconds=$(elapsed) budget=$BUDGET failures=$FAILED"
[ "$FAILED" -eq 0 ]
