#!/usr/bin/env bash
# `durian train` as a data-parallel job over loopback: --nproc 2 learns what one process learns, resumes
# exactly, and a rank killed mid-run makes its peer stop with a message naming it, within the timeout.
set -uo pipefail
DURIAN="$1"
SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
pids=()
trap 'kill -9 "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
config="$SOURCE/resources/train/tiny-stage1.json"

# The losses of a 2-rank job are the lone process's (same samples; rounding apart).
"$DURIAN" train "$config" -o "$work/one" > /dev/null 2>&1 || fail "train the tiny config in one process"
out=$("$DURIAN" train "$config" --nproc 2 -o "$work/two" 2>&1)
expect_status 0 $? "train the tiny config with --nproc 2 ($out)"
expect_contains "$out" "starting 2 ranks" "the launcher says what it starts"
expect_contains "$out" "batch 2 (2 ranks x 1)" "the job's batch is split between the ranks"
expect_contains "$out" "step 6/6" "rank 0 reports the progress"
[ "$(grep -c 'step 6/6' <<<"$out")" -eq 1 ] || fail "only rank 0 should report: $out"
paste -d, "$work/one/loss.csv" "$work/two/loss.csv" | tail -n +2 |
  awk -F, '{ d = $2 - $6; if (d < 0) d = -d; if (d > 1e-5 * $2) { print "step " $1 ": " $2 " vs " $6; bad = 1 } } END { exit bad }' ||
  fail "the 2-rank losses differ from one process's"
for f in checkpoint-0000003.safetensors checkpoint-0000006.safetensors model.safetensors config.json; do
  [ -s "$work/two/$f" ] || fail "$f missing from the job's run directory"
done

# Resumed by 2 ranks from step 3: the same losses as the uninterrupted job.
out=$("$DURIAN" train "$config" --nproc 2 --resume "$work/two/checkpoint-0000003.safetensors" -o "$work/resumed" 2>&1)
expect_status 0 $? "resume the job with --nproc 2 ($out)"
[ "$(cut -d, -f1,2 "$work/two/loss.csv" | tail -3)" = "$(cut -d, -f1,2 "$work/resumed/loss.csv" | tail -3)" ] ||
  fail "resumed losses differ: $(cat "$work/two/loss.csv") vs $(cat "$work/resumed/loss.csv")"

# A rank killed mid-run: its peer stops, non-zero, naming it, within the peer timeout.
sed -e 's/"steps": 6/"steps": 100000/' -e 's/"checkpoint_every": 3/"checkpoint_every": 100000/' \
  -e 's/"log_every": 2/"log_every": 1/' "$config" > "$work/long.json"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
common=(--master-addr 127.0.0.1 --master-port "$port" --world-size 2 --peer-timeout 10)
"$DURIAN" --threads 1 train "$work/long.json" -o "$work/killed" --rank 0 "${common[@]}" > "$work/rank0.log" 2>&1 &
pids+=($!); rank0=$!
"$DURIAN" --threads 1 train "$work/long.json" -o "$work/killed" --rank 1 "${common[@]}" > "$work/rank1.log" 2>&1 &
pids+=($!); rank1=$!
for _ in $(seq 600); do # up to 60 s for the job to take its first steps
  grep -q 'step 3/' "$work/rank0.log" && break
  kill -0 "$rank0" 2>/dev/null || break
  sleep 0.1
done
grep -q 'step 3/' "$work/rank0.log" || fail "the 2-rank job did not start: $(cat "$work/rank0.log" "$work/rank1.log")"
kill -9 "$rank1"
start=$(date +%s)
wait "$rank0"
status=$?
took=$(( $(date +%s) - start ))
log=$(cat "$work/rank0.log")
[ "$status" -ne 0 ] || fail "rank 0 exited 0 after losing its peer: $log"
expect_contains "$log" "lost rank 1 of 2" "rank 0 names the lost peer"
[ "$took" -le 30 ] || fail "rank 0 took ${took}s to notice a peer gone (peer timeout 10 s)"
[ -e "$work/killed/model.safetensors" ] && fail "a stopped job left a model file before its first checkpoint"

# Mistakes in the command line are refused before anything starts.
out=$("$DURIAN" train "$config" --nproc 2 --rank 1 -o "$work/bad" 2>&1)
expect_status 2 $? "--nproc with --rank"
out=$("$DURIAN" train "$config" --world-size 2 --rank 2 -o "$work/bad" 2>&1)
expect_status 1 $? "a rank outside the world"
expect_contains "$out" "rank must be in [0, 2)" "the bad rank is named"
echo "parallel train CLI: ok"
