#!/usr/bin/env bash
# `durian analyze` and `durian motion` on real photos and a made-up video, and on bad input.
# Prints the motion figures (jitter before/after smoothing, retarget shape change, preset loop step).
set -uo pipefail
DURIAN="$1"; SOURCE="$2"; PHOTOS="$3"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
ASTRONAUT="$SOURCE/tests/data/photos/astronaut.png"
# A crash is a status above 128 (signal); every bad input must give 0 or a clean 1.
expect_no_crash() { [ "$1" -le 2 ] || fail "$2: crashed with status $1"; }

out=$("$DURIAN" analyze "$ASTRONAUT" -o "$work/a"); expect_status 0 $? "analyze the astronaut"
expect_contains "$out" "mask      hair" "analyze lists the hair mask"
for f in face.json aligned.png keypoints.png overlay.png mask_hair.png mask_eyeglasses.png mask_hat.png \
  mask_beard.png mask_skin.png; do
  [ -s "$work/a/$f" ] || fail "analyze wrote no $f"
done
expect_contains "$(identify -format '%wx%h' "$work/a/aligned.png")" "256x256" "aligned crop is 256x256"
count=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['face']['landmarks']))" "$work/a/face.json")
[ "$count" = 136 ] || fail "face.json holds $count landmark numbers, expected 136"

# Landmarks given instead of detected (the procedural world's true keypoints take this path).
out=$("$DURIAN" analyze "$ASTRONAUT" -o "$work/given" --landmarks "$SOURCE/tests/data/photos/astronaut_landmarks.json")
expect_status 0 $? "analyze with given landmarks"
# Scoring against true masks (the procedural world's): the masks just written score 1 against themselves.
out=$("$DURIAN" analyze "$ASTRONAUT" -o "$work/again" --landmarks "$SOURCE/tests/data/photos/astronaut_landmarks.json" \
  --truth "$work/given"); expect_status 0 $? "analyze --truth"
expect_contains "$out" "iou       hair       1.000" "IoU of identical masks"

# Bad input: CMYK JPEG, grayscale, truncated files, blank, tiny, missing, wrong command lines.
convert "$ASTRONAUT" -colorspace CMYK "$work/cmyk.jpg"
out=$("$DURIAN" analyze "$work/cmyk.jpg" -o "$work/c" 2>&1); expect_status 0 $? "analyze a CMYK JPEG"
convert "$ASTRONAUT" -colorspace Gray "$work/gray.png"
out=$("$DURIAN" analyze "$work/gray.png" -o "$work/g" 2>&1); expect_status 0 $? "analyze a grayscale PNG"
head -c 30000 "$work/cmyk.jpg" > "$work/truncated.jpg"
out=$("$DURIAN" analyze "$work/truncated.jpg" -o "$work/t" 2>&1); status=$?
expect_no_crash $status "truncated JPEG"
[ $status -eq 0 ] || expect_contains "$out" "truncated.jpg" "truncated JPEG error names the file"
head -c 5000 "$ASTRONAUT" > "$work/truncated.png"
out=$("$DURIAN" analyze "$work/truncated.png" -o "$work/t" 2>&1); status=$?
expect_no_crash $status "truncated PNG"
convert -size 400x300 xc:gray50 "$work/blank.png"
err=$("$DURIAN" analyze "$work/blank.png" -o "$work/b" 2>&1); expect_status 1 $? "analyze a blank image"
expect_contains "$err" "No face found in $work/blank.png" "blank image: no face"
convert -size 16x16 xc:white "$work/tiny.png"
err=$("$DURIAN" analyze "$work/tiny.png" -o "$work/b" 2>&1); expect_status 1 $? "analyze a 16x16 image"
expect_contains "$err" "No face found" "16x16: no face"
err=$("$DURIAN" analyze "$work/none.png" -o "$work/b" 2>&1); expect_status 1 $? "analyze a missing file"
expect_contains "$err" "none.png: no such file" "missing photo is named"
err=$("$DURIAN" analyze "$ASTRONAUT" 2>&1); expect_status 2 $? "analyze without -o"
expect_contains "$err" "usage: durian analyze" "usage is shown"
err=$("$DURIAN" analyze "$ASTRONAUT" -o "$work/x" --face 5 2>&1); expect_status 2 $? "analyze --face out of range"

# Several faces: the chosen one and the others reported.
if [ -s "$PHOTOS/facereg.jpg" ]; then
  out=$("$DURIAN" analyze "$PHOTOS/facereg.jpg" -o "$work/f"); expect_status 0 $? "analyze facereg.jpg"
  expect_contains "$out" "3 more face(s) ignored" "the other faces are reported"
else
  echo "skip: facereg.jpg not fetched into $PHOTOS"
fi

# Motion: presets of any length, a driving video with jitter, retargeting onto a portrait.
LMK="$SOURCE/tests/data/photos/astronaut_landmarks.json"
out=$("$DURIAN" motion --preset nod --portrait-landmarks "$LMK" --frames 37 -o "$work/nod.json"); expect_status 0 $? "motion preset"
echo "$out"
frames=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['frames']))" "$work/nod.json")
[ "$frames" = 37 ] || fail "preset track has $frames frames, expected 37"
err=$("$DURIAN" motion --preset dance --portrait-landmarks "$LMK" -o "$work/x.json" 2>&1); expect_status 1 $? "unknown preset"
expect_contains "$err" "known: nod, shake, talk, smile, look-around" "unknown preset lists the presets"

# The astronaut photo, cropped with a slow drift plus per-frame random shifts and rotations: a face video
# whose landmark jitter is the detector's plus the camera shake.
ffmpeg -v error -y -loop 1 -i "$ASTRONAUT" -vf \
  "crop=320:320:'63+6*sin(n/5)+2*(random(1)-0.5)':'2+2*(random(2)-0.5)',rotate='0.012*(random(3)-0.5)'" \
  -frames:v 50 -r 25 -c:v libx264 -crf 12 -pix_fmt yuv420p "$work/jitter.mp4" || fail "ffmpeg could not make the test video"
out=$("$DURIAN" motion "$work/jitter.mp4" -o "$work/track.json" --portrait-landmarks "$LMK"); expect_status 0 $? "motion from a video"
echo "$out"
expect_contains "$out" "50 frames at 25 fps" "every frame is tracked"
python3 - "$out" <<'PY' || fail "smoothing must at least halve the jitter"
import re, sys
raw, smooth = map(float, re.search(r"raw ([0-9.]+)\s+smoothed ([0-9.]+)", sys.argv[1]).groups())
sys.exit(0 if smooth < 0.5 * raw else 1)
PY
err=$("$DURIAN" motion "$work/none.mp4" -o "$work/x.json" 2>&1); expect_status 1 $? "motion from a missing video"
expect_contains "$err" "none.mp4: no such file" "missing video is named"
echo "face cli: all checks passed"
