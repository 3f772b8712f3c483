# Sourced by smoke.sh, startup.sh and src/dist/cds/classlist.sh:
#   start_xvfb DIR [GEOMETRY]
# starts an Xvfb on a free display (Xvfb picks it and writes it to DIR/display), waits for it,
# exports DISPLAY and sets xvfb_pid (the caller kills it). Its log goes to DIR/xvfb.log.
start_xvfb() {
  local dir=$1 geometry=${2:-1920x1080x24}
  exec 3>"$dir/display"
  Xvfb -displayfd 3 -screen 0 "$geometry" -nolisten tcp >"$dir/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.1; done
  export DISPLAY=:$(head -1 "$dir/display")
}
