#!/usr/bin/env bash
# `durian render` with the Export dialog's options (--fps, --size, --quality, --no-audio), audio from a
# driving video, and bad input: a corrupt project, a driving video without a face, a full disk.
set -uo pipefail
DURIAN="$1"; SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
demo="$SOURCE/resources/demo/demo.durian"
probe() { ffprobe -v error -select_streams v:0 -count_frames \
  -show_entries stream=codec_name,width,height,r_frame_rate,nb_read_frames -of default=nw=1 "$1"; }

# 1. Frame rate and size: 48 frames at 24 fps become 24 frames at 12 fps (same 2 s), 128 x 128.
"$DURIAN" render "$demo" -o "$work/small.mp4" --fps 12 --size 128 --quality low --quiet >/dev/null
expect_status 0 $? "render with --fps 12 --size 128"
p=$(probe "$work/small.mp4")
for f in codec_name=h264 width=128 height=128 r_frame_rate=12/1 nb_read_frames=24; do expect_contains "$p" "$f" "small MP4"; done
"$DURIAN" render "$demo" -o "$work/small.gif" --fps 12 --size 128 --quiet >/dev/null; expect_status 0 $? "GIF with options"
p=$(probe "$work/small.gif")
for f in codec_name=gif width=128 height=128 nb_read_frames=24; do expect_contains "$p" "$f" "small GIF"; done
"$DURIAN" render "$demo" -o "$work/frames" --size 64 --quiet >/dev/null; expect_status 0 $? "PNG sequence"
[ "$(ls "$work/frames" | wc -l)" = 48 ] || fail "PNG sequence: $(ls "$work/frames" | wc -l) files, expected 48"
[ "$(identify -format '%wx%h' "$work/frames/frame_00001.png")" = 64x64 ] || fail "PNG frames are not 64x64"

# 2. Quality: low makes a smaller MP4 than high, same frames.
"$DURIAN" render "$demo" -o "$work/high.mp4" --fps 12 --size 128 --quality high --quiet >/dev/null
[ "$(stat -c %s "$work/small.mp4")" -lt "$(stat -c %s "$work/high.mp4")" ] \
  || fail "low quality ($(stat -c %s "$work/small.mp4") B) is not smaller than high ($(stat -c %s "$work/high.mp4") B)"
err=$("$DURIAN" render "$demo" -o "$work/x.mp4" --quality best 2>&1); expect_status 2 $? "unknown quality"
expect_contains "$err" "--quality must be high, medium or low" "unknown quality is explained"

# 3. Audio from the driving video (a still of the portrait with a tone): on by default, off with --no-audio.
ffmpeg -v error -loop 1 -i "$SOURCE/resources/demo/portrait.png" -f lavfi -i "sine=frequency=440:duration=2" \
  -t 2 -r 24 -pix_fmt yuv420p -c:v libx264 -c:a aac -shortest "$work/driver.mp4" || fail "cannot make the driving video"
cp "$SOURCE"/resources/demo/*.png "$work/"
sed -e 's|"drivingVideo": ""|"drivingVideo": "driver.mp4"|' -e 's|"frames": 48|"frames": 24|' "$demo" > "$work/video.durian"
"$DURIAN" render "$work/video.durian" -o "$work/sound.mp4" --quiet >/dev/null; expect_status 0 $? "render with a driving video"
streams=$(ffprobe -v error -show_entries stream=codec_type,codec_name -of csv=p=0 "$work/sound.mp4")
expect_contains "$streams" "aac,audio" "the driving video's sound is carried over"
# A driving video shorter than the clip (2 s = 48 frames, 60 asked for) is refused, not rendered short.
sed -e 's|"drivingVideo": ""|"drivingVideo": "driver.mp4"|' -e 's|"frames": 48|"frames": 60|' "$demo" > "$work/long.durian"
err=$("$DURIAN" render "$work/long.durian" -o "$work/long.mp4" 2>&1); expect_status 1 $? "a driving video shorter than the clip"
expect_contains "$err" "has 48 frames, but the project asks for 60" "the shortfall is explained"
[ ! -e "$work/long.mp4" ] || fail "a short clip was written anyway"
rm "$work/long.durian"
"$DURIAN" render "$work/video.durian" -o "$work/mute.mp4" --no-audio --quiet >/dev/null
streams=$(ffprobe -v error -show_entries stream=codec_type -of csv=p=0 "$work/mute.mp4")
grep -q audio <<<"$streams" && fail "--no-audio still wrote an audio stream"

# 4. Bad input: clear messages, and nothing earlier lost.
echo "precious" > "$work/keep.mp4"
printf '{"format": "durian-pro' > "$work/corrupt.durian"
err=$("$DURIAN" render "$work/corrupt.durian" -o "$work/keep.mp4" 2>&1); expect_status 1 $? "corrupt project"
expect_contains "$err" "corrupt.durian: not valid JSON (damaged at byte" "the corrupt project is named"
ffmpeg -v error -f lavfi -i "color=c=skyblue:s=256x256:d=1" -r 24 -pix_fmt yuv420p "$work/sky.mp4"
sed 's|"drivingVideo": ""|"drivingVideo": "sky.mp4"|' "$demo" > "$work/sky.durian"
err=$("$DURIAN" render "$work/sky.durian" -o "$work/keep.mp4" 2>&1); expect_status 1 $? "driving video without a face"
expect_contains "$err" "No face was found in any of the" "a faceless driving video is explained"
expect_contains "$err" "sky.mp4" "the faceless driving video is named"
# A full disk, simulated by a file-size limit (EFBIG instead of ENOSPC; the write path is the same).
err=$(trap '' XFSZ; ulimit -f 16; "$DURIAN" render "$demo" -o "$work/keep.mp4" 2>&1); status=$?
expect_status 1 $status "render onto a full disk"
expect_contains "$err" "keep.mp4" "the full-disk failure names the output"
[ "$(cat "$work/keep.mp4")" = "precious" ] || fail "a failed render replaced an earlier export"
leftovers=$(ls -A "$work" | grep -v -E '^(small.mp4|small.gif|frames|high.mp4|driver.mp4|.*\.png|video.durian|sound.mp4|mute.mp4|keep.mp4|corrupt.durian|sky.mp4|sky.durian)$')
[ -z "$leftovers" ] || fail "left-over files: $leftovers"

# 5. An interpolation pair in the classical export: alpha 0 is hair A alone, 1 is hair B alone, and 0.5
# lies between them (B is the other end of A's blend, not a second hair drawn over it).
mkdir -p "$work/pair"
cp "$SOURCE"/resources/demo/*.png "$work/pair/"
for a in 0 0.5 1; do
  sed -e "s/\"alpha\": 0.5/\"alpha\": $a/" -e 's/"frames": 48/"frames": 2/' \
    "$SOURCE/resources/demo/interpolation.durian" > "$work/pair/a$a.durian"
  "$DURIAN" render "$work/pair/a$a.durian" -o "$work/pair/out${a/./-}" --quiet >/dev/null || fail "render alpha $a"
done
f=frame_00001.png
convert "$work/pair/out0/$f" "$work/pair/out1/$f" -evaluate-sequence mean "$work/pair/mean.png"
ends=$(compare -metric MAE "$work/pair/out0/$f" "$work/pair/out1/$f" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
middle=$(compare -metric MAE "$work/pair/out0-5/$f" "$work/pair/mean.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
awk -v e="$ends" 'BEGIN { exit !(e > 0.01) }' || fail "hair A and hair B render alike (MAE $ends)"
awk -v m="$middle" -v e="$ends" 'BEGIN { exit !(m < e / 10) }' || fail "alpha 0.5 is not between A and B (MAE $middle vs $ends)"
echo "export: all checks passed ($err)"
