#!/usr/bin/env bash
# Regenerates cartpole-lab.classlist (beside this script): the classes the app image's window
# loads from the launch until it has been open 3 s, as the JVM lists them
# (-XX:DumpLoadedClassList). The .deb ships the list and its postinst dumps a class-data-sharing
# archive from it at the installed path (issue 24; README, Packaging). A stale list still works
# (classes it names that no longer exist are skipped), it only shares less: run this after
# changing what the window builds at start, then commit the list.
#
#   src/dist/cds/classlist.sh [APP_IMAGE_DIR]     default: target/dist/cartpole-lab
#
# Needs Xvfb, xdotool and python3-xlib (as src/test/dist/smoke.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../../target/dist/cartpole-lab}
work=$(mktemp -d)
xvfb_pid=; app_pid=
trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$xvfb_pid" ] && kill "$xvfb_pid"; rm -rf "$work"' EXIT
# shellcheck source=../../test/dist/xvfb.sh
. "$here/../../test/dist/xvfb.sh"
start_xvfb "$work"
env -i HOME="$work/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" PATH=/usr/bin:/bin \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classlist" "$image/bin/cartpole-lab" \
    >"$work/log" 2>&1 &
app_pid=$!
wid=
for _ in $(seq 1800); do
  wid=$(xdotool search --onlyvisible --name '^CartPole Lab$' 2>/dev/null | head -1) && [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { echo "no window in 180 s:" >&2; cat "$work/log" >&2; exit 1; }
sleep 3
/usr/bin/python3 - "$wid" <<'PY'
import sys
from Xlib import X, display, protocol
d = display.Display()
w = d.create_resource_object('window', int(sys.argv[1]))
w.send_event(protocol.event.ClientMessage(window=w, client_type=d.intern_atom('WM_PROTOCOLS'),
             data=(32, [d.intern_atom('WM_DELETE_WINDOW'), X.CurrentTime, 0, 0, 0])),
             event_mask=X.NoEventMask)
d.flush()
PY
for _ in $(seq 200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
cp "$work/classlist" "$here/cartpole-lab.classlist"
echo "$here/cartpole-lab.classlist: $(grep -vc '^[#@]' "$here/cartpole-lab.classlist") classes," \
  "$(grep -c '^cartpolelab/' "$here/cartpole-lab.classlist") of them the app's"
