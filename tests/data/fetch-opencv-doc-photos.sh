#!/usr/bin/env bash
# Puts facereg.jpg, face_swapped.jpg and messi5.jpg from Debian's opencv-doc into DEST (see photos/README.md).
# Idempotent: nothing is downloaded when they are already there. Always exits 0; the tests that need the
# photos skip with a message when they are missing.
set -uo pipefail
DEST="$1"
FILES=(usr/share/doc/opencv-doc/opencv4/html/facereg.jpg usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg
  usr/share/doc/opencv-doc/examples/data/messi5.jpg)
have_all() { for f in "${FILES[@]}"; do [ -s "$DEST/$(basename "$f")" ] || return 1; done; }
if have_all; then echo "photos: already in $DEST"; exit 0; fi
mkdir -p "$DEST" || exit 0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
deb=""
for candidate in /var/cache/apt/archives/opencv-doc_*.deb; do [ -f "$candidate" ] && deb="$candidate"; done
if [ -z "$deb" ]; then
  if ! (cd "$work" && apt-get download -q opencv-doc >"$work/log" 2>&1); then
    echo "photos: 'apt-get download opencv-doc' failed, tests that need its photos will skip:"; cat "$work/log"; exit 0
  fi
  deb=$(ls "$work"/opencv-doc_*.deb)
fi
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" "${FILES[@]/#/./}" 2>"$work/tarlog"; then
  echo "photos: could not extract the photos from $deb:"; cat "$work/tarlog"; exit 0
fi
for f in "${FILES[@]}"; do cp "$work/$f" "$DEST/"; done
echo "photos: extracted ${#FILES[@]} photos from $(basename "$deb") into $DEST"
