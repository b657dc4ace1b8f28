#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 system (a debootstrap chroot) and starts what it
# installed: the CLI's help, a classical render of the bundled demo to MP4, and the editor's window on a
# virtual display, screenshotted after its first preview. This is how we know the package's Depends are
# complete. Needs root and Debian's package archive; takes a few minutes (not part of CI).
#
#   sudo packaging/test-deb-in-chroot.sh build/release/durian-studio_*.deb [CHROOT_DIR]
#
# CHROOT_DIR (default: a new temporary folder) is reused when it already holds a system, and kept.
set -euo pipefail
deb=$(realpath "$1")
root=${2:-$(mktemp -d /tmp/durian-deb-chroot.XXXXXX)}
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap > /dev/null || apt-get install -y debootstrap

if [ ! -x "$root/bin/bash" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
cp "$deb" "$root/tmp/durian-studio.deb"

in_root() { chroot "$root" env HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y /tmp/durian-studio.deb xvfb xauth

in_root durian --help > /dev/null
in_root durian render /usr/share/durian-studio/demo/demo.durian --classical -o /tmp/demo.mp4
[ -s "$root/tmp/demo.mp4" ] || { echo "the render wrote no video" >&2; exit 1; }
in_root xvfb-run -a -s "-screen 0 1600x1000x24" durian-studio --screenshot /tmp/window.png --screenshot-delay 20000
[ -s "$root/tmp/window.png" ] || { echo "the editor saved no screenshot" >&2; exit 1; }
echo "installed and started in $root: $root/tmp/demo.mp4, $root/tmp/window.png"
