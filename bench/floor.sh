#!/bin/sh
# floor.sh — where one core's extraction time goes: builds guanxi twice more in $TMPDIR with
# GX_BENCH_FLOOR (ner/ner.c) — 1: the pages read, split, kept between the two passes and written as
# JSONL with no entities; 2: the same, with each article's scan bits built in both passes — and
# times both against build/guanxi in alternating runs of extract -j 1 on a generated corpus,
# pinned to one core where taskset exists.  Prints the medians and what each step adds, with the
# median CPU time in guanxi's own code (user) and in the kernel's reading and writing (system).
# usage: bench/floor.sh [RUNS] [MB]     e.g. bench/floor.sh 5 100
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5} MB=${2:-100}
G=build/guanxi
[ -x "$G" ] || { echo "floor.sh: build guanxi first: tools/test.sh or cmake --build build" >&2; exit 2; }
C=bench/corpus-$MB
[ -f "$C/MANIFEST.tsv" ] || python3 bench/gen_corpus.py --mb "$MB" --out "$C" >&2
T=$(mktemp -d "${TMPDIR:-/tmp}/guanxi-floor-XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
for f in 1 2; do
    cmake -S . -B "$T/b$f" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DGX_BENCH_FLOOR=$f >/dev/null
    cmake --build "$T/b$f" --target guanxi -j 2 >/dev/null
done
PIN=
command -v taskset >/dev/null && PIN="taskset -c 0"
i=0
while [ "$i" -lt "$RUNS" ]; do
    for v in 1 2 full; do
        bin=$G
        [ "$v" = full ] || bin=$T/b$v/guanxi
        /usr/bin/time -f "$v %e %U %S" -a -o "$T/times" $PIN "$bin" extract -q -j 1 -m "$C/MANIFEST.tsv" -o /dev/null "$C"
    done
    i=$((i + 1))
done
# median V [COLUMN]: the median of a column of V's runs (2: seconds, 3: user, 4: system)
median() { grep "^$1 " "$T/times" | awk -v c="${2:-2}" '{print $c}' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "extract -j 1 of $C ($(find "$C/" -name "*.txt" -exec cat {} + | wc -c) bytes of pages), $RUNS runs each, alternating; medians:"
echo
awk -v a="$(median 1)" -v b="$(median 2)" -v f="$(median full)" \
    -v au="$(median 1 3)" -v bu="$(median 2 3)" -v fu="$(median full 3)" \
    -v as="$(median 1 4)" -v bs="$(median 2 4)" -v fs="$(median full 4)" 'BEGIN {
    print "| what runs | seconds | adds | of the full run | user s | system s |"
    print "| --- | --- | --- | --- | --- | --- |"
    printf "| reading, splitting, keeping and writing the articles (GX_BENCH_FLOOR=1) | %.2f | %.2f | %.0f %% | %.2f | %.2f |\n", a, a, 100 * a / f, au, as
    printf "| and the scan bits of both passes (GX_BENCH_FLOOR=2) | %.2f | %.2f | %.0f %% | %.2f | %.2f |\n", b, b - a, 100 * (b - a) / f, bu, bs
    printf "| and the recognisers: the full run (build/guanxi) | %.2f | %.2f | %.0f %% | %.2f | %.2f |\n", f, f - b, 100 * (f - b) / f, fu, fs
}'
