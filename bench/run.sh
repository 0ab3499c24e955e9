#!/bin/sh
# run.sh — the benchmark: generates a seeded corpus of MB megabytes (bench/gen_corpus.py, cached in
# bench/corpus-MB/), then measures on it, RUNS times each, the median wall time and peak RSS of:
#   cat (the floor), guanxi extract with -j 1 and -j 2 (and -j 1 on the five sample pages copied to
#   the same size, real text beside the generated), guanxi build (GraphML + GEXF) with -j 2,
# and the peers on the first 1 MB of it: Python jieba.cut and jieba.posseg (Debian python3-jieba)
# and the Rust-backed @node-rs/jieba tag (npm, pinned in bench/peers; installed here if missing).
# Then the ratios of the run: the peers against extract -j 1, and -j 2 against -j 1.
# usage: bench/run.sh [MB] [RUNS] [--no-build]     e.g. bench/run.sh 10 3
set -eu
cd "$(dirname "$0")/.."
MB=${1:-10}
RUNS=${2:-3}
BUILD=yes
[ "${3:-}" = "--no-build" ] && BUILD=no
G=build/guanxi
PY=/usr/bin/python3
C=bench/corpus-$MB
tools/deps.sh bench || echo "(the peers that are missing are skipped)" >&2
[ -x "$G" ] || { echo "build guanxi first: tools/test.sh or cmake --build build" >&2; exit 1; }
[ -f "$C/MANIFEST.tsv" ] || "$PY" bench/gen_corpus.py --mb "$MB" --out "$C"
# the pages, as many as a 1 GB corpus has (too many for one command line): find, in sorted order
pages() { find "$C/" -name '*.txt' | sort; }
BYTES=$(pages | xargs cat | wc -c)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# median of RUNS runs: prints "seconds peak_kb"
measure() {
    : >"$T/times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        /usr/bin/time -f "%e %M" -o "$T/one" "$@" >/dev/null 2>&1 || true
        cat "$T/one" >>"$T/times"
        i=$((i + 1))
    done
    sort -n "$T/times" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { print $1, $2 }'
}
median() { # of the numbers in a file, one a line
    sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
row() { # name seconds kb bytes
    awk -v n="$1" -v s="$2" -v k="$3" -v b="$4" 'BEGIN {
        printf "| %s | %.2f | %.1f | %.0f |\n", n, s, (s > 0 ? b / 1048576 / s : 0), k / 1024 }'
}
echo "corpus: $C, $BYTES bytes, $(pages | wc -l) pages; median of $RUNS runs; $(nproc) cores"
echo
echo "| what | seconds | MB/s | peak RSS MB |"
echo "| --- | --- | --- | --- |"
pages >"$T/pages"
set -- $(measure sh -c "xargs cat <$T/pages"); row "cat (floor)" "$1" "$2" "$BYTES"
set -- $(measure "$G" extract -q -j 1 -m "$C/MANIFEST.tsv" "$C" -o "$T/x.jsonl"); row "guanxi extract -j 1" "$1" "$2" "$BYTES"
EX1=$1
set -- $(measure "$G" extract -q -j 2 -m "$C/MANIFEST.tsv" "$C" -o "$T/x.jsonl"); row "guanxi extract -j 2" "$1" "$2" "$BYTES"
EX2=$1
# real text for comparison: the five sample pages, copied until they weigh as much as the corpus
mkdir "$T/real"
FIVE=$(cat examples/pinghu/*.txt | wc -c)
COPIES=$(((BYTES + FIVE - 1) / FIVE))
k=0
while [ $k -lt $COPIES ]; do
    grep -v '^#' examples/pinghu/MANIFEST.tsv | while IFS="$(printf '\t')" read -r f d _; do
        cp "examples/pinghu/$f" "$T/real/$k-$f"
        printf '%s\t%s\n' "$k-$f" "$d" >>"$T/real/MANIFEST.tsv"
    done
    k=$((k + 1))
done
RBYTES=$((COPIES * FIVE))
set -- $(measure "$G" extract -q -j 1 -m "$T/real/MANIFEST.tsv" "$T/real" -o "$T/x.jsonl"); row "guanxi extract -j 1, the sample pages x$k" "$1" "$2" "$RBYTES"
CUT= POS= NODE=
if [ "$BUILD" = yes ]; then
    set -- $(measure "$G" build -q -j 2 -m "$C/MANIFEST.tsv" "$C" -o "$T/x.graphml" -o "$T/x.gexf"); row "guanxi build -j 2 (GraphML + GEXF)" "$1" "$2" "$BYTES"
fi
# the peers' input: the corpus's first 1 MB
xargs cat <"$T/pages" 2>/dev/null | head -c 1048576 >"$T/one.txt"
ONE=$(wc -c <"$T/one.txt")
if "$PY" -c "import jieba" 2>/dev/null; then
    cat >"$T/cut.py" <<'PY'
import sys, time, jieba
jieba.setLogLevel(60); jieba.initialize()
t = open(sys.argv[1], encoding='utf-8', errors='ignore').read()
t0 = time.perf_counter()
for _ in jieba.cut(t): pass
open(sys.argv[2], 'a').write('%.3f\n' % (time.perf_counter() - t0))
PY
    cat >"$T/pos.py" <<'PY'
import sys, time, jieba, jieba.posseg as p
jieba.setLogLevel(60); jieba.initialize()
t = open(sys.argv[1], encoding='utf-8', errors='ignore').read()
t0 = time.perf_counter()
for _ in p.cut(t): pass
open(sys.argv[2], 'a').write('%.3f\n' % (time.perf_counter() - t0))
PY
    set -- $(measure "$PY" "$T/cut.py" "$T/one.txt" "$T/work.cut"); row "jieba.cut (1 MB, incl. dictionary load)" "$1" "$2" "$ONE"
    CUT=$1 CUTW=$(median "$T/work.cut")
    row "jieba.cut, the text alone (timed inside)" "$CUTW" "$2" "$ONE"
    set -- $(measure "$PY" "$T/pos.py" "$T/one.txt" "$T/work.pos"); row "jieba.posseg (1 MB, incl. dictionary load)" "$1" "$2" "$ONE"
    POS=$1 POSW=$(median "$T/work.pos")
    row "jieba.posseg, the text alone (timed inside)" "$POSW" "$2" "$ONE"
else
    echo "(python3-jieba not installed: Python peers skipped)"
fi
# the Rust-backed tagger from npm, on the same first 1 MB
if command -v node >/dev/null && { [ -d bench/peers/node_modules/@node-rs/jieba ] ||
    (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); }; then
    set -- $(measure node bench/peers/tag.js "$T/one.txt" "$T/work.node"); row "@node-rs/jieba tag (1 MB, incl. dictionary load)" "$1" "$2" "$ONE"
    NODE=$1 NODEW=$(median "$T/work.node")
    row "@node-rs/jieba tag, the text alone (timed inside)" "$NODEW" "$2" "$ONE"
else
    echo "(node or the npm registry missing: @node-rs/jieba skipped)"
fi

# the ratios of this run: the peers' seconds per byte over guanxi extract -j 1's (issue 7's
# targets: 100 MB/s on one core, 60x jieba.cut, 400x posseg; -j 2 1.7x -j 1)
ratio() { # name peer_seconds peer_bytes
    [ -n "$2" ] && awk -v n="$1" -v s="$2" -v b="$3" -v g="$EX1" -v gb="$BYTES" 'BEGIN {
        if (g > 0 && b > 0) printf "extract -j 1 against %s: %.1fx\n", n, (s / b) / (g / gb) }'
    return 0
}
echo
ratio "jieba.cut" "$CUT" "${ONE:-0}"
ratio "jieba.cut, the text alone" "${CUTW:-}" "${ONE:-0}"
ratio "jieba.posseg" "$POS" "${ONE:-0}"
ratio "jieba.posseg, the text alone" "${POSW:-}" "${ONE:-0}"
ratio "@node-rs/jieba tag" "$NODE" "${ONE:-0}"
ratio "@node-rs/jieba tag, the text alone" "${NODEW:-}" "${ONE:-0}"
awk -v a="$EX1" -v b="$EX2" 'BEGIN { if (b > 0) printf "extract -j 2 against -j 1: %.2fx\n", a / b }'
