#!/bin/sh
# Run libFuzzer harnesses for a fixed time each and summarise.
#
#   sh fuzz/run.sh BUILD SECONDS HARNESS...
#
# For each harness: seeds go into BUILD/corpus/HARNESS (kept between runs,
# so later runs start where earlier ones stopped), the harness runs at the
# lowest priority with a 5 s per-input timeout and a 2 GB memory cap, its
# log is BUILD/logs/HARNESS.log and a crashing input lands in
# BUILD/artifacts/HARNESS/. One summary line per harness; the exit status
# is 1 when any harness crashed, leaked, timed out or ran out of memory.
set -u
build=$1
seconds=$2
shift 2

# Seeds for one harness: real documents of the kind it reads.
seed() {
	dir=$build/corpus/$1
	case $1 in
	fuzz_text | fuzz_emit) cp samples/*.txt tests/gold/*.txt "$dir" ;;
	fuzz_html) cp tests/html/*.html "$dir" ;;
	fuzz_xml) cp tests/html/*.html "$dir" ;;
	fuzz_markdown) cp README.md samples/*.txt "$dir" ;;
	fuzz_shard)
		for f in samples/*.txt; do
			"$build/entente" extract -q "$f" -o "$dir/$(basename "$f" .txt).jsonl" ||
				echo "fuzz: cannot write a shard seed from $f" >&2
		done ;;
	fuzz_graphml)
		for f in samples/*.txt; do
			"$build/entente" build -q "$f" -o "$dir/$(basename "$f" .txt).graphml" ||
				echo "fuzz: cannot write a GraphML seed from $f" >&2
		done ;;
	esac
	for extra in fuzz/seeds/$1 fuzz/regress/$1; do
		[ -d "$extra" ] && find "$extra" -type f -exec cp {} "$dir" \;
	done
	return 0
}

# "cov: N ft: M" of the last status line, or "-".
last_field() {
	grep -o "$1: [0-9]*" "$2" | tail -n 1 | sed 's/.*: //'
}

failed=0
for h in "$@"; do
	bin=$build/fuzz/$h
	log=$build/logs/$h.log
	if [ ! -x "$bin" ]; then
		echo "fuzz: no harness $bin (make fuzz-build)" >&2
		failed=1
		continue
	fi
	mkdir -p "$build/corpus/$h" "$build/logs" "$build/artifacts/$h"
	seed "$h"
	stamp=$build/artifacts/$h.stamp
	: >"$stamp"
	dict=""
	[ -f "fuzz/dict/$h.dict" ] && dict="-dict=fuzz/dict/$h.dict"
	# shellcheck disable=SC2086
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
	OMP_NUM_THREADS=1 nice -n 19 "$bin" -max_total_time="$seconds" -timeout=5 \
		-rss_limit_mb=2048 -print_final_stats=1 $dict \
		-artifact_prefix="$build/artifacts/$h/" "$build/corpus/$h" >"$log" 2>&1
	rc=$?
	runs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | sed 's/.*: //')
	crashes=$(find "$build/artifacts/$h" -type f -newer "$stamp" | wc -l)
	printf '%-14s runs %-9s cov %-6s ft %-7s corpus %-6s crashes %s  exit %s  (%s)\n' \
		"$h" "${runs:--}" "$(last_field cov "$log")" "$(last_field ft "$log")" \
		"$(last_field corp "$log")" "$crashes" "$rc" "$log"
	[ "$rc" = 0 ] || failed=1
done
exit $failed
