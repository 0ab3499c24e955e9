#!/bin/sh
# split.sh — the article split of two sample pages against the committed golden files.
# usage: TEST_INGEST=path/to/test_ingest SRC=source-dir sh split.sh
set -eu
fail=0
for spec in 000_10a9f01861d5bbf5:000:2024-02-21 003_4761a9b087fadb1d:003:2022-08-01; do
    page=${spec%%:*}; rest=${spec#*:}; golden=${rest%%:*}; date=${rest#*:}
    if "$TEST_INGEST" --split "$SRC/examples/pinghu/$page.txt" "$date" | diff -u "$SRC/tests/golden/split/$golden.tsv" -; then
        echo "ok   split of page $golden"
    else
        echo "FAIL split of page $golden (update tests/golden/split/$golden.tsv only if the new split is right)"
        fail=1
    fi
done
exit $fail
