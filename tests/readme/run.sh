#!/bin/sh
# run.sh — runs every example in README.md's ```console blocks and compares what guanxi prints with
# what the README shows.  A line "$ guanxi ARGS" is a command (run from the repository root); the
# lines after it, up to the next "$ " or the end of the block, are its expected standard output.
# usage: GUANXI=path/to/guanxi SRC=source-dir sh run.sh
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$SRC" || exit 1
# split README into T/N.cmd and T/N.out
awk -v dir="$T" '
    /^```console$/ { inblock = 1; next }
    /^```$/        { inblock = 0; next }
    inblock && /^\$ / { n++; print substr($0, 3) > (dir "/" n ".cmd"); printf "" > (dir "/" n ".out"); next }
    inblock && n    { print > (dir "/" n ".out") }
' README.md
passed=0 failed=0
for cmd in "$T"/*.cmd; do
    [ -e "$cmd" ] || { echo "FAIL no examples found in README.md"; exit 1; }
    line=$(cat "$cmd")
    case "$line" in
    "guanxi "*) ;;
    *) echo "FAIL README example does not start with guanxi: $line"; failed=$((failed + 1)); continue ;;
    esac
    # shellcheck disable=SC2086
    set -- ${line#guanxi }
    "$GUANXI" "$@" >"$T/got" 2>"$T/err"
    if cmp -s "${cmd%.cmd}.out" "$T/got"; then
        echo "ok   $line"
        passed=$((passed + 1))
    else
        echo "FAIL $line"
        diff -u "${cmd%.cmd}.out" "$T/got" | head -20
        head -5 "$T/err"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
