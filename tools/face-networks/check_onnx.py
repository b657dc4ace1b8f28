#!/usr/bin/python3
"""Compares an ONNX file run by OpenCV's dnn with TF.js's outputs (from run_tfjs.mjs) on the same input.

Usage: check_onnx.py MODEL.onnx INPUT.f32 H W C TFJS_PREFIX OUTPUT_NAME...
Prints cosine and largest error per output; exits non-zero unless every cosine is at least 0.9999.
"""
import sys

import cv2
import numpy as np

model, input_path, h, w, c, prefix, *outputs = sys.argv[1:]
h, w, c = int(h), int(w), int(c)
x = np.fromfile(input_path, np.float32).reshape(1, h, w, c).transpose(0, 3, 1, 2).copy()
net = cv2.dnn.readNetFromONNX(model)
net.setInput(x)
ours = net.forward([o.replace("/", "_") for o in outputs])
worst = 1.0
for i, (name, got) in enumerate(zip(outputs, ours)):
    want = np.fromfile(f"{prefix}.{i}.f32", np.float32)
    if got.ndim == 4:  # NCHW back to TF's NHWC
        got = got.transpose(0, 2, 3, 1)
    got = got.reshape(-1)
    cosine = float(np.dot(got, want) / (np.linalg.norm(got) * np.linalg.norm(want) + 1e-12))
    worst = min(worst, cosine)
    print(f"{name}: cosine {cosine:.6f}, largest error {np.abs(got - want).max():.2e} (values up to {np.abs(want).max():.3g})")
sys.exit(0 if worst >= 0.9999 else 1)
