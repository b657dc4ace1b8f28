#!/usr/bin/env bash
# make-photo-set.sh train|bench DEST: the real photos of the trainer's `photos` source (train) or of
# `durian eval --photos` (bench), from Debian packages (tests/data/fetch-deb-data.sh), as one flat folder of
# links. The two sets share no photo and no person: train is kphotoalbum's demo and libdlib19.1's
# examples/johns (55 face crops of 5 people); bench is opencv-doc's photos, libdlib19.1's examples/faces and
# python3-skimage's astronaut (committed).
set -euo pipefail
SET="${1:?train or bench}"; DEST="${2:?destination folder}"
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$HERE/../.."
FETCH="$ROOT/tests/data/fetch-deb-data.sh"
CACHE="$DEST/.packages"
mkdir -p "$DEST" "$CACHE"
link() { ln -sf "$(realpath "$1")" "$DEST/$2"; }
case "$SET" in
  train)
    bash "$FETCH" kphotoalbum "$CACHE/kphotoalbum" usr/share/kphotoalbum/demo
    bash "$FETCH" libdlib19.1 "$CACHE/dlib" usr/share/doc/libdlib19.1/examples/johns
    for f in "$CACHE"/kphotoalbum/demo/*.jpg; do link "$f" "kphotoalbum_$(basename "$f")"; done
    for f in "$CACHE"/dlib/johns/*/*.jpg; do link "$f" "$(basename "$(dirname "$f")")_$(basename "$f")"; done
    ;;
  bench)
    bash "$FETCH" opencv-doc "$CACHE/opencv" usr/share/doc/opencv-doc/opencv4/html/facereg.jpg \
      usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg usr/share/doc/opencv-doc/examples/data/messi5.jpg
    bash "$FETCH" libdlib19.1 "$CACHE/dlib" usr/share/doc/libdlib19.1/examples/faces
    for f in "$CACHE"/opencv/*.jpg "$CACHE"/dlib/faces/*.jpg; do link "$f" "$(basename "$f")"; done
    link "$ROOT/tests/data/photos/astronaut.png" astronaut.png
    ;;
  *) echo "make-photo-set.sh: the set is 'train' or 'bench', not '$SET'" >&2; exit 2 ;;
esac
n=$(find "$DEST" -maxdepth 1 -type l | wc -l)
[ "$n" -gt 0 ] || { echo "make-photo-set.sh: no photos could be fetched into $DEST" >&2; exit 1; }
echo "$n photos in $DEST"
