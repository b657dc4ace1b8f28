#!/usr/bin/env bash
# `durian identity` on real photos (one person against himself and against someone else, and bad input), and
# `durian eval-landmarks` on dlib's example faces.
set -uo pipefail
DURIAN="$1"; SOURCE="$2"; PHOTOS="$3"; MEASURE="$4"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
JOHNS="$PHOTOS/dlib/johns"
[ -s "$MEASURE/faceres.onnx" ] || fail "$MEASURE/faceres.onnx is missing (ctest's data.FetchMeasureNetworks makes it)"
[ -d "$JOHNS/John_Simm" ] || fail "dlib's johns are missing from $PHOTOS (ctest's data.FetchDlibPhotos fetches them)"
export DURIAN_MEASURE_NETWORKS_DIR="$MEASURE"
similarity() { awk '/identity similarity/ {print $NF}' <<<"$1"; }

simm=("$JOHNS"/John_Simm/*.jpg)
savage=("$JOHNS"/John_Savage/*.jpg)
out=$("$DURIAN" identity "${simm[0]}" "${simm[1]}"); expect_status 0 $? "identity of two photos of John Simm"
same=$(similarity "$out")
out=$("$DURIAN" identity "${simm[0]}" "${savage[0]}"); expect_status 0 $? "identity of John Simm and John Savage"
different=$(similarity "$out")
echo "identity: John Simm against himself $same, against John Savage $different"
awk -v s="$same" -v d="$different" 'BEGIN { exit !(s > 0.6 && d < 0.55 && s > d + 0.15) }' ||
  fail "same person $same, different people $different"
out=$("$DURIAN" identity "$SOURCE/tests/data/photos/astronaut.png" "$SOURCE/tests/data/photos/astronaut.png")
expect_status 0 $? "identity of a photo with itself"
awk -v s="$(similarity "$out")" 'BEGIN { exit !(s > 0.999) }' || fail "a photo against itself: $(similarity "$out")"

# Bad input: a photo without a face, a missing file, the wrong number of images, no network.
convert -size 200x200 xc:gray "$work/blank.png"
out=$("$DURIAN" identity "$work/blank.png" "${simm[0]}" 2>&1); expect_status 1 $? "a photo without a face"
expect_contains "$out" "No face found in $work/blank.png" "the faceless photo is named"
out=$("$DURIAN" identity "$work/missing.png" "${simm[0]}" 2>&1); expect_status 1 $? "a missing photo"
expect_contains "$out" "missing.png" "the missing photo is named"
out=$("$DURIAN" identity "${simm[0]}" 2>&1); expect_status 2 $? "one image"
out=$("$DURIAN" identity "${simm[0]}" "${simm[1]}" --netwrok x 2>&1); expect_status 2 $? "a misspelt option"
out=$("$DURIAN" identity "${simm[0]}" "${simm[1]}" --network "$work/none.onnx" 2>&1); expect_status 1 $? "no network"
expect_contains "$out" "$work/none.onnx is missing" "the missing network is named"
expect_contains "$out" "install-measure-networks.sh" "the missing network says how to make it"
out=$("$DURIAN" identity --help); expect_status 0 $? "identity --help"

# The landmarks against dlib's examples/faces file: every face found, a few percent of the eye distance off.
out=$("$DURIAN" eval-landmarks "$PHOTOS/dlib/faces/testing_with_face_landmarks.xml"); expect_status 0 $? "eval-landmarks"
echo "$out" | tail -1
expect_contains "$out" "25 faces, 25 detected" "every face of the file is found"
awk '/mean error/ {e = $(NF-5); sub(",", "", e); exit !(e + 0 < 0.06)}' <<<"$out" || fail "landmark error too large: $out"
out=$("$DURIAN" eval-landmarks "$work/none.xml" 2>&1); expect_status 1 $? "eval-landmarks on a missing file"
expect_contains "$out" "none.xml" "the missing file is named"
echo "identity CLI: all checks passed"
