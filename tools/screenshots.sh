#!/usr/bin/env sh
# Regenerates the README's screenshots with `kiosk screenshot` from the code as it stands.
# Usage: tools/screenshots.sh [KIOSK_COMMAND]   (default: kiosk on PATH)
# Touch targets are drawn as on the real panels: the 10.1" 1280x800 lobby tablet at 149 ppi and
# the 7" 800x480 door at 133 ppi. The screens and states are ui/render/shots.py's.
set -eu
kiosk="${1:-kiosk}"
out="$(dirname "$0")/../docs/screenshots"
at="2026-11-26T11:20:00+02:00"
mkdir -p "$out"
shot() {
    ppi=149
    case " $* " in *" 800x480 "*) ppi=133 ;; esac
    "$kiosk" screenshot --demo --at "$at" --ppi "$ppi" "$@" >/dev/null
}
for lang in fi sv en; do
    shot --screen lobby --lang "$lang" --out "$out/lobby-$lang.png"
    shot --screen welcome --lang "$lang" --out "$out/welcome-$lang.png"
    shot --screen door --room aurora --lang "$lang" --out "$out/door-$lang.png"
    shot --screen door --room aurora --lang "$lang" --size 800x480 \
        --out "$out/door-$lang-800x480.png"
done
for state in free busy ending-soon event closed offline; do
    shot --screen door --state "$state" --lang fi --out "$out/door-state-$state-fi.png"
done
shot --screen door --state free --lang en --size 800x480 --out "$out/door-state-free-en-800x480.png"
shot --screen door --state offline --lang sv --size 800x480 \
    --out "$out/door-state-offline-sv-800x480.png"
shot --screen walkin --lang sv --out "$out/walkin-sv.png"
shot --screen evacuation --lang fi --out "$out/evacuation-fi.png"
shot --screen evacuation --lang en --size 800x480 --out "$out/evacuation-en-800x480.png"
shot --screen door --state event-soon --lang fi --out "$out/door-state-event-soon-fi.png"
shot --screen door --state event --lang en --size 800x480 --out "$out/door-state-event-en-800x480.png"
shot --screen event --lang fi --out "$out/event-fi.png"
shot --screen event --state welcome-back --lang sv --out "$out/event-welcome-back-sv.png"
shot --screen event --state full --lang en --size 800x480 --out "$out/event-full-en-800x480.png"
shot --screen host-pin --lang en --out "$out/host-pin-en.png"
shot --screen host-panel --lang fi --out "$out/host-panel-fi.png"
shot --screen host-panel --lang sv --size 800x480 --out "$out/host-panel-sv-800x480.png"
shot --screen feedback --lang fi --out "$out/feedback-fi.png"
shot --screen here-today --lang sv --out "$out/here-today-sv.png"
shot --screen host-call --lang en --size 800x480 --out "$out/host-call-en-800x480.png"
shot --screen welcome --state refused --lang sv --out "$out/refused-sv.png"
shot --screen walkin --state still-there --lang fi --out "$out/walkin-still-there-fi.png"
shot --screen walkin --state typing --lang fi --size 800x480 --out "$out/walkin-typing-fi-800x480.png"
shot --screen checkout --lang en --out "$out/checkout-en.png"
shot --screen event --state walkin --lang fi --out "$out/event-walkin-fi.png"
shot --screen host-panel --state title --lang en --out "$out/host-panel-title-en.png"
shot --screen here-today --lang fi --size 800x480 --offline --out "$out/here-today-fi-800x480-offline.png"
# The staff console, from the demo Lab through the in-process service (ui/render/screenshot_console.py).
shot --screen console-today --lang fi --out "$out/console-today-fi.png"
shot --screen console-invite --lang en --out "$out/console-invite-en.png"
shot --screen console-invite-many --lang sv --out "$out/console-invite-many-sv.png"
shot --screen console-events --lang fi --out "$out/console-events-fi.png"
shot --screen console-rooms --lang sv --out "$out/console-rooms-sv.png"
shot --screen console-fleet --lang en --out "$out/console-fleet-en.png"
shot --screen console-report --lang fi --out "$out/console-report-fi.png"
shot --screen console-today --lang en --size 1920x1080 --out "$out/console-today-en-1920x1080.png"
echo "screenshots written to $out"
