#!/usr/bin/env bash
# Runs the editor's end-to-end test (EditorEndToEndTest) in its own virtual X display: VideoOutput
# draws nothing on the offscreen platform, so playback is checked on xcb with Mesa.
set -uo pipefail
TEST="$1"; shift
if [ -z "${DISPLAY_WRAPPED:-}" ]; then
  DISPLAY_WRAPPED=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$TEST" "$@"
fi
export QT_QPA_PLATFORM=xcb
exec "$TEST" "$@"
