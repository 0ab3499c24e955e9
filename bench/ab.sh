#!/bin/sh
# ab.sh — two builds of guanxi timed against each other in alternating runs (A, B, A, B …) on the
# same generated corpus, so that the machine's drift (10 % within minutes on a shared virtual
# machine) falls on both alike; prints each run, then each build's median and fastest wall time,
# its median CPU time (user + system), and B against A.  A change too small to show here is
# within the noise, however many instructions it saves.
# usage: bench/ab.sh A B [RUNS] [MB] [JOBS] [extract|build]     e.g. bench/ab.sh /tmp/old build/guanxi 9 100
#   RUNS: runs of each (default 7); MB: the corpus (default 100, made by bench/gen_corpus.py into
#   bench/corpus-MB if missing); JOBS: -j (default 1; with 1 each run is pinned to one core where
#   taskset exists); extract (default) writes to /dev/null, build writes GraphML + GEXF to $TMPDIR.
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
A=$1 B=$2 RUNS=${3:-7} MB=${4:-100} JOBS=${5:-1} WHAT=${6:-extract}
for g in "$A" "$B"; do [ -x "$g" ] || { echo "ab.sh: $g is not an executable" >&2; exit 2; }; done
case $WHAT in extract | build) ;; *) echo "ab.sh: extract or build, not $WHAT" >&2; exit 2 ;; esac
C=bench/corpus-$MB
[ -f "$C/MANIFEST.tsv" ] || python3 bench/gen_corpus.py --mb "$MB" --out "$C" >&2
PIN=
[ "$JOBS" = 1 ] && command -v taskset >/dev/null && PIN="taskset -c 0"
T=$(mktemp -d "${TMPDIR:-/tmp}/guanxi-ab-XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
run() { # binary label: appends "label wall cpu" to $T/times
    if [ "$WHAT" = extract ]; then
        set -- "$1" "$2" extract -o /dev/null
    else
        set -- "$1" "$2" build -o "$T/g.graphml" -o "$T/g.gexf"
    fi
    bin=$1 label=$2
    shift 2
    [ "$WHAT" = extract ] || sync # the last build's outputs written out first, not while this one runs
    /usr/bin/time -f "$label %e %U %S" -o "$T/one" $PIN "$bin" "$@" -q -j "$JOBS" -m "$C/MANIFEST.tsv" "$C" >/dev/null
    tail -n 1 "$T/one" | tee -a "$T/times" | awk '{printf "%s %.2f s (cpu %.2f s)\n", $1, $2, $3 + $4}'
}
echo "$WHAT -j $JOBS, $C, $RUNS runs each, alternating: A = $A, B = $B"
i=0
while [ "$i" -lt "$RUNS" ]; do
    run "$A" A
    run "$B" B
    i=$((i + 1))
done
median() { # label wall|cpu: the median of the label's runs' wall or CPU (user + system) seconds
    awk -v l="$1" -v what="$2" '$1 == l { print what == "cpu" ? $3 + $4 : $2 }' "$T/times" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
fastest() {
    awk -v l="$1" '$1 == l { print $2 }' "$T/times" | sort -n | head -n 1
}
ma=$(median A wall) mb=$(median B wall)
echo "A: median $ma s, fastest $(fastest A) s, cpu median $(median A cpu) s"
echo "B: median $mb s, fastest $(fastest B) s, cpu median $(median B cpu) s"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "B against A: %+.1f %% (medians)\n", (b - a) / a * 100 }'
