#!/bin/sh
# update.sh — rewrites examples/expected/ and tests/golden/split/ from the current build.
# Run it only after a deliberate change, and read `git diff` before committing.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
B=${BUILD:-$SRC/build}
EX="$SRC/examples/pinghu"
EXP="$SRC/examples/expected"
mkdir -p "$EXP"
"$B/guanxi" build -m "$EX/MANIFEST.tsv" "$EX" -o "$EXP/pinghu.graphml" -o "$EXP/pinghu.gexf" \
    -o "$EXP/pinghu.csv" >"$EXP/summary.txt" 2>/dev/null
(cd "$EX" && "$B/guanxi" extract --date 2024-02-21 000_10a9f01861d5bbf5.txt) >"$EXP/000.jsonl"
"$B/tests/test_ingest" --split "$EX/000_10a9f01861d5bbf5.txt" 2024-02-21 >"$SRC/tests/golden/split/000.tsv"
"$B/tests/test_ingest" --split "$EX/003_4761a9b087fadb1d.txt" 2022-08-01 >"$SRC/tests/golden/split/003.tsv"
echo "updated; now read: git diff --stat examples tests/golden"
