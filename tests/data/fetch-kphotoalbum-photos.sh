#!/usr/bin/env bash
# Puts kphotoalbum's demo photos and its demo/movie.avi (a 160x120 talking head) into DEST/kphotoalbum (see
# photos/README.md). Idempotent: nothing is downloaded when they are already there. Always exits 0; the tests
# that need them skip with a message when they are missing.
set -uo pipefail
DEST="$1/kphotoalbum"
if [ -s "$DEST/movie.avi" ] && [ -s "$DEST/jesper.jpg" ]; then
  echo "photos: kphotoalbum's demo already in $DEST"; exit 0
fi
mkdir -p "$DEST" || exit 0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
deb=""
for candidate in /var/cache/apt/archives/kphotoalbum_*.deb; do [ -f "$candidate" ] && deb="$candidate"; done
if [ -z "$deb" ]; then
  if ! (cd "$work" && apt-get download -q kphotoalbum >"$work/log" 2>&1); then
    echo "photos: 'apt-get download kphotoalbum' failed, tests that need its photos will skip:"; cat "$work/log"; exit 0
  fi
  deb=$(ls "$work"/kphotoalbum_*.deb)
fi
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" ./usr/share/kphotoalbum/demo 2>"$work/tarlog"; then
  echo "photos: could not extract kphotoalbum's demo from $deb:"; cat "$work/tarlog"; exit 0
fi
cp "$work"/usr/share/kphotoalbum/demo/*.jpg "$work"/usr/share/kphotoalbum/demo/movie.avi "$DEST/"
echo "photos: extracted kphotoalbum's demo photos and movie.avi from $(basename "$deb") into $DEST"
