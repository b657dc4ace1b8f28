#!/usr/bin/env bash
# A longer fuzz campaign: builds the `fuzz` preset, then runs every target for SECONDS (default 300) on a
# scratch copy of its committed corpus, one after another. Prints each target's executions and a total;
# exits non-zero when a target finds a failing input, which it leaves in build/fuzz/campaign/NAME/.
# Keep such an input as fuzz/corpus/NAME/regression-WHAT, with a unit test of the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz > /dev/null
total=0
status=0
for name in safetensors model_config project request_file keypoint_track; do
  work="build/fuzz/campaign/$name"
  rm -rf "$work" && mkdir -p "$work/corpus" && cp fuzz/corpus/"$name"/* "$work/corpus/"
  if ! build/fuzz/fuzz/fuzz_"$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" > "$work/log.txt" 2>&1; then
    echo "fuzz_$name: FOUND A FAILING INPUT, see $work/"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$work/log.txt" | tail -1 | grep -o '[0-9]*' || echo 0)
  printf 'fuzz_%-16s %12d executions in %s s, coverage %s edges\n' "$name" "$runs" "$seconds" "$cov"
  total=$((total + runs))
done
printf 'total %d executions\n' "$total"
exit "$status"
