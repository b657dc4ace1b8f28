#!/usr/bin/env bash
# `durian eval --photos DIR`: the real-photo benchmark (self-transfer and cross-identity) on photos from
# Debian packages, the stills it writes, a photo without a face, and bad input; and `durian eval-masks --truth`
# against the masks painted on real photos.
set -uo pipefail
DURIAN="$1"; SOURCE="$2"; PHOTOS="$3"; MEASURE="$4"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
[ -s "$MEASURE/faceres.onnx" ] || fail "$MEASURE/faceres.onnx is missing (ctest's data.FetchMeasureNetworks makes it)"
[ -s "$PHOTOS/kphotoalbum/demo/jesper.jpg" ] || fail "kphotoalbum's photos are missing (ctest's data.FetchKphotoalbumPhotos)"
export DURIAN_MEASURE_NETWORKS_DIR="$MEASURE"
mkdir "$work/photos"
cp "$SOURCE/tests/data/photos/astronaut.png" "$PHOTOS/dlib/faces/Tom_Cruise_avp_2014_4.jpg" \
  "$PHOTOS/dlib/faces/2009_004587.jpg" "$PHOTOS/kphotoalbum/demo/jesper_2.jpg" "$PHOTOS/kphotoalbum/demo/donna.jpg" "$work/photos/"

out=$("$DURIAN" eval --photos "$work/photos" --baselines-only -o "$work/base" --stills 2>/dev/null)
expect_status 0 $? "the photo benchmark, baselines"
echo "$out"
expect_contains "$out" "4 photos with a face, 1 skipped" "the dog is skipped"
expect_contains "$out" "skipped donna.jpg: no face found" "the skipped photo is named with the reason"
row() { grep -F "| $1 | $2 |" <<<"$out" | head -1; }
field() { awk -F'|' -v n="$2" '{gsub(/[ %]/, "", $n); print $n}' <<<"$1"; }
warp=$(row warp_composite hair); none=$(row no_transfer hair)
[ -n "$warp" ] && [ -n "$none" ] || fail "no self-transfer hair rows"
awk -v w="$(field "$warp" 5)" -v n="$(field "$none" 5)" 'BEGIN { exit !(w > n + 2) }' ||
  fail "warp_composite should beat the filled hole on self-transfer: $warp / $none"
cross=$(grep -F "| warp_composite | hair |" <<<"$out" | tail -1)
awk -v c="$(field "$cross" 5)" 'BEGIN { exit !(c > 0.6 && c <= 1.0) }' || fail "cross-identity CSIM: $cross"
[ -s "$work/base/eval-photos.md" ] || fail "no eval-photos.md"
ls "$work/base/photo-stills/" | grep -q '^self_astronaut.png_hair.png$' || fail "no self-transfer still: $(ls "$work/base/photo-stills")"
ls "$work/base/photo-stills/" | grep -q '^cross_' || fail "no cross-identity still"

# The model's rows run through the real pipeline (tiny, untrained weights).
out=$("$DURIAN" eval --photos "$work/photos" --model tiny --untrained --steps 1 2>/dev/null)
expect_status 0 $? "the photo benchmark with a model"
expect_contains "$out" "| durian | hair |" "the model has a self-transfer row"

# Bad input: no folder, a folder without photos, no identity network.
out=$("$DURIAN" eval --photos "$work/none" --baselines-only 2>&1); expect_status 1 $? "a missing folder"
expect_contains "$out" "$work/none does not exist" "the missing folder is named"
mkdir "$work/empty"
out=$("$DURIAN" eval --photos "$work/empty" --baselines-only 2>&1); expect_status 1 $? "a folder without photos"
expect_contains "$out" "holds no photos" "the empty folder is explained"
out=$("$DURIAN" eval --photos "$work/photos" --baselines-only --identity-network "$work/x.onnx" 2>&1)
expect_status 1 $? "no identity network"
expect_contains "$out" "$work/x.onnx is missing" "the missing network is named"
# The automatic masks against the masks painted on real photos (tests/data/photos/truth).
mkdir "$work/paintedset"; ln -s "$PHOTOS" "$work/paintedset/fetched"; ln -s "$SOURCE/tests/data/photos/astronaut.png" "$work/paintedset/"
out=$("$DURIAN" eval-masks --truth "$SOURCE/tests/data/photos/truth" --photos "$work/paintedset" 2>&1)
expect_status 0 $? "eval-masks against the painted masks"
expect_contains "$out" "18 painted masks on real photos" "every painted mask is measured"
expect_contains "$out" "| astronaut.png | hair |" "a row per painted mask"
expect_contains "$out" "| hair | 11 |" "a row per category"
out=$("$DURIAN" eval-masks --truth "$SOURCE/tests/data/photos/truth" 2>&1); expect_status 2 $? "--truth without --photos"
expect_contains "$out" "go together" "the missing half is explained"
out=$("$DURIAN" eval-masks --truth "$SOURCE/tests/data/photos/truth" --photos "$work/paintedset" --count 3 2>&1)
expect_status 2 $? "a world option with --truth"
echo "photo benchmark CLI: all checks passed"
