#!/bin/sh
# build-and-run.sh — build the workspace loader with clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer, and fuzz it.
#
#   tests/fuzz/build-and-run.sh SECONDS [LIBFUZZER-OPTIONS...]
#
# Builds in _build-fuzz (or $KEEL_FUZZ_BUILD) with CC=clang, every core
# source instrumented. The corpus lives in tests/fuzz/corpus/: the seeds
# (*.json) are committed, what the fuzzer adds (hash-named files) is not
# (see .gitignore). A crash leaves its input in tests/fuzz/crashes/ and
# the script exits non-zero; copy the input into tests/fuzz/regressions/
# under a name that says what it found, so the fuzz-regressions test
# replays it in every build.
#
# Needs clang and libclang-rt-14-dev (Debian packages).

set -eu

seconds=${1:?usage: build-and-run.sh SECONDS [LIBFUZZER-OPTIONS...]}
shift

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${KEEL_FUZZ_BUILD:-$src/_build-fuzz}
corpus=$here/corpus
crashes=$here/crashes
fuzzer=$build/tests/fuzz/fuzz-workspace-load

if ! command -v clang >/dev/null 2>&1; then
  echo "build-and-run.sh: clang is not installed (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" \
    -Dgui=false \
    -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined \
    -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer'
fi
ninja -C "$build" tests/fuzz/fuzz-workspace-load

if [ ! -x "$fuzzer" ]; then
  echo "build-and-run.sh: $fuzzer was not built: does clang link -fsanitize=fuzzer? (libclang-rt-14-dev)" >&2
  exit 2
fi

mkdir -p "$corpus" "$crashes"

export TZ=UTC
export G_DEBUG=fatal-warnings,fatal-criticals
export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "build-and-run.sh: fuzzing for $seconds s; corpus $corpus, crashes go to $crashes/"

status=0
"$fuzzer" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=4096 \
  -max_total_time="$seconds" \
  -print_final_stats=1 \
  -dict="$here/keel.dict" \
  -artifact_prefix="$crashes/" \
  "$@" \
  "$corpus" || status=$?

if [ "$status" -ne 0 ]; then
  echo "build-and-run.sh: the fuzzer stopped with status $status; inputs that failed:" >&2
  ls -l "$crashes" >&2
fi
exit "$status"
