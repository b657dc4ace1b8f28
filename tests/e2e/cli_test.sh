#!/usr/bin/env bash
# The real `durian` CLI: version report, project inspection, and its errors.
set -uo pipefail
DURIAN="$1"; SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

out=$("$DURIAN" --version); expect_status 0 $? "durian --version"
for lib in "durian " "Qt " "LibTorch " "OpenCV " "FFmpeg " "dlib "; do
  expect_contains "$out" "$lib" "--version lists ${lib% }"
done
expect_contains "$out" "threads   $(nproc)" "--version reports one compute thread per core"
out=$("$DURIAN" --threads 1 version); expect_contains "$out" "threads   1" "--threads sets the compute threads"

out=$("$DURIAN" inspect "$SOURCE/resources/demo/demo.durian"); expect_status 0 $? "inspect the demo"
expect_contains "$out" "project   Demo" "inspect names the project"
expect_contains "$out" "motion    preset nod, 48 frames at 24 fps" "inspect shows the motion"

printf '{"format": "durian-project", "version": 1, "name": "x", "portrait": {"image": "gone.png"}}' > "$work/missing.durian"
err=$("$DURIAN" inspect "$work/missing.durian" 2>&1 >/dev/null); expect_status 1 $? "inspect a project with a missing image"
expect_contains "$err" "Portrait image not found: $work/gone.png" "missing image is named"

printf '{"format": "durian-pro' > "$work/truncated.durian"
err=$("$DURIAN" inspect "$work/truncated.durian" 2>&1); expect_status 1 $? "inspect a truncated project"
expect_contains "$err" "not valid JSON" "truncated project is reported"

err=$("$DURIAN" frobnicate 2>&1); expect_status 2 $? "unknown command"
expect_contains "$err" "unknown command 'frobnicate'" "unknown command is named"
err=$("$DURIAN" inspect 2>&1); expect_status 2 $? "inspect without a file"
expect_contains "$err" "usage: durian inspect PROJECT" "usage is shown"
out=$("$DURIAN" --help); expect_status 0 $? "--help"
expect_contains "$out" "inspect PROJECT" "--help lists commands"
out=$("$DURIAN" synth --seed 3 --frames 2 --size 64 --swap hair:9,hat:4 -o "$work/synth"); expect_status 0 $? "synth a sequence"
for f in frame_00001.png mask_hair_00001.png mask_eyeglasses_00000.png keypoints.json; do
  [ -f "$work/synth/$f" ] || fail "synth wrote no $f"
done
expect_contains "$(cat "$work/synth/keypoints.json")" "hair from seed 9" "keypoints.json describes the swap"
err=$("$DURIAN" synth --seed 3 --swap wig:2 -o "$work/x" 2>&1); expect_status 2 $? "synth with a bad swap"
expect_contains "$err" "CATEGORY one of hair, eyeglasses, hat, beard" "bad swap category is explained"
err=$("$DURIAN" synth --seed 3 --size 5 -o "$work/x" 2>&1); expect_status 2 $? "synth with a bad size"
expect_contains "$err" "--size must be a whole number from 16 to 4096" "bad size is explained"
out=$("$DURIAN" synth --sheet --count 4 --size 48 -o "$work/sheet.png"); expect_status 0 $? "synth contact sheet"
[ -f "$work/sheet.png" ] || fail "no contact sheet"
# Every command answers --help with its usage, exit 0; an option no usage names is a typo, exit 2.
for command in $("$DURIAN" --help | awk '/^Commands:/{f=1;next} f && /^  [a-z]/{print $1}' | sort -u); do
  out=$("$DURIAN" "$command" --help 2>&1); expect_status 0 $? "durian $command --help"
  expect_contains "$out" "usage: durian $command" "$command --help prints its usage"
done
err=$("$DURIAN" render "$SOURCE/resources/demo/demo.durian" -o "$work/typo.mp4" --weigths nan.safetensors 2>&1)
expect_status 2 $? "a misspelt option"
expect_contains "$err" "unknown option --weigths" "the misspelt option is named"
[ ! -e "$work/typo.mp4" ] || fail "a misspelt option rendered anyway"
echo "cli: all checks passed"
