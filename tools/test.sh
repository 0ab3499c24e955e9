#!/bin/sh
# test.sh — the whole test suite: a warnings-as-errors build with every test, then the same tests
# under AddressSanitizer + UndefinedBehaviorSanitizer, then each libFuzzer target for a short while
# (FUZZ_SECONDS, default 60; 0 skips).  Exit status 0 only if all pass.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh test
jobs=$(nproc)
echo "== build (Release, -Werror) and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs" >/dev/null
(cd build && ctest --output-on-failure -j "$jobs")
echo "== build with ASan + UBSan and the same tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGX_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure -j "$jobs")
echo "== fuzzing, ${FUZZ_SECONDS:-60}s per target (tools/fuzz.sh)"
[ "${FUZZ_SECONDS:-60}" -eq 0 ] || tools/fuzz.sh "${FUZZ_SECONDS:-60}"
