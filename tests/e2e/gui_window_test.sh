#!/usr/bin/env bash
# The real `durian-studio` window on a virtual X display (Xvfb, Mesa): it opens on the demo project,
# shows a titled top-level window, draws something, and saves a screenshot of itself.
set -uo pipefail
STUDIO="$1"; SOURCE="$2"
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

if [ -z "${DISPLAY_WRAPPED:-}" ]; then
  # Re-run this script inside its own X server.
  DISPLAY_WRAPPED=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
export QT_QPA_PLATFORM=xcb

# 1. A real top-level window appears with the project's name in its title.
"$STUDIO" "$SOURCE/resources/demo/demo.durian" > "$work/app.log" 2>&1 &
app=$!
title=""
for _ in $(seq 1 60); do
  title=$(xwininfo -root -tree 2>/dev/null | grep -o '"Demo — Durian Studio"' | head -1)
  [ -n "$title" ] && break
  kill -0 $app 2>/dev/null || fail "durian-studio exited early: $(cat "$work/app.log")"
  sleep 0.5
done
[ -n "$title" ] || fail "no window titled 'Demo — Durian Studio' (log: $(cat "$work/app.log"))"
sleep 1
import -window root "$work/screen.png" || fail "cannot capture the X display"
kill $app; wait $app 2>/dev/null
# The screen is not blank: the window drew panels, text and the portrait.
spread=$(convert "$work/screen.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the display looks blank (std dev $spread)"

# 2. --screenshot renders the window to a PNG of the window's size.
out=$("$STUDIO" "$SOURCE/resources/demo/demo.durian" --screenshot "$work/window.png" 2>"$work/shot.log")
expect_status 0 $? "durian-studio --screenshot ($(cat "$work/shot.log"))"
expect_contains "$out" "$work/window.png" "--screenshot prints the path it wrote"
size=$(identify -format '%wx%h' "$work/window.png")
[ "$size" = "1280x800" ] || fail "screenshot is $size, expected the 1280x800 window"
# The portrait panel shows the demo portrait: the astronaut photo has saturated colours (red, blue)
# that the grey interface does not.
colourful=$(convert "$work/window.png" -colorspace HSL -channel G -separate -format '%[fx:maxima]' info:)
awk -v s="$colourful" 'BEGIN { exit !(s > 0.5) }' || fail "no saturated pixels: the portrait is not shown"

# 3. A project that cannot be read still opens the window (with an error), it does not crash.
printf '{"format": "durian-pro' > "$work/broken.durian"
"$STUDIO" "$work/broken.durian" --screenshot "$work/broken.png" >/dev/null 2>&1
expect_status 0 $? "durian-studio with a broken project"
echo "gui: all checks passed"
