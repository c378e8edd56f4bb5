#!/bin/sh
# Regenerate tests/golden/*.dot, the DOT that `entente render` writes for
# each document in samples/, for review: run it after a deliberate change
# to rendering (or to extraction, which changes the graphs), then read
# `git diff tests/golden` before committing the new files.
#
#   sh scripts/update-golden.sh            uses build/entente (built if missing)
#   ENTENTE_BIN=path sh scripts/update-golden.sh
#
# The test `golden_dot_of_samples` (CK_RUN_SUITE=render) runs the very same
# command and compares byte for byte.
set -eu

cd "$(dirname "$0")/.."
bin=${ENTENTE_BIN:-build/entente}
[ -x "$bin" ] || make "$bin"
mkdir -p tests/golden

n=0
for sample in samples/*.txt; do
	name=$(basename "$sample" .txt)
	out=tests/golden/$name.dot
	# PageRank sizes the labels: one thread, so the sums never reorder.
	OMP_NUM_THREADS=1 "$bin" render -q -T dot "$sample" > "$out.tmp"
	mv "$out.tmp" "$out"
	n=$((n + 1))
done
# Goldens whose sample is gone.
for golden in tests/golden/*.dot; do
	[ -e "$golden" ] || continue
	name=$(basename "$golden" .dot)
	[ -e "samples/$name.txt" ] || { rm -f "$golden"; echo "removed $golden"; }
done
echo "update-golden: wrote $n files in tests/golden; review them with: git diff tests/golden"
