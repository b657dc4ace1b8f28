#!/usr/bin/env bash
# `durian train` on the tiny config: loss log, checkpoints, a loadable model, exact resume, readable errors.
set -uo pipefail
DURIAN="$1"
SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
config="$SOURCE/resources/train/tiny-stage1.json"

out=$("$DURIAN" train "$config" -o "$work/a" 2>&1)
expect_status 0 $? "train the tiny config"
expect_contains "$out" "step 6/6" "progress reaches the last step"
expect_contains "$out" "left" "progress shows the time remaining"
[ "$(wc -l < "$work/a/loss.csv")" -eq 7 ] || fail "loss.csv should have a header and 6 rows: $(cat "$work/a/loss.csv")"
for f in checkpoint-0000003.safetensors checkpoint-0000006.safetensors model.safetensors config.json; do
  [ -s "$work/a/$f" ] || fail "$f missing"
done

# Resumed from step 3: the log of steps 4..6 is the same as the straight run's (losses; time differs).
out=$("$DURIAN" train "$config" --resume "$work/a/checkpoint-0000003.safetensors" -o "$work/b" 2>&1)
expect_status 0 $? "resume the tiny config"
expect_contains "$out" "resumed at step 3" "resume reports its step"
[ "$(cut -d, -f1,2 "$work/a/loss.csv" | tail -3)" = "$(cut -d, -f1,2 "$work/b/loss.csv" | tail -3)" ] ||
  fail "resumed losses differ: $(cat "$work/a/loss.csv") vs $(cat "$work/b/loss.csv")"
cmp -s "$work/a/model.safetensors" "$work/b/model.safetensors" || fail "resumed final weights differ"

# Packed for shipping: bf16, about half the size, and it still loads strictly and runs.
out=$("$DURIAN" pack "$work/a/model.safetensors" --model tiny -o "$work/packed.safetensors" 2>&1)
expect_status 0 $? "pack the trained model ($out)"
expect_contains "$out" "bf16" "pack reports the type"
full=$(stat -c %s "$work/a/model.safetensors"); packed=$(stat -c %s "$work/packed.safetensors")
[ $((packed * 10)) -lt $((full * 6)) ] || fail "bf16 file is $packed bytes, the f32 one $full"
out=$("$DURIAN" eval --model tiny --weights "$work/packed.safetensors" --cases 1 --denoise-check 2>&1)
expect_status 0 $? "the packed model runs ($out)"
[ "$(echo "$out" | grep -c '(5 cases)')" -eq 6 ] || fail "the denoise check should print 6 noise levels: $out"
out=$("$DURIAN" pack "$work/a/model.safetensors" --model default -o "$work/wrong.safetensors" 2>&1)
expect_status 1 $? "pack into the wrong model's shapes"
[ -e "$work/wrong.safetensors" ] && fail "a refused pack wrote a file"
out=$("$DURIAN" pack "$work/a/model.safetensors" -o "$work/own.safetensors" 2>&1)
expect_status 0 $? "without --model, pack keeps the configuration the weights record ($out)"

# Only the newest three checkpoints are kept.
sed 's/"checkpoint_every": 3/"checkpoint_every": 1/' "$config" > "$work/every.json"
"$DURIAN" train "$work/every.json" -o "$work/d" > /dev/null 2>&1 || fail "train with a checkpoint every step"
[ "$(cd "$work/d" && ls checkpoint-*.safetensors | tr '\n' ' ')" = \
  "checkpoint-0000004.safetensors checkpoint-0000005.safetensors checkpoint-0000006.safetensors " ] ||
  fail "expected the newest three checkpoints, found: $(ls "$work/d")"

# Errors name the problem.
echo '{"stpes": 3}' > "$work/bad.json"
out=$("$DURIAN" train "$work/bad.json" -o "$work/c" 2>&1)
expect_status 1 $? "unknown setting"
expect_contains "$out" "stpes" "the unknown setting is named"
out=$("$DURIAN" train "$config" 2>&1)
expect_status 2 $? "missing run directory"
echo "train CLI: ok"
