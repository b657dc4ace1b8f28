#!/usr/bin/env bash
# `durian generate` on the tiny model: frames written, deterministic, previews, readable errors; `durian bench`.
set -uo pipefail
DURIAN="$1"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# A W x H binary PPM whose pixels follow a seed (OpenCV reads PPM like any other image).
ppm() { # file size seed
  local n=$(( $2 * $2 ))
  { printf 'P6\n%d %d\n255\n' "$2" "$2"; head -c $(( n * 3 )) < <(yes "$3" | tr -d '\n'); } > "$1"
}
ppm "$work/portrait.ppm" 32 "p0rtrait"
ppm "$work/hair.ppm" 32 "ha1r"
ppm "$work/hair_b.ppm" 32 "b"
ppm "$work/k0.ppm" 32 "k0"
ppm "$work/k1.ppm" 32 "k1"
ppm "$work/k2.ppm" 32 "k2"
cat > "$work/request.json" <<JSON
{"model": "tiny", "portrait": "portrait.ppm",
 "attributes": [{"category": "hair", "image": "hair.ppm", "strength": 0.8}],
 "interpolation": {"slot": 0, "image": "hair_b.ppm", "alpha": 0.5},
 "keypoints": ["k0.ppm", "k1.ppm", "k2.ppm"], "steps": 3, "seed": 4, "sampler": "dpmpp2m"}
JSON

out=$("$DURIAN" generate --untrained "$work/request.json" -o "$work/a" --preview-dir "$work/previews" 2>&1)
expect_status 0 $? "generate a tiny request"
expect_contains "$out" "wrote 3 frames (32x32)" "generate reports the frames"
for f in 0 1 2; do [ -s "$work/a/frame_000$f.png" ] || fail "frame $f missing"; done
[ -s "$work/previews/preview_0003.png" ] || fail "previews missing"
"$DURIAN" generate --untrained "$work/request.json" -o "$work/b" --quiet; expect_status 0 $? "generate again"
for f in 0 1 2; do cmp -s "$work/a/frame_000$f.png" "$work/b/frame_000$f.png" || fail "frame $f differs between runs"; done
"$DURIAN" generate --untrained "$work/request.json" -o "$work/c" --quiet --threads 1; expect_status 0 $? "generate on one thread"

sed 's/"seed": 4/"seed": 5/' "$work/request.json" > "$work/seed5.json"
"$DURIAN" generate --untrained "$work/seed5.json" -o "$work/d" --quiet
cmp -s "$work/a/frame_0000.png" "$work/d/frame_0000.png" && fail "another seed gave the same frame"

sed 's/"strength": 0.8/"strength": 2/' "$work/request.json" > "$work/strong.json"
err=$("$DURIAN" generate --untrained "$work/strong.json" -o "$work/e" 2>&1); expect_status 1 $? "strength out of range"
expect_contains "$err" "attribute 1 (hair) has strength 2" "strength error is readable"
sed 's/hair_b.ppm/gone.ppm/' "$work/request.json" > "$work/gone.json"
err=$("$DURIAN" generate --untrained "$work/gone.json" -o "$work/e" 2>&1); expect_status 1 $? "missing image"
expect_contains "$err" "gone.ppm" "missing image is named"
err=$("$DURIAN" generate "$work/request.json" 2>&1); expect_status 2 $? "generate without -o"
expect_contains "$err" "missing -o/--output DIR" "usage error for -o"
err=$("$DURIAN" generate "$work/request.json" -o "$work/f" 2>&1); expect_status 2 $? "generate without weights"
expect_contains "$err" "pass --weights FILE" "an untrained model is never used by accident"
[ ! -e "$work/f" ] || fail "nothing is written without weights"

# A long clip streams: generated chunk by chunk from landmarks and written frame by frame, so 320 frames
# need the memory 40 do (held whole, 320 frames took 417 MB against 250 MB for 40).
keypoint_track() { # file frames
  { printf '{"format": "durian-keypoints", "version": 1, "fps": 24, "width": 32, "height": 32, "frames": ['
    for ((f = 0; f < $2; f++)); do
      [ "$f" -gt 0 ] && printf ','
      printf '['
      for ((k = 0; k < 68; k++)); do
        [ "$k" -gt 0 ] && printf ','
        printf '%d.%d,%d' $(( 4 + k / 3 )) $(( f % 10 )) $(( 8 + k / 4 ))
      done
      printf ']'
    done
    printf ']}'; } > "$1"
}
peak_mb() { # frames
  keypoint_track "$work/track$1.json" "$1"
  printf '{"model": "tiny", "portrait": "portrait.ppm", "attributes": [{"category": "hair", "image": "hair.ppm"}],
    "motion": "track%d.json", "steps": 1, "resolution": 64, "seed": 3}' "$1" > "$work/long$1.json"
  local line
  line=$("$DURIAN" generate --untrained "$work/long$1.json" -o "$work/long$1" 2>/dev/null) || fail "a $1-frame clip: $line"
  [ "$(ls "$work/long$1" | wc -l)" -eq "$1" ] || fail "a $1-frame clip wrote $(ls "$work/long$1" | wc -l) frames"
  echo "$line" | sed -n 's/.*peak memory \([0-9]*\) MB.*/\1/p'
}
short=$(peak_mb 40)
long=$(peak_mb 320)
echo "peak memory: $short MB for 40 frames, $long MB for 320"
[ -n "$short" ] && [ -n "$long" ] || fail "generate did not report its peak memory"
[ "$long" -le $(( short + short / 5 )) ] || fail "320 frames took $long MB against $short MB for 40: the clip is held in memory"

out=$("$DURIAN" bench --model tiny --steps 1 --quiet); expect_status 0 $? "bench tiny"
for figure in "parameters" "DNet step, 1 frame" "GFLOP/s" "reference nets" "alpha -> preview"; do
  expect_contains "$out" "$figure" "bench prints $figure"
done
echo "generate CLI: all checks passed"
