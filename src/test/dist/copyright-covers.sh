#!/bin/bash
# Every jar the package ships under opt/cartpole-lab/lib/app has a "Files:" stanza in its
# copyright file (issue 23: the licences of what we ship). Argument: the unpacked .deb's root.
set -euo pipefail
root=$1
copyright="$root/usr/share/doc/cartpole-lab/copyright"
globs=$(sed -n 's/^Files: //p' "$copyright" | tr ' ' '\n')
missing=0
for jar in "$root"/opt/cartpole-lab/lib/app/*.jar; do
  rel=${jar#"$root"/}
  covered=no
  for g in $globs; do
    # shellcheck disable=SC2053
    if [[ $rel == $g ]]; then covered=yes; break; fi
  done
  if [ $covered = no ]; then
    echo "copyright: $rel has no Files: stanza in src/dist/deb/copyright: add its licence" >&2
    missing=1
  fi
done
[ $missing = 0 ] && echo "copyright: every jar in lib/app has its licence"
exit $missing
