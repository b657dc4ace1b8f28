#!/usr/bin/env bash
# fetch-deb-data.sh PACKAGE DEST PATH...: copies each PATH of the Debian package PACKAGE (a file or a folder,
# as the package installs it, e.g. usr/share/doc/opencv-doc/examples/data/messi5.jpg) into DEST under its
# base name, with `apt-get download` and `dpkg-deb`, without installing the package (see photos/README.md).
# Idempotent: nothing is downloaded when every PATH is already there. Always exits 0; the tests that need
# the files skip or fail with a message naming the fixture when they are missing.
set -uo pipefail
PACKAGE="$1"; DEST="$2"; shift 2
have_all() { for p in "$@"; do [ -e "$DEST/$(basename "$p")" ] || return 1; done; }
if have_all "$@"; then echo "$PACKAGE: already in $DEST"; exit 0; fi
mkdir -p "$DEST" || exit 0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
deb=""
for candidate in /var/cache/apt/archives/"${PACKAGE}"_*.deb; do [ -f "$candidate" ] && deb="$candidate"; done
if [ -z "$deb" ]; then
  if ! (cd "$work" && apt-get download -q "$PACKAGE" >"$work/log" 2>&1); then
    echo "$PACKAGE: 'apt-get download $PACKAGE' failed, tests that need its files will skip:"; cat "$work/log"; exit 0
  fi
  deb=$(ls "$work"/"${PACKAGE}"_*.deb)
fi
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" "${@/#/./}" 2>"$work/tarlog"; then
  echo "$PACKAGE: could not extract $* from $deb:"; cat "$work/tarlog"; exit 0
fi
for p in "$@"; do rm -rf "${DEST:?}/$(basename "$p")"; cp -r "$work/$p" "$DEST/"; done
echo "$PACKAGE: extracted $# paths from $(basename "$deb") into $DEST"
