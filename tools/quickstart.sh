#!/bin/sh
# quickstart.sh — from a fresh Debian machine to out/pinghu.graphml and out/pinghu.gexf:
# installs what is missing (as root), builds guanxi, and runs it on the sample pages.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
echo "guanxi: built build/guanxi"
# --home 330482: the pages are 平湖's paper, so its towns are read by their short forms too
build/guanxi build --home 330482 --manifest examples/pinghu/MANIFEST.tsv examples/pinghu \
    -o out/pinghu.graphml -o out/pinghu.gexf
