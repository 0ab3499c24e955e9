#!/bin/sh
# scale.sh — the scaling table: guanxi build (GraphML + GEXF) of generated corpora of growing size
# (bench/gen_corpus.py, cached in bench/corpus-MB/), with -j 1 and -j 2, each run RUNS times (the
# median); for each size the network it made (entities, edges) beside the time and the peak RSS,
# so that one can see memory follow the network and not the bytes read.
# usage: bench/scale.sh [RUNS] [MB ...]      e.g. bench/scale.sh 1 1 10 100 1024
# The outputs go to a temporary folder in $TMPDIR (else /tmp): about 1.6 GB for the 1 GB corpus.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-1}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- 1 10 100 1024
G=build/guanxi
[ -x "$G" ] || { echo "build guanxi first: tools/test.sh or cmake --build build" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# one build, RUNS times: prints "seconds peak_kb" of the median run, keeps its report in $T/report
build() { # jobs corpus
    : >"$T/times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        sync # the last run's 1.6 GB written out first, not while this one runs (-j 1 at 1 GB: 25 s so, 43 s without)
        /usr/bin/time -f "%e %M" -o "$T/one" "$G" build -j "$1" -m "$2/MANIFEST.tsv" "$2" \
            -o "$T/g.graphml" -o "$T/g.gexf" >"$T/report" 2>/dev/null || true
        cat "$T/one" >>"$T/times"
        i=$((i + 1))
    done
    sort -n "$T/times" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { print $1, $2 }'
}

echo "guanxi build -m MANIFEST CORPUS -o g.graphml -o g.gexf; median of $RUNS runs; $(nproc) cores"
echo
echo "| corpus MB | articles | officials | companies | places | edges | -j 1 s | -j 2 s | -j 2 MB/s | -j 2 / -j 1 | peak RSS MB (-j 2) | GraphML + GEXF MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for MB in "$@"; do
    C=bench/corpus-$MB
    [ -f "$C/MANIFEST.tsv" ] || python3 bench/gen_corpus.py --mb "$MB" --out "$C"
    BYTES=$(find "$C/" -name '*.txt' -exec cat {} + | wc -c)
    set -- $(build 1 "$C")
    S1=$1
    set -- $(build 2 "$C")
    S2=$1 KB=$2
    OUTB=$(cat "$T/g.graphml" "$T/g.gexf" | wc -c)
    # the report's lines: "read N files: A articles, …", "entities: O officials, C companies, P places", "edges: E (…"
    awk -v mb="$BYTES" -v s1="$S1" -v s2="$S2" -v kb="$KB" -v ob="$OUTB" '
        /^read / { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^articles/) a = $i }
        /^entities:/ { o = $2; c = $4; p = $6 }
        /^edges:/ { e = $2 }
        END { printf "| %.0f | %s | %s | %s | %s | %s | %.2f | %.2f | %.1f | %.2fx | %.0f | %.0f |\n",
              mb / 1048576, a, o, c, p, e, s1, s2, (s2 > 0 ? mb / 1048576 / s2 : 0), (s2 > 0 ? s1 / s2 : 0),
              kb / 1024, ob / 1048576 }' "$T/report"
done
