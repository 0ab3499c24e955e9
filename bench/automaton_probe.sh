#!/bin/sh
# automaton_probe.sh [CORPUS] — builds bench/automaton_probe.c and times one Aho–Corasick pass over
# every lexicon word of data/ on a corpus's pages (default bench/corpus-100; see the .c file).
set -eu
cd "$(dirname "$0")/.."
C=${1:-bench/corpus-100}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cc -O2 -o "$T/probe" bench/automaton_probe.c
{ grep -v '^#' data/places.tsv | awk -F '\t' '{ print $2; if ($3 != "") print $3 }'
  for f in titles company_words event_words place_words places_world place_stop name_stop; do
      grep -v '^#' "data/$f.tsv" | cut -f 1
  done; } | awk 'length($0) > 0' | sort -u >"$T/words"
find "$C/" -name '*.txt' | sort | "$T/probe" "$T/words"
