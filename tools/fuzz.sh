#!/bin/sh
# fuzz.sh — builds the libFuzzer targets (clang, ASan + UBSan, tests/fuzz) and runs each for a
# while from seeds made of the sample pages; any crash, leak, sanitizer report, input slower than
# 10 s or over 2 GB fails the run and leaves the input in build-fuzz/crashes/.
#   tools/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); targets: ingest ner export
# The corpus grows in build-fuzz/corpus/TARGET between runs.  Needs Debian's clang and
# libclang-rt-14-dev (tools/deps.sh test installs them).
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-ingest ner export}
B=build-fuzz
CC=clang cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGX_FUZZ=ON >/dev/null
for t in $targets; do cmake --build $B -j "$(nproc)" --target "fuzz_$t" >/dev/null; done

# seeds: the sample pages (cut to 8 KB), the e-paper HTML, extract's JSONL, the NER cases' texts
S=$B/seeds
rm -rf $S
mkdir -p $S/ingest $S/ner $S/export $B/crashes
i=0
for p in examples/pinghu/*.txt; do
    i=$((i + 1))
    head -c 8192 "$p" >$S/ner/page$i
    { printf '\000'; head -c 8192 "$p"; } >$S/ingest/page$i
done
{ printf '\001'; cat tests/data/epaper_article.html; } >$S/ingest/html1
printf '\001<html><head><meta name="publishdate" content="2024-02-21"><title>t</title></head><body><div id="ozoom"><p>市委书记仲旭东走访企业。</p></div></body></html>' >$S/ingest/html2
printf '\002{"id":"1","date":"2024-02-19","title":"调研","text":"市委书记仲旭东走访浙江钛迩赛新材料有限公司。"}\n{"text":"市长周军波出席。"}\n' >$S/ingest/jsonl1
for f in tests/cases/*.tsv; do
    grep -v '^#' "$f" | cut -f1 | head -40 | while IFS= read -r line; do
        i=$((i + 1))
        printf '%s\n' "$line" >$S/ner/case$i
    done
done
printf '仲旭东\n浙江钛迩赛新材料有限公司\n平湖市\n市委书记\n钛迩赛\n' >$S/export/names
printf 'a<b>&c"d\n]]>\n\357\277\276x\n\357\277\277\n' >$S/export/markup

# dictionary: title, suffix and event words from the lexicons, and the formats' own tokens
# (libFuzzer wants printable ASCII, other bytes as \xNN: perl, which every Debian has, escapes them)
D=$B/guanxi.dict
{
    for f in data/titles.tsv data/company_words.tsv data/event_words.tsv; do
        grep -v '^#' "$f" | cut -f1 | head -120
    done
    printf '%s\n' '<html>' '<body>' '<div>' '</div>' '<p>' '</p>' '<br>' '<script>' '<!--' '-->' \
        '<![CDATA[' '&amp;' '&#x4e2d;' '<meta name="publishdate" content="2024-02-21">' '<title>' \
        '{"text":"' '","date":"2024-02-19"}' '"id":' '\u0000' '\ud800' '■记者' '本报讯' '。' '、' \
        '（' '）' '2024年2月19日' '2月19日下午' '近日'
    printf '\r\n\n\357\273\277\n\377\376\n'
} | LC_ALL=C perl -ne 'chomp; next unless length; s/([\\"])/\\$1/g;
    s/([^\x20-\x7e])/sprintf("\\x%02X", ord($1))/ge; print "\"$_\"\n"' >$D

status=0
for t in $targets; do
    mkdir -p $B/corpus/$t
    echo "== fuzz_$t for ${secs}s"
    if ! $B/tests/fuzz/fuzz_$t $B/corpus/$t $S/$t -dict=$D -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix=$B/crashes/$t- \
        >$B/fuzz_$t.log 2>&1; then
        status=1
        echo "fuzz_$t FAILED; the input is in $B/crashes/, the log in $B/fuzz_$t.log"
        grep -E "ERROR|SUMMARY|Test unit written" $B/fuzz_$t.log | head -5
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" $B/fuzz_$t.log | tr '\n' ' '
    echo
done
exit $status
