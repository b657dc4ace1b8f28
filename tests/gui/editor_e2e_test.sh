#!/usr/bin/env bash
# Runs the editor's end-to-end window test inside its own virtual X display (Xvfb, Mesa).
set -euo pipefail
TEST="$1"
export QT_QPA_PLATFORM=xcb
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$TEST" "${@:2}"
