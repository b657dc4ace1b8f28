#!/usr/bin/env bash
# README command 2: install what is needed, build, and run the whole test suite.
# Prints CTest's summary; exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release
# The parsers' fuzz targets (clang, ASan, UBSan), each briefly on its committed corpus (fuzz/).
cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz
# The job queue (its lanes, handles and cancels) with ThreadSanitizer: a minute's build on its own.
cmake --preset tsan
cmake --build --preset tsan
ctest --preset tsan
