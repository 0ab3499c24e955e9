#!/bin/sh
# run.sh — a folder of bad input next to good pages: every bad file gets a clear message naming it,
# the run goes on, exits 4 (partial), and every good file is used.
# usage: GUANXI=path/to/guanxi SRC=source-dir sh run.sh
set -u
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
passed=0 failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
said() { if grep -q -- "$1" "$T/err.txt"; then ok "$2"; else bad "$2 (no '$1' in stderr)"; fi; }

D="$T/in"
mkdir -p "$D/sub"
cp "$SRC/examples/pinghu/000_10a9f01861d5bbf5.txt" "$D/2024-02-21-good.txt"
# invalid UTF-8 in the middle of a real page
{ head -c 3000 "$SRC/examples/pinghu/003_4761a9b087fadb1d.txt"; printf '\377\376\300'; tail -c 2000 "$SRC/examples/pinghu/003_4761a9b087fadb1d.txt"; } >"$D/invalid.txt"
# a GBK page
iconv -f UTF-8 -t GBK "$SRC/examples/pinghu/001_a2e0462f2705c726.txt" >"$D/sub/gbk.txt"
# a PNG renamed .txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$D/photo.txt"
# an empty file
: >"$D/empty.txt"
# a 50 MB page on a single line
yes '市委书记仲旭东在会上强调，要深入学习贯彻会议精神，' | head -c 50000000 | tr -d '\n' >"$D/huge.txt"
# a file of another type
echo 'x' >"$D/notes.docx"

"$GUANXI" build "$D" -o "$T/out.graphml" >"$T/out.txt" 2>"$T/err.txt"
rc=$?
cat "$T/err.txt"
[ $rc -eq 4 ] && ok "exit code 4 (partial)" || bad "exit code 4 (partial), got $rc"
said "photo.txt.*PNG image, not text" "the PNG is refused by name"
said "invalid.txt: byte [0-9]*: [0-9]* invalid UTF-8" "invalid bytes named with file and offset"
said "gbk.txt.*decoded as GB18030" "the GBK file is converted"
said "empty.txt.*empty" "the empty file is reported"
said "huge.txt.*more than 20000 entity mentions" "the 50 MB line is read within the mention limit"
said "notes.docx.*skipped" "other file types are skipped with a warning"
if [ -s "$T/out.graphml" ] && xmllint --noout "$T/out.graphml"; then ok "the graph is written"; else bad "the graph is written"; fi
if grep -q '周军波' "$T/out.graphml" && grep -q '胡水良\|沈志林' "$T/out.graphml"; then
    ok "good files are used (the UTF-8 page and the GBK page)"
else
    bad "good files are used"
fi
grep -q 'read 5 files' "$T/out.txt" && ok "summary counts the five readable files" || bad "summary counts the five readable files"

# a failed run leaves the earlier output intact
cp "$T/out.graphml" "$T/keep.graphml"
"$GUANXI" build -q "$T/nonexistent" -o "$T/out.graphml" 2>"$T/err.txt"
rc=$?
[ $rc -eq 1 ] && ok "nothing readable: exit 1" || bad "nothing readable: exit 1, got $rc"
cmp -s "$T/out.graphml" "$T/keep.graphml" && ok "earlier output untouched" || bad "earlier output untouched"
said "nonexistent.*cannot read" "the missing input is named"

# an unreadable file (when not root, who reads everything)
if [ "$(id -u)" -ne 0 ]; then
    cp "$SRC/examples/pinghu/000_10a9f01861d5bbf5.txt" "$T/locked.txt"
    chmod 000 "$T/locked.txt"
    "$GUANXI" build -q "$T/locked.txt" "$D/2024-02-21-good.txt" -o "$T/l.graphml" 2>"$T/err.txt"
    [ $? -eq 4 ] && ok "unreadable file: partial" || bad "unreadable file: partial"
fi

# a directory loop through a symlink
mkdir -p "$T/loop/a"
cp "$SRC/examples/pinghu/000_10a9f01861d5bbf5.txt" "$T/loop/a/2024-02-21.txt"
ln -s .. "$T/loop/a/up"
"$GUANXI" build -q "$T/loop" -o "$T/loop.graphml" 2>"$T/err.txt"
rc=$?
[ $rc -eq 0 ] && ok "symlink loop: entered once" || bad "symlink loop: entered once (rc $rc)"
said "directory loop" "the loop is reported"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
