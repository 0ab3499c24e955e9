#!/bin/sh
# deps.sh — installs the Debian packages guanxi needs, or says which line to run.
#   tools/deps.sh build   to build and run guanxi
#   tools/deps.sh test    also what the test suite uses (readers, xmllint, clang and its fuzzer)
#   tools/deps.sh bench   also the peers bench/run.sh measures (Python jieba; Node.js for @node-rs/jieba)
# As root it runs apt-get; otherwise it prints the apt-get line and exits 1.
set -eu
BUILD_PKGS="build-essential cmake pkg-config libigraph-dev libpcre2-dev libxml2-dev libjansson-dev libjemalloc-dev"
TEST_PKGS="libxml2-utils python3 python3-networkx python3-igraph clang libclang-rt-14-dev"
case "${1:-build}" in
build) want=$BUILD_PKGS ;;
test) want="$BUILD_PKGS $TEST_PKGS" ;;
bench) want="$BUILD_PKGS python3 python3-jieba" ;;
*) echo "usage: tools/deps.sh build|test|bench" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian (it does on our CI machines): ask for the commands.
if [ "${1:-build}" != build ] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
    missing="$missing nodejs npm"
fi
readers() { # the npm GraphML reader used by the tests, pinned by tests/readers/package-lock.json
    [ "${1:-build}" = test ] || return 0
    [ -d tests/readers/node_modules/graphology-graphml ] && return 0
    (cd tests/readers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
cd "$(dirname "$0")/.."
if [ -z "$missing" ]; then
    readers "${1:-build}"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "guanxi: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    readers "${1:-build}"
else
    echo "guanxi: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
