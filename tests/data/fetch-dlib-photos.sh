#!/usr/bin/env bash
# Puts libdlib19.1's example photos into DEST/dlib (see photos/README.md): examples/faces (with the hand-placed
# landmarks of testing_with_face_landmarks.xml) and examples/johns (55 face crops of 5 people).
# Idempotent: nothing is downloaded when they are already there. Always exits 0; the tests that need the
# photos skip with a message when they are missing.
set -uo pipefail
DEST="$1/dlib"
if [ -s "$DEST/faces/testing_with_face_landmarks.xml" ] && [ -d "$DEST/johns/John_Simm" ]; then
  echo "photos: dlib's examples already in $DEST"; exit 0
fi
mkdir -p "$DEST" || exit 0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
deb=""
for candidate in /var/cache/apt/archives/libdlib19.1_*.deb; do [ -f "$candidate" ] && deb="$candidate"; done
if [ -z "$deb" ]; then
  if ! (cd "$work" && apt-get download -q libdlib19.1 >"$work/log" 2>&1); then
    echo "photos: 'apt-get download libdlib19.1' failed, tests that need its photos will skip:"; cat "$work/log"; exit 0
  fi
  deb=$(ls "$work"/libdlib19.1_*.deb)
fi
examples=./usr/share/doc/libdlib19.1/examples
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" "$examples/faces" "$examples/johns" 2>"$work/tarlog"; then
  echo "photos: could not extract dlib's example photos from $deb:"; cat "$work/tarlog"; exit 0
fi
rm -rf "$DEST/faces" "$DEST/johns"
cp -r "$work/$examples/faces" "$work/$examples/johns" "$DEST/"
echo "photos: extracted dlib's examples/faces and examples/johns from $(basename "$deb") into $DEST"
