#!/usr/bin/env bash
# README command 1: install what is needed, build (Release), and run the main job.
# With a display: opens the editor on the bundled demo project.
# Without one (or with --headless): renders the demo project to a video with the CLI and prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."

headless=0
if [ "${1:-}" = "--headless" ] || [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  headless=1
fi

bash packaging/install-deps.sh
cmake --preset release
cmake --build --preset release --target durian-studio durian

if [ "$headless" -eq 0 ]; then
  exec build/release/app/durian-studio resources/demo/demo.durian
fi
mkdir -p build/demo
build/release/app/durian render resources/demo/demo.durian -o "$PWD/build/demo/demo.mp4"
