#!/usr/bin/env bash
# The real `durian encode` and `durian probe`: formats, frame order, audio, and their errors.
set -uo pipefail
DURIAN="$1"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# 12 frames named f1..f12 (not zero-padded: the encoder must order them 1, 2, ... 10, not 1, 10, 2).
mkdir frames
ffmpeg -v error -f lavfi -i testsrc2=size=64x48:rate=12 -frames:v 12 -start_number 1 frames/f%d.png || fail "make frames"
ffmpeg -v error -f lavfi -i sine=frequency=500:duration=4 -f lavfi -i testsrc2=size=32x32:rate=10 -t 4 \
  -c:v libx264 -c:a aac -shortest drive.mp4 || fail "make driving clip"
pixels() { ffmpeg -v error -i "$1" -pix_fmt rgb24 -f framemd5 - | grep -v '^#' | awk -F, '{print $NF}'; }

out=$("$DURIAN" encode frames -o seq --format png); expect_status 0 $? "encode a PNG sequence"
expect_contains "$out" "wrote seq: png, 12 frames, 64x48" "encode reports what it wrote"
[ "$(pixels seq/frame_00010.png)" = "$(pixels frames/f10.png)" ] || fail "frame 10 is f10.png (natural order)"
[ "$(pixels seq/frame_00002.png)" = "$(pixels frames/f2.png)" ] || fail "frame 2 is f2.png (natural order)"

out=$("$DURIAN" encode frames -o clip.mp4 --fps 12 --crf 20 --audio drive.mp4); expect_status 0 $? "encode MP4 with audio"
out=$("$DURIAN" probe clip.mp4 --count); expect_status 0 $? "probe the MP4"
for line in "size      64x48" "fps       12.000" "duration  1.000 s" "frames    12" "codec     h264" \
            "rotation  0" "audio     aac" "decoded   12 frames"; do
  expect_contains "$out" "$line" "probe shows '$line'"
done
expect_contains "$(ffprobe -v error -show_entries stream=codec_name,pix_fmt -of csv=p=0 clip.mp4)" "h264,yuv420p" \
  "ffprobe sees H.264 yuv420p"

"$DURIAN" encode frames -o anim.gif --fps 10 >/dev/null; expect_status 0 $? "encode GIF"
expect_contains "$("$DURIAN" probe anim.gif)" "codec     gif" "GIF probes as gif"
"$DURIAN" encode frames -o clip.out --format webm >/dev/null; expect_status 0 $? "--format overrides the extension"
expect_contains "$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 clip.out)" "vp9" "webm by flag"

# Failures: readable messages, right exit codes, and the existing output untouched.
before=$(md5sum clip.mp4)
err=$("$DURIAN" encode frames -o clip.mp4 --audio nothing.wav 2>&1); expect_status 1 $? "missing audio source"
expect_contains "$err" "Cannot use audio from nothing.wav: no such file" "missing audio source is named"
[ "$(md5sum clip.mp4)" = "$before" ] || fail "a failed export leaves the old file untouched"
[ "$(ls -A | grep -c partial)" -eq 0 ] || fail "no temporary left: $(ls -A)"
err=$("$DURIAN" encode missing -o x.mp4 2>&1); expect_status 1 $? "missing frames directory"
expect_contains "$err" "Frames directory not found: missing" "missing directory is named"
err=$("$DURIAN" encode frames -o x.mkv 2>&1); expect_status 1 $? "unknown extension"
expect_contains "$err" "extension '.mkv'" "unknown extension is named"
err=$("$DURIAN" encode frames -o x.mp4 --format avi 2>&1); expect_status 2 $? "unknown --format"
expect_contains "$err" "usage: durian encode" "usage shown"
err=$("$DURIAN" encode frames 2>&1); expect_status 2 $? "no output"
expect_contains "$err" "missing -o OUT" "missing -o is explained"
err=$("$DURIAN" encode frames -o /nonexistent-dir/x.mp4 2>&1); expect_status 1 $? "unwritable output"
expect_contains "$err" "Cannot write /nonexistent-dir/x.mp4: No such file or directory" "unwritable path is named"
echo "not a video" > notes.mp4
err=$("$DURIAN" probe notes.mp4 2>&1); expect_status 1 $? "probe a non-video"
expect_contains "$err" "Cannot open video notes.mp4: not a video FFmpeg can read" "non-video is explained"
out=$("$DURIAN" --help); expect_contains "$out" "probe VIDEO" "--help lists probe"
expect_contains "$out" "encode FRAMES_DIR -o OUT" "--help lists encode"
echo "video cli: all checks passed"
