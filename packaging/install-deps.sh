#!/usr/bin/env bash
# Installs every Debian 12 package Durian Studio needs to build, run and test.
# Idempotent and non-interactive; works as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # LibTorch (CPU) and a fast BLAS: without the OpenMP OpenBLAS, matmuls fall back to reference BLAS
  libtorch-dev libopenblas0-openmp libopenblas-openmp-dev
  # gloo's headers, which LibTorch's c10d ProcessGroupGloo (data-parallel training) includes
  libgloo-dev
  # image, face and video libraries
  libopencv-dev libdlib-dev libdlib-data
  # OpenCV's Haar cascades (the eyeglasses cascade of the automatic masks)
  opencv-data
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev libavfilter-dev ffmpeg
  nlohmann-json3-dev
  # Qt 6 and the QML modules the UI imports at run time
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qt6-multimedia-dev qt6-shadertools-dev libxkbcommon-dev libgl-dev libvulkan-dev
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
  qml6-module-qtqml-workerscript qml6-module-qt-labs-folderlistmodel qml6-module-qt-labs-settings qml6-module-qt-labs-platform
  qml6-module-qtmultimedia qml6-module-qttest qml6-module-qtqml-models
  qt6-qpa-plugins
  # Qt's own texts (dialog buttons: "Schließen", "Verwerfen") in the user's language
  qt6-translations-l10n
  # video playback in the preview (QtMultimedia's GStreamer backend)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # tests: GoogleTest, a virtual display with Mesa rendering, screenshots, and xdotool to drive the
  # window by hand under xvfb-run
  libgtest-dev libgmock-dev xvfb xauth x11-utils libgl1-mesa-dri imagemagick fonts-dejavu-core xdotool
  # fuzz targets (libFuzzer) and the sanitizer builds
  clang libclang-rt-14-dev
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
