#!/usr/bin/env bash
# Smoke test of the Linux app image that `./mvnw -Pdist package` builds (target/dist/).
#
# Runs the launcher as a user who has no Java: environment emptied (no JAVA_HOME) and
# PATH=/nonexistent (no java, nor anything else, to find). Checks --version, train (CSV, PNG,
# checkpoint), eval of that checkpoint, bench, a bad flag; then, under a virtual X server,
# opens the window, closes it as a window manager does (WM_DELETE_WINDOW) and checks that the
# process ends. One line per check; exits non-zero if any check failed.
#
#   src/test/dist/smoke.sh [APP_IMAGE_DIR]      default: target/dist/cartpole-lab
#   SMOKE_COMPARE_JAR=5 src/test/dist/smoke.sh  also times the window, 5 times each, of the
#                                               app image and of java -jar target/cartpole-lab.jar
#
# The window part needs Xvfb, xdotool and python3-xlib (.ci/run installs them). Without them
# it is skipped with the reason, except in CI or as root, where it fails.
set -uo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
image=${1:-$root/target/dist/cartpole-lab}
launcher=$image/bin/cartpole-lab
work=$(mktemp -d)
xvfb_pid=
app_pid=
passed=0
failed=0
skipped=0

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "PASS  $*"; passed=$((passed + 1)); }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }
skip() { echo "SKIP  $*"; skipped=$((skipped + 1)); }

# The launcher with nothing from this machine's Java: no JAVA_HOME, no java on PATH.
mkdir -p "$work/home" "$work/run"
bare() {
  (cd "$work/run" && env -i HOME="$work/home" LANG=C.UTF-8 PATH=/nonexistent ${DISPLAY:+DISPLAY=$DISPLAY} "$@")
}

if [ ! -x "$launcher" ]; then
  fail "app image: no launcher at $launcher (build it: ./mvnw -Pdist -DskipTests package)"
  echo "smoke: $passed passed, $failed failed"
  exit 1
fi
echo "app image: $image ($(du -sh "$image" | cut -f1))"
if bare /bin/sh -c 'command -v java' >/dev/null 2>&1; then
  fail "environment: java is reachable on the test PATH"
else
  pass "environment: no JAVA_HOME, no java on PATH"
fi

# --- --version --------------------------------------------------------------------------
out=$(bare "$launcher" --version 2>&1); code=$?
echo "$out" | sed 's/^/      /'
if [ $code -eq 0 ] && grep -q '^CartPole Lab [0-9]' <<<"$out" \
    && grep -q "^Java .* in $image/lib/runtime\$" <<<"$out" \
    && grep -q '^JavaFX [0-9][0-9.+]* (modules of the Java runtime)$' <<<"$out"; then
  pass "--version: app version, the image's own Java runtime, JavaFX from its modules"
else
  fail "--version (exit $code)"
fi

# --- train -------------------------------------------------------------------------------
out=$(bare "$launcher" train --episodes 20 --csv x.csv --png x.png --checkpoint x.cplb 2>&1)
code=$?
lines=$( [ -f "$work/run/x.csv" ] && wc -l <"$work/run/x.csv" || echo 0)
magic=$( [ -f "$work/run/x.png" ] && head -c 8 "$work/run/x.png" | od -An -tx1 | tr -d ' \n')
if [ $code -eq 0 ] && [ "$lines" -eq 21 ] && head -1 "$work/run/x.csv" | grep -q '^episode,episode/reward,'; then
  pass "train --episodes 20 --csv x.csv: exit 0, header and 20 rows"
else
  fail "train --csv (exit $code, $lines lines): $out"
fi
if [ "$magic" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$work/run/x.png")" -gt 1000 ] \
    && file "$work/run/x.png" 2>/dev/null | grep -q 'PNG image data, [0-9]* x [0-9]*'; then
  pass "train --png x.png: a PNG, $(file -b "$work/run/x.png" | cut -d, -f2 | tr -d ' '), $(stat -c %s "$work/run/x.png") bytes"
elif [ "$magic" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$work/run/x.png")" -gt 1000 ]; then
  pass "train --png x.png: PNG signature, $(stat -c %s "$work/run/x.png") bytes"
else
  fail "train --png (signature '$magic')"
fi

# --- eval of the checkpoint ----------------------------------------------------------------
out=$(bare "$launcher" eval --checkpoint x.cplb --episodes 5 2>&1); code=$?
if [ $code -eq 0 ] && grep -q 'greedy policy over 5 episodes: mean' <<<"$out"; then
  pass "eval --checkpoint x.cplb: $(tail -1 <<<"$out")"
else
  fail "eval (exit $code): $out"
fi

# --- bench, and a bad flag naming the command as typed ----------------------------------------
out=$(bare "$launcher" bench --steps 20000 --warmup 1000 --hidden 32 --trainer-episodes 10 2>&1)
code=$?
if [ $code -eq 0 ] && grep -q 'TrainingRun loop' <<<"$out"; then
  pass "bench: exit 0, all figures"
else
  fail "bench (exit $code): $out"
fi
out=$(bare "$launcher" train --lr 5 2>&1); code=$?
if [ $code -eq 2 ] && grep -qx "Try 'cartpole-lab train --help'." <<<"$out"; then
  pass "train --lr 5: exit 2, hint names 'cartpole-lab train --help'"
else
  fail "bad flag (exit $code): $out"
fi

# UTF-8 file names under LANG=C: the launcher restarts itself under C.UTF-8 (issue 23)
name="$work/run/$(printf 'caf\303\251').csv"
out=$(cd "$work/run" && env -i HOME="$work/home" LC_ALL=C LANG=C PATH=/nonexistent \
    "$launcher" train --episodes 3 --quiet --csv "$name" 2>&1); code=$?
if [ $code -eq 0 ] && [ -f "$name" ] && ! grep -q '?' <<<"$out"; then
  pass "LC_ALL=C: train --csv café.csv writes it, output plain ASCII"
else
  fail "LC_ALL=C and a UTF-8 file name (exit $code): $out"
fi

# --- the archive and the .deb beside the image ---------------------------------------------------
dist=$(dirname "$image")
archive=$(ls "$dist"/cartpole-lab-*-linux-*.tar.gz 2>/dev/null | head -1)
if [ -n "$archive" ] && mkdir -p "$work/unpacked" && tar -xzf "$archive" -C "$work/unpacked" \
    && out=$(bare "$work/unpacked/cartpole-lab/bin/cartpole-lab" --version 2>&1) \
    && grep -q "in $work/unpacked/cartpole-lab/lib/runtime\$" <<<"$out"; then
  pass "archive $(basename "$archive") ($(du -h "$archive" | cut -f1)): unpacked elsewhere, it runs"
else
  fail "archive: ${archive:-no cartpole-lab-*-linux-*.tar.gz in $dist}"
fi
deb=$(ls "$dist"/cartpole-lab_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ] && command -v dpkg-deb >/dev/null; then
  info=$(dpkg-deb -I "$deb"); files=$(dpkg-deb -c "$deb")
  mkdir -p "$work/debctl" && dpkg-deb -e "$deb" "$work/debctl"
  if grep -q '^ Depends: .*libgtk-3-0' <<<"$info" \
      && grep -q '\./opt/cartpole-lab/bin/cartpole-lab$' <<<"$files" \
      && grep -q 'ln -sf /opt/cartpole-lab/bin/cartpole-lab /usr/bin/cartpole-lab' "$work/debctl/postinst"; then
    pass "deb $(basename "$deb") ($(du -h "$deb" | cut -f1), installed $(grep -o 'Installed-Size: [0-9]*' <<<"$info" | cut -d' ' -f2) KiB): /opt/cartpole-lab, /usr/bin/cartpole-lab, depends on GTK 3"
  else
    fail "deb $deb: contents or control"
  fi
else
  fail "deb: ${deb:-no cartpole-lab_*.deb in $dist}"
fi
# class-data sharing (issue 24): the postinst's dump, done at the package's own files unpacked
# here, gives an archive the JVM maps (-Xshare:on fails if it cannot) with the app's classes
if [ -n "$deb" ] && command -v dpkg-deb >/dev/null; then
  opt=$work/deb-x/opt/cartpole-lab
  mkdir -p "$work/deb-x" && dpkg-deb -x "$deb" "$work/deb-x"
  dump=$(sed -n 's|.*\(-XX:SharedClassListFile=\)/opt/cartpole-lab/\([^"]*\)".*|\1'"$opt"'/\2|p' "$work/debctl/postinst")
  bare /usr/bin/env JAVA_TOOL_OPTIONS="-Xshare:dump $dump" "$opt/bin/cartpole-lab" >/dev/null 2>&1
  out=$(bare /usr/bin/env JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load" "$opt/bin/cartpole-lab" --version 2>&1)
  code=$?
  if [ -n "$dump" ] && [ $code -eq 0 ] && [ -f "$opt/lib/app/cartpole-lab.jsa" ] \
      && grep -q 'cartpolelab.Launcher source: shared objects file' <<<"$out"; then
    pass "deb: postinst's class-data archive ($(du -h "$opt/lib/app/cartpole-lab.jsa" | cut -f1)) is used at the installed path"
  else
    fail "deb: class-data archive not made or not used (exit $code): $(grep -v 'class,load' <<<"$out" | head -5)"
  fi
fi

# --- the window ---------------------------------------------------------------------------
# Starts one Xvfb; window_cycle CMD... opens the window, reports the time until it is mapped,
# closes it with WM_DELETE_WINDOW (the close button of a window manager) and waits for the exit.
close_window() {
  /usr/bin/python3 - "$1" <<'EOF'
import sys
from Xlib import X, display, protocol
d = display.Display()
w = d.create_resource_object('window', int(sys.argv[1]))
msg = protocol.event.ClientMessage(window=w, client_type=d.intern_atom('WM_PROTOCOLS'),
                                   data=(32, [d.intern_atom('WM_DELETE_WINDOW'), X.CurrentTime, 0, 0, 0]))
w.send_event(msg, event_mask=X.NoEventMask)
d.flush()
EOF
}

window_cycle() {  # label, command...
  local label=$1; shift
  local log=$work/window-$RANDOM.log start end wid ms
  start=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  app_pid=$!
  # polled every 20 ms (xdotool's own --sync polls every 500 ms, too coarse to time)
  wid=
  while [ -z "$wid" ] && [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 90 ]; do
    wid=$(xdotool search --onlyvisible --name '^CartPole Lab$' 2>/dev/null | head -1)
    [ -n "$wid" ] || sleep 0.02
  done
  end=$(date +%s%N)
  if [ -z "$wid" ]; then
    fail "$label: no window within 90 s; its output:"; sed 's/^/      /' "$log"
    kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=
    return
  fi
  ms=$(( (end - start) / 1000000 ))
  pass "$label: window 'CartPole Lab' mapped ${ms} ms after launch"
  echo "$ms" >>"$work/times-$label"
  sleep 2
  close_window "$wid"
  local waited=0
  while kill -0 "$app_pid" 2>/dev/null && [ $waited -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$app_pid" 2>/dev/null; then
    fail "$label: still running 20 s after its window was closed"
    kill "$app_pid" 2>/dev/null
  else
    wait "$app_pid"; local code=$?
    if [ $code -eq 0 ]; then
      pass "$label: closing the window ended the process (exit 0)"
    else
      fail "$label: exit $code after closing the window"; sed 's/^/      /' "$log"
    fi
  fi
  app_pid=
  if grep -q 'Unsupported JavaFX configuration' "$log"; then
    echo "      (prints: $(grep -m1 'Unsupported JavaFX configuration' "$log"))"
    [ "$label" = "app image" ] && fail "$label: JavaFX warned 'Unsupported JavaFX configuration'"
  elif [ "$label" = "app image" ]; then
    pass "$label: no 'Unsupported JavaFX configuration' warning"
  fi
}

missing=
command -v Xvfb >/dev/null || missing="$missing xvfb"
command -v xdotool >/dev/null || missing="$missing xdotool"
/usr/bin/python3 -c 'import Xlib' 2>/dev/null || missing="$missing python3-xlib"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = true ] || [ "$(id -u)" = 0 ]; then
    fail "window: missing$missing (apt-get install xvfb xdotool python3-xlib libgtk-3-0)"
  else
    skip "window: missing$missing and not root to install them"
  fi
else
  # shellcheck source=xvfb.sh
  . "$root/src/test/dist/xvfb.sh"
  start_xvfb "$work" 1280x1024x24
  echo "Xvfb on $DISPLAY"
  window_cycle "app image" bare "$launcher"
  if [ "${SMOKE_COMPARE_JAR:-0}" -gt 0 ]; then
    # Timing, in one sitting: the app image against java -jar (this machine's JDK), alternating.
    jar=$root/target/cartpole-lab.jar
    rm -f "$work/times-app image"
    for _ in $(seq "$SMOKE_COMPARE_JAR"); do
      # both with a usual PATH: the launcher of JDK 17's jpackage asks dpkg and rpm whether
      # a package installed it, which a PATH without them skips
      window_cycle "app image" env -i HOME="$work/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" \
        PATH=/usr/bin:/bin "$launcher"
      window_cycle "java -jar" env -i HOME="$work/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" \
        PATH=/usr/bin:/bin java -jar "$jar"
    done
    for label in "app image" "java -jar"; do
      echo "launch to window, $label (ms): $(tr '\n' ' ' <"$work/times-$label")"
    done
  fi
fi

echo "smoke: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ $failed -eq 0 ]
