#!/bin/sh
# run.sh — the main job on examples/pinghu against its committed output (examples/expected/),
# the same bytes with the inputs in reverse order, and the files read by networkx, igraph,
# graphology (npm) and xmllint.
# usage: GUANXI=path/to/guanxi SRC=source-dir sh run.sh
# To accept a deliberate change of output: sh tests/golden/update.sh (then read the diff!).
set -u
EX="$SRC/examples/pinghu"
EXP="$SRC/examples/expected"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0 failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
same() { if cmp -s "$1" "$2"; then ok "$3"; else diff -u "$1" "$2" | head -40; bad "$3"; fi; }

"$GUANXI" build -m "$EX/MANIFEST.tsv" "$EX" -o "$T/pinghu.graphml" -o "$T/pinghu.gexf" -o "$T/pinghu.csv" \
    >"$T/summary.txt" 2>"$T/stderr.txt"
rc=$?
[ $rc -eq 0 ] && ok "build exits 0" || bad "build exits 0 (got $rc)"
same "$EXP/pinghu.graphml" "$T/pinghu.graphml" "GraphML as expected"
same "$EXP/pinghu.gexf" "$T/pinghu.gexf" "GEXF as expected"
same "$EXP/pinghu.nodes.csv" "$T/pinghu.nodes.csv" "nodes CSV as expected"
same "$EXP/pinghu.edges.csv" "$T/pinghu.edges.csv" "edges CSV as expected"
same "$EXP/summary.txt" "$T/summary.txt" "summary as expected"

# page 000 as the issue describes it: five articles, the visit dated 2024-02-19
(cd "$EX" && "$GUANXI" extract --date 2024-02-21 000_10a9f01861d5bbf5.txt) >"$T/000.jsonl"
same "$EXP/000.jsonl" "$T/000.jsonl" "extract of page 000 as expected"

# extract's JSONL read back instead of the pages gives the same answers and the same network
"$GUANXI" extract -q -m "$EX/MANIFEST.tsv" "$EX" -o "$T/all.jsonl"
"$GUANXI" visits -m "$EX/MANIFEST.tsv" "$EX" >"$T/visits.pages.tsv" 2>/dev/null
"$GUANXI" visits "$T/all.jsonl" >"$T/visits.jsonl.tsv" 2>/dev/null
same "$T/visits.pages.tsv" "$T/visits.jsonl.tsv" "visits from extract's JSONL as from the pages"
[ "$(grep -c "^2024-02-19" "$T/visits.pages.tsv")" -eq 4 ] && ok "four visits on 2024-02-19" || bad "four visits on 2024-02-19"
"$GUANXI" build -q "$T/all.jsonl" -o "$T/from-jsonl.graphml"
same "$T/pinghu.graphml" "$T/from-jsonl.graphml" "GraphML from extract's JSONL identical"

# the same bytes whatever the number of threads (-j 1, -j 3; the default is one per core)
for j in 1 3; do
    "$GUANXI" extract -q -j $j -m "$EX/MANIFEST.tsv" "$EX" -o "$T/all-j$j.jsonl"
    same "$T/all.jsonl" "$T/all-j$j.jsonl" "extract -j $j identical"
    "$GUANXI" build -q -j $j -m "$EX/MANIFEST.tsv" "$EX" -o "$T/j$j.graphml" 2>/dev/null
    same "$T/pinghu.graphml" "$T/j$j.graphml" "build -j $j identical"
done
# pages read on the worker threads and extract's JSONL read on the calling one, into one network
(cd "$EX" && "$GUANXI" extract -q -m MANIFEST.tsv 000_*.txt 001_*.txt -o "$T/part.jsonl")
"$GUANXI" build -q -j 3 -m "$EX/MANIFEST.tsv" "$T/part.jsonl" "$EX"/002_*.txt "$EX"/003_*.txt "$EX"/004_*.txt \
    -o "$T/mixed.graphml" 2>/dev/null
same "$T/pinghu.graphml" "$T/mixed.graphml" "build -j 3 of pages and JSONL together identical"
"$GUANXI" extract -q -j 2 "$SRC/tests/cases" "$EX" 2>"$T/j2.err" >/dev/null
"$GUANXI" extract -q -j 1 "$SRC/tests/cases" "$EX" 2>"$T/j1.err" >/dev/null
same "$T/j1.err" "$T/j2.err" "messages in the same order with -j 2"

# the same bytes whatever the order of the inputs
set -- "$EX"/0*.txt
rev=""
for f in "$@"; do rev="$f $rev"; done
# shellcheck disable=SC2086
"$GUANXI" build -q -m "$EX/MANIFEST.tsv" $rev -o "$T/rev.graphml" -o "$T/rev.gexf"
same "$T/pinghu.graphml" "$T/rev.graphml" "GraphML identical with inputs reversed"
same "$T/pinghu.gexf" "$T/rev.gexf" "GEXF identical with inputs reversed"

# readers
if xmllint --noout "$T/pinghu.graphml" 2>/dev/null; then ok "xmllint reads the GraphML"; else bad "xmllint reads the GraphML"; fi
if xmllint --noout --relaxng "$SRC/tests/schemas/gexf-1.3/gexf.rng" "$T/pinghu.gexf" 2>/dev/null; then
    ok "GEXF valid against the GEXF 1.3 RELAX NG schema"
else
    bad "GEXF valid against the GEXF 1.3 RELAX NG schema"
fi
PY=/usr/bin/python3
if "$PY" - "$T/pinghu.graphml" <<'PYEOF'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
assert g.number_of_nodes() > 50 and g.number_of_edges() > 100, (g.number_of_nodes(), g.number_of_edges())
label = {n: d['label'] for n, d in g.nodes(data=True)}
by = {v: k for k, v in label.items()}
assert g.has_edge(by['仲旭东'], by['崔小生'])
assert '2024-02-19' in g.edges[by['仲旭东'], by['崔小生']]['dates'].split('|')
assert not g.has_edge(by['仲旭东'], by['李文健'])
e = g.edges[by['仲旭东'], by['浙江钛迩赛新材料有限公司']]
assert e['visits'] >= 1 and '2024-02-19' in e['visit_dates'], e
assert g.nodes[by['周军波']]['type'] == 'official'
PYEOF
then ok "networkx reads it: 仲旭东–崔小生 on 2024-02-19, no 仲旭东–李文健, the visit"; else bad "networkx reads the GraphML"; fi
if "$PY" -c "
import sys, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
assert not g.is_directed() and g.vcount() > 50
assert all(w > 0 for w in g.es['weight'])
" "$T/pinghu.graphml"; then ok "python3-igraph reads the GraphML"; else bad "python3-igraph reads the GraphML"; fi
if node "$SRC/tests/readers/graphology.js" "$T/pinghu.graphml"; then
    ok "graphology-graphml (npm) reads the GraphML: the same facts"
else
    bad "graphology-graphml (npm) reads the GraphML (tools/deps.sh test installs it)"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
