#!/usr/bin/env bash
# `durian render`: the demo project to MP4 and GIF, checked with ffprobe and by its frames; and its errors.
set -uo pipefail
DURIAN="$1"; SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
demo="$SOURCE/resources/demo/demo.durian"

out=$("$DURIAN" render "$demo" -o "$work/demo.mp4" --quiet); expect_status 0 $? "render the demo to MP4"
expect_contains "$out" "$work/demo.mp4" "render prints the path it wrote"
expect_contains "$out" "frames    48 at 256x256" "render reports the frames"
probe=$(ffprobe -v error -select_streams v:0 -count_frames \
  -show_entries stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames -of default=nw=1 "$work/demo.mp4")
for field in codec_name=h264 pix_fmt=yuv420p width=256 height=256 r_frame_rate=24/1 nb_read_frames=48; do
  expect_contains "$probe" "$field" "ffprobe of the rendered MP4"
done

# The head moves: frame 0 and frame 6 (the first nod's lowest point) differ; the clip loops.
ffmpeg -v error -i "$work/demo.mp4" -vf "select='eq(n\,0)+eq(n\,6)+eq(n\,47)'" -vsync 0 "$work/f%d.png"
moved=$(compare -metric MAE "$work/f1.png" "$work/f2.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
looped=$(compare -metric MAE "$work/f1.png" "$work/f3.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
awk -v m="$moved" 'BEGIN { exit !(m > 0.01) }' || fail "the portrait does not move (MAE $moved)"
awk -v l="$looped" -v m="$moved" 'BEGIN { exit !(l < m) }' || fail "the nod does not come back (MAE $looped vs $moved)"

"$DURIAN" render "$demo" -o "$work/demo.gif" --quiet >/dev/null; expect_status 0 $? "render the demo to GIF"
expect_contains "$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$work/demo.gif")" "gif" "GIF output"

# Errors: a clear message, nothing half-written, an existing file untouched.
echo "precious" > "$work/keep.mp4"
err=$("$DURIAN" render "$demo" -o "$work/no-such-dir/x.mp4" 2>&1); expect_status 1 $? "unwritable output"
expect_contains "$err" "no-such-dir" "the unwritable path is named"
convert -size 256x256 xc:skyblue "$work/sky.png"
printf '{"format": "durian-project", "version": 1, "portrait": {"image": "sky.png"}}' > "$work/noface.durian"
err=$("$DURIAN" render "$work/noface.durian" -o "$work/keep.mp4" 2>&1); expect_status 1 $? "portrait without a face"
expect_contains "$err" "No face found in the portrait" "no face is reported"
[ "$(cat "$work/keep.mp4")" = "precious" ] || fail "an existing file was replaced by a failed render"
err=$("$DURIAN" render "$demo" -o "$work/x.avi" 2>&1); expect_status 1 $? "unknown output format"
expect_contains "$err" "x.avi" "the unsupported output is named"
[ -z "$(ls -A "$work" | grep -v -E '^(demo.mp4|demo.gif|f[123].png|keep.mp4|sky.png|noface.durian)$')" ] \
  || fail "left-over files: $(ls -A "$work")"

# SIGTERM (a polite kill) stops a long render as Ctrl-C does: exit 130, the message, the old file kept and
# no temporary left. The kill comes once the encoder's temporary exists, i.e. while frames are written.
mkdir "$work/long"; cp "$SOURCE"/resources/demo/*.png "$work/long/"
sed 's/"frames": 48/"frames": 5000/' "$demo" > "$work/long/long.durian"
"$DURIAN" render "$work/long/long.durian" -o "$work/keep.mp4" --quiet 2> "$work/long/err.txt" &
pid=$!
for _ in $(seq 1 600); do
  ls -A "$work" | grep -q '^\.keep\.partial-' && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -TERM "$pid"; wait "$pid"; expect_status 130 $? "a render stopped by SIGTERM"
expect_contains "$(cat "$work/long/err.txt")" "cancelled; nothing was written" "the stop is reported"
[ "$(cat "$work/keep.mp4")" = "precious" ] || fail "SIGTERM replaced the existing file"
[ -z "$(ls -A "$work" | grep partial)" ] || fail "SIGTERM left a temporary: $(ls -A "$work")"
rm -r "$work/long"

# The model makes the frames when weights are given (here: one training step's default model, so the
# frames are not good, but they come through the real pipeline): 8 frames of the demo's motion.
printf '{"stage": "vae", "model": "default", "steps": 1, "batch": 1, "vae_crop": 64, "checkpoint_every": 1}' > "$work/one.json"
"$DURIAN" train "$work/one.json" -o "$work/run" >/dev/null 2>&1 || fail "a one-step training run for weights"
mkdir -p "$work/short"
cp "$SOURCE"/resources/demo/*.png "$work/short/"
sed 's/"frames": 48/"frames": 8/' "$demo" > "$work/short/demo.durian"
out=$("$DURIAN" render "$work/short/demo.durian" -o "$work/model.mp4" --weights "$work/run/model.safetensors" 2>&1)
expect_status 0 $? "render with the model ($out)"
expect_contains "$out" "method    durian (model.safetensors, 20 DDIM steps)" "the model made the frames"
[ "$(ffprobe -v error -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$work/model.mp4")" = "8" ] ||
  fail "the model's clip should have 8 frames"
out=$("$DURIAN" render "$work/short/demo.durian" -o "$work/classic.mp4" --classical 2>&1)
expect_contains "$out" "warp_composite (classical baseline, as asked)" "--classical picks the classical method"
cmp -s "$work/model.mp4" "$work/classic.mp4" && fail "the model's clip equals the classical one"
# With no model chosen, the shipped default model makes the frames (this test runs with DURIAN_MODELS_DIR
# pointing at an empty folder so the 48-frame renders above stay quick; unset, the source tree's is found).
out=$(env -u DURIAN_MODELS_DIR "$DURIAN" render "$work/short/demo.durian" -o "$work/shipped.mp4" 2>&1)
expect_status 0 $? "render with the shipped model ($out)"
expect_contains "$out" "method    durian (default.safetensors, 1 DDIM step)" "the shipped model made the frames"
out=$("$DURIAN" render "$work/short/demo.durian" -o "$work/none.mp4" 2>&1)
expect_contains "$out" "no trained model file was found" "without a model the classical method says why"
out=$("$DURIAN" render "$demo" -o "$work/x.mp4" --weights "$work/none.safetensors" 2>&1); expect_status 1 $? "missing weights"
expect_contains "$out" "none.safetensors" "the missing weights file is named"
echo "render: all checks passed"
