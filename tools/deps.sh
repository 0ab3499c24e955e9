#!/bin/sh
# deps.sh — installs the Debian packages guanxi needs, or says which line to run.
#   tools/deps.sh build   to build and run guanxi
#   tools/deps.sh test    also what the test suite uses (readers, xmllint, clang's sanitizers)
# As root it runs apt-get; otherwise it prints the apt-get line and exits 1.
set -eu
BUILD_PKGS="build-essential cmake pkg-config libigraph-dev libpcre2-dev libxml2-dev libjansson-dev"
TEST_PKGS="libxml2-utils python3 python3-networkx python3-igraph"
case "${1:-build}" in
build) want=$BUILD_PKGS ;;
test) want="$BUILD_PKGS $TEST_PKGS" ;;
*) echo "usage: tools/deps.sh build|test" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "guanxi: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "guanxi: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
