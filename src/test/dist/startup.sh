#!/usr/bin/env bash
# Start-up of the app image's window (issue 24): launch → window 'CartPole Lab' mapped.
#
#   src/test/dist/startup.sh [LABEL=]LAUNCHER ...     (default: target/dist/cartpole-lab/bin/cartpole-lab)
#   STARTUP_TRIES=5 src/test/dist/startup.sh old=/tmp/a/bin/cartpole-lab new=target/dist/cartpole-lab/bin/cartpole-lab
#
# Each launcher is timed STARTUP_TRIES times (default 3), the launchers alternating, after
# one untimed start of each (JavaFX unpacks its native libraries to ~/.openjfx/cache on the
# first). Per try it prints the wall time from the launch until the window is mapped (polled
# every 20 ms with xdotool), the CPU time (user + system) of the process tree by then (the
# launcher's JVM, which runs in the launcher's own process, its children alive and those it
# has waited for: JDK 17's launcher asks dpkg and rpm about itself), and the 1-minute load
# average; then it kills the app. At the end, the median of each.
#
# Uses $DISPLAY if set (start `Xvfb :51 &` and `export DISPLAY=:51` to reuse one), else
# starts its own Xvfb. A throw-away HOME (prefs, the run library, the JavaFX cache): the
# user's own files are never touched. Needs Xvfb and xdotool.
set -uo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
tries=${STARTUP_TRIES:-3}
[ $# -gt 0 ] || set -- "$root/target/dist/cartpole-lab/bin/cartpole-lab"
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  # shellcheck source=xvfb.sh
  . "$root/src/test/dist/xvfb.sh"
  start_xvfb "$work"
fi
hz=$(getconf CLK_TCK)

# CPU ticks of a process and its live descendants, plus those of children it has reaped
tree_ticks() {
  local pid=$1 total=0 stat rest f c
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || { echo 0; return; }
  rest=${stat##*) }            # fields from 3 on (the name may hold spaces)
  read -r -a f <<<"$rest"
  total=$(( f[11] + f[12] + f[13] + f[14] ))   # utime stime cutime cstime
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    total=$(( total + $(tree_ticks "$c") ))
  done
  echo "$total"
}

# one start: prints "wall_ms cpu_ms load", or "timeout"
one() {
  local launcher=$1 start end wid ticks load
  mkdir -p "$work/home"
  start=$(date +%s%N)
  env -i HOME="$work/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" PATH=/usr/bin:/bin \
      XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache" \
      XDG_CONFIG_HOME="$work/home/config" "$launcher" >>"$work/app.log" 2>&1 &
  app_pid=$!
  wid=
  while [ -z "$wid" ] && [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 120 ]; do
    wid=$(xdotool search --onlyvisible --name '^CartPole Lab$' 2>/dev/null | head -1)
    [ -n "$wid" ] || sleep 0.02
  done
  end=$(date +%s%N)
  ticks=$(tree_ticks "$app_pid")
  load=$(cut -d' ' -f1 /proc/loadavg)
  kill -9 "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=
  # wait until the window is gone before the next start
  for _ in $(seq 100); do
    xdotool search --onlyvisible --name '^CartPole Lab$' >/dev/null 2>&1 || break
    sleep 0.05
  done
  if [ -z "$wid" ]; then echo timeout; return; fi
  echo "$(( (end - start) / 1000000 )) $(( ticks * 1000 / hz )) $load"
}

labels=(); launchers=()
for spec in "$@"; do
  if [[ $spec == *=* ]]; then labels+=("${spec%%=*}"); launchers+=("${spec#*=}")
  else labels+=("$(basename "$(dirname "$(dirname "$spec")")")"); launchers+=("$spec"); fi
done
echo "DISPLAY=$DISPLAY, $tries tries each, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!launchers[@]}"; do
  [ -x "${launchers[$i]}" ] || { echo "no launcher ${launchers[$i]}" >&2; exit 1; }
  echo "warm-up ${labels[$i]}: $(one "${launchers[$i]}")"
done
for t in $(seq "$tries"); do
  for i in "${!launchers[@]}"; do
    r=$(one "${launchers[$i]}")
    echo "$r" >>"$work/r$i"
    read -r w c l <<<"$r"
    awk -v n="${labels[$i]}" -v t="$t" -v w="${w:-0}" -v c="${c:-0}" -v l="${l:-?}" \
      'BEGIN {printf "%-14s try %d: wall %6.2f s  cpu %6.2f s  load %s\n", n, t, w / 1000, c / 1000, l}' 
  done
done
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1000; else print "-"}'; }
for i in "${!launchers[@]}"; do
  grep -v timeout "$work/r$i" >"$work/ok$i" || true
  printf '%-14s median wall %s s, cpu %s s, load %s..%s (%d of %d mapped)\n' "${labels[$i]}" \
    "$(cut -d' ' -f1 "$work/ok$i" | median)" "$(cut -d' ' -f2 "$work/ok$i" | median)" \
    "$(cut -d' ' -f3 "$work/ok$i" | sort -n | head -1)" "$(cut -d' ' -f3 "$work/ok$i" | sort -n | tail -1)" \
    "$(wc -l <"$work/ok$i")" "$tries"
done
