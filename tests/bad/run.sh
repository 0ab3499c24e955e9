#!/bin/sh
# run.sh — the bad-input corpus.  Each hostile file alone must give a clear message naming it and
# the documented exit code; a folder of them next to good pages must use every good page; a
# failed or interrupted run must leave the earlier output as it was.  docs/ROBUSTNESS.md lists
# the cases and what happens.
# usage: GUANXI=path/to/guanxi SRC=source-dir [HUGE_MB=100] sh run.sh
set -u
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
HUGE_MB=${HUGE_MB:-100}
passed=0 failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
said() { if grep -q -- "$1" "$T/err.txt"; then ok "$2"; else bad "$2 (no '$1' in stderr)"; fi; }
PAGE="$SRC/examples/pinghu/000_10a9f01861d5bbf5.txt" # names 仲旭东 and 周军波

# one FILE: extract it alone; want exit RC, a message matching MSG ('' for none), and (if given)
# the text FOUND among the mentions.  usage: one FILE RC MSG [FOUND]
one() {
    "$GUANXI" extract -q "$1" -o "$T/one.jsonl" 2>"$T/err.txt"
    rc=$?
    name=$(basename "$1")
    [ "$rc" -eq "$2" ] && ok "$name: exit $2" || { bad "$name: exit $2, got $rc"; cat "$T/err.txt"; }
    [ -z "$3" ] || said "$name.*$3" "$name: says '$3'"
    if [ -n "${4:-}" ]; then
        grep -q "\"name\":\"$4\"" "$T/one.jsonl" && ok "$name: $4 found" || bad "$name: $4 found"
    fi
}

D="$T/in"
mkdir -p "$D/sub"

# --- encodings ---
{ printf '\357\273\277'; cat "$PAGE"; } >"$D/2024-02-21-bom.txt"
one "$D/2024-02-21-bom.txt" 0 "" 周军波
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$PAGE"; } >"$D/utf16le.txt"
one "$D/utf16le.txt" 0 "decoded as UTF-16LE" 周军波
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$PAGE"; } >"$D/utf16be.txt"
one "$D/utf16be.txt" 0 "decoded as UTF-16BE" 周军波
iconv -f UTF-8 -t UTF-16LE "$PAGE" >"$D/utf16-no-bom.txt"
one "$D/utf16-no-bom.txt" 1 "binary data"
iconv -f UTF-8 -t GB18030 "$PAGE" >"$D/sub/gb18030.txt"
one "$D/sub/gb18030.txt" 0 "decoded as GB18030" 周军波
iconv -f UTF-8 -t GBK "$SRC/examples/pinghu/001_a2e0462f2705c726.txt" >"$D/sub/gbk.txt"
one "$D/sub/gbk.txt" 0 "decoded as GB18030"
# invalid, overlong (C0 AF, E0 80 AF), 5-byte and surrogate (ED A0 80) sequences inside a page
{ head -c 3000 "$SRC/examples/pinghu/003_4761a9b087fadb1d.txt"; printf '\377\376\300ab\300\257cd\340\200\257\370\210\200\200\200\355\240\200'; tail -c 2000 "$SRC/examples/pinghu/003_4761a9b087fadb1d.txt"; } >"$D/invalid.txt"
one "$D/invalid.txt" 0 "byte [0-9]*: [0-9]* invalid UTF-8 bytes replaced"
# NUL and other control bytes in the text
{ head -c 4000 "$PAGE"; printf '\000\000\001\033'; tail -c 4000 "$PAGE"; } >"$D/nul.txt"
one "$D/nul.txt" 0 "control characters (NUL, C0/C1) dropped"
# old-Mac line ends (CR only): read as line ends, the page still splits into its articles
tr '\n' '\r' <"$PAGE" >"$D/cr-only.txt"
one "$D/cr-only.txt" 0 "" 周军波
[ "$(wc -l <"$T/one.jsonl")" -gt 1 ] && ok "cr-only.txt: split into articles" || bad "cr-only.txt: split into articles"
# a PNG renamed .txt, an empty file, a file of another type
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$D/photo.txt"
one "$D/photo.txt" 1 "PNG image, not text"
: >"$D/empty.txt"
one "$D/empty.txt" 0 "empty"
echo 'x' >"$D/notes.docx"

# --- size: a page on a single line, a mention bomb ---
yes '市委书记仲旭东在会上强调，要深入学习贯彻会议精神，' | head -c $((HUGE_MB * 1000000)) | tr -d '\n' >"$D/huge.txt"
one "$D/huge.txt" 4 "more than the limit of 1048576; read as [0-9]* parts" 仲旭东
yes '安佐化学有限公司、' | head -c 900000 | tr -d '\n' >"$D/firms.txt"
one "$D/firms.txt" 4 "more than 20000 entity mentions"
"$GUANXI" stats "$D/firms.txt" >"$T/stats.txt" 2>/dev/null
[ $? -eq 4 ] && grep -q '^cut: *1 article' "$T/stats.txt" && ok "stats counts the cut article, exit 4" || bad "stats counts the cut article, exit 4"
"$GUANXI" extract -q --max-file-bytes 10K "$PAGE" -o "$T/one.jsonl" 2>"$T/err.txt"
[ $? -eq 1 ] && ok "--max-file-bytes refuses a larger file" || bad "--max-file-bytes refuses a larger file"
said "bytes is more than the limit of 10240; skipped" "the file limit is named"

# --- HTML bombs ---
H="$T/html"
mkdir -p "$H"
awk 'BEGIN { printf "<html><body><p>市委书记仲旭东走访企业。</p>";
             for (i = 0; i < 100000; i++) printf "<div>"; printf "deep";
             for (i = 0; i < 100000; i++) printf "</div>"; printf "<p>市长周军波出席。</p></body></html>" }' >"$H/deep.html"
one "$H/deep.html" 4 "nested deeper than 512 elements" 周军波
awk 'BEGIN { printf "<html><body><p class=\""; for (i = 0; i < 200000; i++) printf "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
             printf "\">市委书记仲旭东走访企业。</p></body></html>" }' >"$H/attribute.html"
one "$H/attribute.html" 0 "" 仲旭东
printf '<html><body><p>市委书记仲旭东走访<b>企业<i>' >"$H/unclosed.html"
one "$H/unclosed.html" 0 "" 仲旭东
printf '<html><body><!-- never closed <p>市委书记仲旭东' >"$H/comment.html"
one "$H/comment.html" 0 ""

# --- JSONL with wrong types and truncated lines ---
J="$T/jsonl"
mkdir -p "$J"
cat >"$J/types.jsonl" <<'EOF'
{"text":"市委书记仲旭东走访企业。","date":"2024-02-19"}
{"text":5}
{"text":["a"]}
{"title":"no text"}
{"text":"ok","date":"2024-13-45"}
{"text":"ok","date":7}
{"text":"ok","id":{}}
[1,2,3]
"just a string"
{"text": "trunc
{"text":"a\u0000b"}
{"text":"\ud800"}
{"text":"ok","text":"twice"}
EOF
one "$J/types.jsonl" 4 "" 仲旭东
said "types.jsonl:2: no \"text\" string; line skipped" "a number as text is named by line"
said "types.jsonl:5: bad date \"2024-13-45\"" "a bad date is named by line"
said "types.jsonl:6: field \"date\" is not a string" "a date of the wrong type is named"
said "types.jsonl:8: not a JSON object" "an array line is named"
said "types.jsonl:10: byte [0-9]*: bad JSON" "a truncated line is named with its byte"
said "types.jsonl:11: 1 NUL character" "a NUL inside text is dropped and said"
said "types.jsonl:12: .*invalid Unicode" "a lone surrogate is named"
said "types.jsonl:13: .*duplicate" "a duplicate key is named"
printf '{"text":"市委书记仲旭东走访企业。"}\n{"text": "市委书记' >"$J/cut-off.jsonl"
one "$J/cut-off.jsonl" 4 ":2: byte [0-9]*: bad JSON" 仲旭东
printf 'not json at all\n{also not\n' >"$J/garbage.jsonl"
one "$J/garbage.jsonl" 1 "no usable line"

# --- a manifest with bad lines: named, and the run is partial ---
printf '2024-02-21-bom.txt\t2024-02-30\nutf16le.txt\tyesterday\nutf16be.txt\n\t2024-01-01\nnul.txt\t2024-02-21\tnote\n' >"$D/MANIFEST.tsv"
"$GUANXI" extract -q -m "$D/MANIFEST.tsv" "$D/nul.txt" -o "$T/one.jsonl" 2>"$T/err.txt"
[ $? -eq 4 ] && ok "manifest with bad lines: exit 4" || bad "manifest with bad lines: exit 4"
said "MANIFEST.tsv:1: bad date '2024-02-30'" "an impossible date is named by line"
said "MANIFEST.tsv:2: bad date 'yesterday'" "a word for a date is named by line"
said "MANIFEST.tsv:3: expected PATH<TAB>YYYY-MM-DD" "a line without a date is named"
said "MANIFEST.tsv:4: expected PATH<TAB>YYYY-MM-DD" "a line without a path is named"
grep -q '"date":"2024-02-21"' "$T/one.jsonl" && ok "the good manifest line dates its file" || bad "the good manifest line dates its file"

# --- the whole folder at once: the run goes on, every good page is used ---
"$GUANXI" build "$D" -o "$T/out.graphml" >"$T/out.txt" 2>"$T/err.txt"
rc=$?
[ $rc -eq 4 ] && ok "folder: exit code 4 (partial)" || bad "folder: exit code 4 (partial), got $rc"
said "photo.txt.*PNG image, not text" "folder: the PNG is refused by name"
said "notes.docx.*skipped" "folder: other file types are skipped with a warning"
said "huge.txt.*read as [0-9]* parts" "folder: the long line is read in parts"
if [ -s "$T/out.graphml" ] && xmllint --noout "$T/out.graphml"; then ok "folder: the graph is written"; else bad "folder: the graph is written"; fi
if grep -q '周军波' "$T/out.graphml" && grep -q '胡水良\|沈志林' "$T/out.graphml"; then
    ok "folder: good files are used (the UTF-8 page and the GBK page)"
else
    bad "folder: good files are used"
fi
grep -q '^read 11 files' "$T/out.txt" && ok "folder: summary counts the 11 readable files" || { bad "folder: summary counts the 11 readable files"; head -3 "$T/out.txt"; }
grep -q '^skipped: 3 inputs' "$T/out.txt" && ok "folder: summary counts the 3 skipped inputs" || bad "folder: summary counts the 3 skipped inputs"
grep -q '^cut: 2 articles' "$T/out.txt" && ok "folder: summary counts the cut articles" || bad "folder: summary counts the cut articles"

# --- failures leave earlier output intact ---
cp "$T/out.graphml" "$T/keep.graphml"
"$GUANXI" build -q "$T/nonexistent" -o "$T/out.graphml" 2>"$T/err.txt"
rc=$?
[ $rc -eq 1 ] && ok "nothing readable: exit 1" || bad "nothing readable: exit 1, got $rc"
cmp -s "$T/out.graphml" "$T/keep.graphml" && ok "nothing readable: earlier output untouched" || bad "nothing readable: earlier output untouched"
said "nonexistent.*cannot read" "the missing input is named"
# an output that cannot be written (its folder would be a file): exit 1, said
"$GUANXI" build -q "$PAGE" -o "$T/keep.graphml/x.graphml" 2>"$T/err.txt"
[ $? -eq 1 ] && ok "unwritable output: exit 1" || bad "unwritable output: exit 1"
said "x.graphml.*cannot write" "the unwritable output is named"
# the outputs are written side by side: one that fails leaves the others whole
rm -f "$T/side.gexf"
"$GUANXI" build -q -j 2 "$PAGE" -o "$T/keep.graphml/sub/x.graphml" -o "$T/side.gexf" 2>"$T/err.txt"
[ $? -eq 1 ] && ok "one output of two fails: exit 1" || bad "one output of two fails: exit 1"
said "keep.graphml/sub.*cannot create the folder" "the folder that cannot be made is named"
if [ -s "$T/side.gexf" ] && xmllint --noout "$T/side.gexf"; then ok "one output of two fails: the other is written whole"; else bad "one output of two fails: the other is written whole"; fi
# interrupted (SIGINT) in the middle of a run: the earlier output stays, no temporary is left
"$GUANXI" build -q "$D" -o "$T/out.graphml" 2>/dev/null &
pid=$!
sleep 1
kill -INT $pid 2>/dev/null
wait $pid
cmp -s "$T/out.graphml" "$T/keep.graphml" && ok "interrupted: earlier output untouched" || bad "interrupted: earlier output untouched"
ls "$T" | grep -q '\.tmp\.' && bad "interrupted: no temporary left" || ok "interrupted: no temporary left"

# --- files that cannot be read ---
U="$T/unreadable"
mkdir -p "$U"
cp "$PAGE" "$U/2024-02-21-good.txt"
ln -s /proc/self/mem "$U/mem.txt"       # exists, and every read fails (even for root)
ln -s nowhere.txt "$U/dangling.txt"
mkfifo "$U/fifo.txt"                     # would block a reader forever
if [ "$(id -u)" -ne 0 ]; then
    cp "$PAGE" "$U/locked.txt"
    chmod 000 "$U/locked.txt"
fi
"$GUANXI" build -q "$U" -o "$T/u.graphml" 2>"$T/err.txt"
rc=$?
[ $rc -eq 4 ] && ok "unreadable files: partial (exit 4)" || bad "unreadable files: partial, got $rc"
said "mem.txt.*read failed" "a file whose reads fail is named"
said "dangling.txt.*No such file" "a dangling symlink is named"
said "fifo.txt.*not a regular file (a FIFO)" "a FIFO is skipped, not waited on"
grep -q '周军波' "$T/u.graphml" && ok "unreadable files: the good page is used" || bad "unreadable files: the good page is used"

# --- a directory loop through a symlink ---
mkdir -p "$T/loop/a"
cp "$PAGE" "$T/loop/a/2024-02-21.txt"
ln -s .. "$T/loop/a/up"
"$GUANXI" build -q "$T/loop" -o "$T/loop.graphml" 2>"$T/err.txt"
rc=$?
[ $rc -eq 0 ] && ok "symlink loop: entered once" || bad "symlink loop: entered once (rc $rc)"
said "directory loop" "the loop is reported"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
