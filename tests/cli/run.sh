#!/bin/sh
# run.sh — the command line's contract: help on stdout with 0, usage errors on stderr with 2 and a
# pointer to --help, --version, and data only on stdout.
# usage: GUANXI=path/to/guanxi SRC=source-dir sh run.sh
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0 failed=0
check() { # description, expected exit code, command...
    desc=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then echo "ok   $desc"; passed=$((passed + 1)); else echo "FAIL $desc (exit $rc, want $want)"; cat "$T/err"; failed=$((failed + 1)); fi
}
expect() { # description, file, pattern
    if grep -q -- "$3" "$T/$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
PAGE="$SRC/examples/pinghu/000_10a9f01861d5bbf5.txt"

check "guanxi --help" 0 "$GUANXI" --help
expect "help lists the commands" out "build"
check "guanxi build --help" 0 "$GUANXI" build --help
expect "build help documents exit codes" out "4  partial"
check "guanxi extract --help" 0 "$GUANXI" extract --help
check "guanxi --version" 0 "$GUANXI" --version
expect "version printed" out "^guanxi [0-9]"
check "no command" 2 "$GUANXI"
check "unknown command" 2 "$GUANXI" frobnicate
expect "unknown command points to --help" err "guanxi --help"
check "unknown option" 2 "$GUANXI" build --frob "$PAGE" -o "$T/x.graphml"
expect "usage error points to the command's --help" err "Try 'guanxi build --help'"
check "bad date" 2 "$GUANXI" extract --date 2024-13-40 "$PAGE"
check "build without -o" 2 "$GUANXI" build "$PAGE"
check "unknown output format" 2 "$GUANXI" build "$PAGE" -o "$T/x.pdf"
check "no input" 2 "$GUANXI" extract
check "option needing a value" 2 "$GUANXI" extract "$PAGE" --date
check "bad --types" 2 "$GUANXI" build --types official,nobody "$PAGE" -o "$T/x.graphml"
check "build options are build's" 2 "$GUANXI" extract --min-weight 2 "$PAGE"
check "missing data dir" 1 "$GUANXI" extract --data-dir "$T/none" "$PAGE"
expect "missing lexicon named" err "titles.tsv"

# extract: JSONL on stdout, nothing else; quiet build prints nothing
check "extract to stdout" 0 "$GUANXI" extract --date 2024-02-21 "$PAGE"
if [ "$(wc -l <"$T/out")" -eq 5 ] && [ ! -s "$T/err" ]; then echo "ok   five JSON lines, empty stderr"; passed=$((passed + 1)); else echo "FAIL five JSON lines, empty stderr"; failed=$((failed + 1)); fi
check "extract from stdin" 0 sh -c "\"$GUANXI\" extract --date 2024-02-21 - <\"$PAGE\""
expect "stdin articles are named -" out '"id":"-#2"'
check "extract -o file" 0 "$GUANXI" extract --date 2024-02-21 "$PAGE" -o "$T/sub/x.jsonl"
if [ "$(wc -l <"$T/sub/x.jsonl")" -eq 5 ]; then echo "ok   -o writes the file (making its folder)"; passed=$((passed + 1)); else echo "FAIL -o writes the file"; failed=$((failed + 1)); fi
check "extract -o - is standard output" 0 sh -c "cd \"$T\" && \"$GUANXI\" extract --date 2024-02-21 \"$PAGE\" -o -"
if [ "$(wc -l <"$T/out")" -eq 5 ] && [ ! -e "$T/-" ]; then echo "ok   -o - writes standard output, no file named -"; passed=$((passed + 1)); else echo "FAIL -o - writes standard output"; failed=$((failed + 1)); fi
check "quiet build" 0 "$GUANXI" build -q --date 2024-02-21 "$PAGE" -o "$T/q.graphml" --min-weight 1 --since 2024-01-01
if [ ! -s "$T/out" ] && [ ! -s "$T/err" ]; then echo "ok   --quiet prints nothing"; passed=$((passed + 1)); else echo "FAIL --quiet prints nothing"; failed=$((failed + 1)); fi
check "build -v" 0 "$GUANXI" build -v -j 2 --date 2024-02-21 "$PAGE" -o "$T/v.graphml"
expect "-v times the merge of the threads' networks" err "merging the threads' networks"
expect "-v times Leiden" err "Leiden"
expect "-v gives the peak memory at the end of reading" err "networks: [0-9.]* s (peak [0-9.]* [MG]iB)"
expect "-v times betweenness, beside" err "beside them, on a thread of their own: PageRank"
check "-v is build's" 2 "$GUANXI" extract -v --date 2024-02-21 "$PAGE"

# --home: a name several divisions share goes to the one nearest the paper's home
printf '新仓镇召开会议，朝阳县代表出席。朝阳企业参展。\n' >"$T/home.txt"
check "extract without --home" 0 "$GUANXI" extract -d 2024-02-21 "$T/home.txt"
expect "新仓镇 defaults to the first listed (平湖)" out '"code":"330482103"'
expect "朝阳 defaults to the highest level (朝阳市)" out '"name":"朝阳市"'
check "extract --home 340825" 0 "$GUANXI" extract -d 2024-02-21 --home 340825 "$T/home.txt"
expect "新仓镇 of 太湖县 near home 340825" out '"code":"340825102"'
check "extract --home 211321" 0 "$GUANXI" extract -d 2024-02-21 --home 211321 "$T/home.txt"
expect "朝阳 is 朝阳县 near home 211321" out '"text":"朝阳","titles":\["county"\],"code":"211321"'
check "malformed --home code" 2 "$GUANXI" extract --home 33048 "$T/home.txt"
check "unknown --home code" 1 "$GUANXI" extract --home 999999 "$T/home.txt"
expect "the unknown code is named" err "999999: no division has that code"
# a firm's short name resolves across the corpus: page b names 钛迩赛 alone; page c's 东方 is shared
mkdir -p "$T/firms"
printf '本报讯 市领导走进浙江钛迩赛新材料有限公司和杭州东方电子有限公司，钛迩赛是一家领军人才企业。\n' >"$T/firms/a.txt"
printf '本报讯 钛迩赛新品发布，东方电子参展。\n' >"$T/firms/b.txt"
printf '本报讯 宁波东方电子有限公司落户。\n' >"$T/firms/c.txt"
check "extract a folder of three pages" 0 "$GUANXI" extract -d 2024-02-21 "$T/firms"
grep '/b.txt#1"' "$T/out" >"$T/b.json"
expect "钛迩赛 alone is the firm named in full on another page" b.json '"name":"浙江钛迩赛新材料有限公司","span":\[[0-9]*,[0-9]*\],"text":"钛迩赛"'
if grep -q '"text":"东方电子"' "$T/b.json"; then echo "FAIL 东方电子, which two firms share, is left alone"; failed=$((failed + 1)); else echo "ok   东方电子, which two firms share, is left alone"; passed=$((passed + 1)); fi
check "extract the page alone" 0 "$GUANXI" extract -d 2024-02-21 "$T/firms/b.txt"
if grep -q '钛迩赛新材料有限公司' "$T/out"; then echo "FAIL without the other page, no full name"; failed=$((failed + 1)); else echo "ok   without the other page, no full name"; passed=$((passed + 1)); fi

# Pass 2 reads pass 1's readings back from a temporary file; without one it keeps them in memory
# up to GUANXI_KEEP_MB and reads the rest again; a file that cannot grow (ulimit -f) hands the
# inputs after it to the other two.  Every way gives the same bytes.
EX="$SRC/examples/pinghu"
same() { # description, file, file
    if cmp -s "$T/$2" "$T/$3"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
check "extract, pass 1's readings through the temporary file" 0 "$GUANXI" extract -j 2 "$EX" -o "$T/spill.jsonl"
check "extract, kept in memory (no temporary folder)" 0 env TMPDIR="$T/none" "$GUANXI" extract -j 2 "$EX" -o "$T/kept.jsonl"
expect "the missing temporary folder is a note" err "note: no temporary file in $T/none"
same "kept in memory: the same JSONL" spill.jsonl kept.jsonl
check "extract, read again (no folder, nothing kept)" 0 env TMPDIR="$T/none" GUANXI_KEEP_MB=0 "$GUANXI" extract -j 1 "$EX" -o "$T/again.jsonl"
same "read again: the same JSONL" spill.jsonl again.jsonl
mkdir -p "$T/tmp"
check "extract, the temporary file stopped at 20 KB" 0 sh -c "(ulimit -f 40; TMPDIR=\"$T/tmp\" GUANXI_KEEP_MB=0 exec \"$GUANXI\" extract -j 2 \"$EX\") | cat >\"$T/full.jsonl\""
expect "the full temporary file is a note" err "could not grow past"
same "a full temporary file: the same JSONL" spill.jsonl full.jsonl
if [ -z "$(ls -A "$T/tmp")" ]; then echo "ok   the temporary file is gone"; passed=$((passed + 1)); else echo "FAIL the temporary file is gone"; failed=$((failed + 1)); fi
check "build -v, through the temporary file" 0 "$GUANXI" build -v -j 2 "$EX" -o "$T/spill.graphml"
expect "-v gives the temporary files' size" err "first pass's readings of 5 inputs went to temporary files (one a thread) for the second: [0-9]* KiB"
check "build, read again" 0 env TMPDIR="$T/none" GUANXI_KEEP_MB=0 "$GUANXI" build -q -j 2 "$EX" -o "$T/again.graphml"
same "read again: the same GraphML" spill.graphml again.graphml
# A record that cannot be read back from the temporary file (EIO on every other read): its input is
# read again, dated by the manifest that pass 1 let go and pass 2 loads again, to the same bytes.
check "extract with a manifest, through the temporary file" 0 "$GUANXI" extract -j 2 -m "$EX/MANIFEST.tsv" "$EX" -o "$T/dated.jsonl"
check "extract, half the temporary file's reads failing" 0 env LD_PRELOAD="$FAIL_SPILL_READ" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
    "$GUANXI" extract -j 2 -m "$EX/MANIFEST.tsv" "$EX" -o "$T/reread.jsonl"
expect "a failed read of the temporary file is a warning" err "could not be read at byte .*: the input is read again"
same "read again after a failed read, dated by the manifest loaded again: the same JSONL" dated.jsonl reread.jsonl
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
