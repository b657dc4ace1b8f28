#!/usr/bin/env bash
# `durian eval`: the benchmark table (Markdown and CSV), the model rows, the interpolation check, errors.
set -uo pipefail
DURIAN="$1"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

out=$("$DURIAN" eval --baselines-only --cases 1 --frames 2 --size 64 -o "$work/base" --stills 2>/dev/null)
expect_status 0 $? "eval the baselines"
expect_contains "$out" "| warp_composite | hair | 1 |" "the Markdown table has a row per method and category"
[ "$(head -1 "$work/base/eval.csv")" = "method,category,cases,psnr,ssim,l1_attr,l1_rest,flicker" ] ||
  fail "CSV header: $(head -1 "$work/base/eval.csv")"
[ "$(wc -l < "$work/base/eval.csv")" -eq 13 ] || fail "expected 12 rows: $(cat "$work/base/eval.csv")"
grep -q '^no_transfer,all,5,' "$work/base/eval.csv" || fail "no 'all' row for no_transfer"
[ "$(ls "$work/base/stills" | wc -l)" -eq 5 ] || fail "expected a still per case: $(ls "$work/base/stills")"
[ "$(identify -format '%wx%h' "$work/base/stills/hair-00.png")" = "192x256" ] ||
  fail "still size $(identify -format '%wx%h' "$work/base/stills/hair-00.png")"

# Another seed draws other cases.
"$DURIAN" eval --baselines-only --cases 1 --frames 2 --size 64 --seed 9 -o "$work/other" >/dev/null 2>&1 ||
  fail "eval --seed 9"
cmp -s "$work/base/eval.csv" "$work/other/eval.csv" && fail "--seed 9 gave the same table as seed 1"

# The model's rows and the interpolation check run through the real pipeline (tiny, untrained weights).
out=$("$DURIAN" eval --model tiny --untrained --autoencoder --cases 1 --frames 2 --steps 1 -o "$work/tiny" 2>/dev/null)
status=$?
[ $status -eq 0 ] || [ $status -eq 1 ] || fail "eval with the tiny model: status $status"
grep -q '^durian,composition,1,' "$work/tiny/eval.csv" || fail "no model row: $(cat "$work/tiny/eval.csv")"
grep -q '^vae_roundtrip,all,5,' "$work/tiny/eval.csv" || fail "no autoencoder row"
expect_contains "$out" "monotonic:" "the interpolation check reports"
[ "$(wc -l < "$work/tiny/interpolation.csv")" -eq 6 ] || fail "interpolation.csv: $(cat "$work/tiny/interpolation.csv")"

# Errors.
out=$("$DURIAN" eval --stills 2>&1)
expect_status 2 $? "--stills without -o"
out=$("$DURIAN" eval --weights "$work/missing.safetensors" --cases 1 2>&1)
expect_status 1 $? "missing weights"
expect_contains "$out" "missing.safetensors" "the missing file is named"
echo "eval CLI: ok"
