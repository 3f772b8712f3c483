#!/bin/sh
# Makes jpackage's .deb a well-made one (run by `./mvnw -Pdist package` on Linux, after jpackage):
# unpacks it, adds what Debian policy asks of every package and jpackage leaves out, and packs it
# again with dpkg-deb under fakeroot. `lintian` then reports no error or warning but the
# documented overrides (lintian-overrides here: what an application under /opt implies).
#   - /usr/share/doc/cartpole-lab/copyright (machine-readable, the licences of what we ship)
#     and changelog.Debian.gz;
#   - an extended description in the control file;
#   - native code stripped as dh_strip does (--strip-unneeded, no .comment/.note sections);
#   - file modes: 0644 for data and shared libraries, 0755 for directories and executables;
#   - no empty maintainer scripts (jpackage's preinst and postrm do nothing);
#   - the desktop entry named "CartPole Lab", with a comment and the Education category;
#   - DEBIAN/md5sums.
# Usage: finish-deb.sh PACKAGE.deb   (the files beside this script are the inputs)
set -eu
deb=$(readlink -f "$1")
here=$(dirname "$(readlink -f "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -R "$deb" "$root"
pkg=$(sed -n 's/^Package: //p' "$root/DEBIAN/control")
doc="$root/usr/share/doc/$pkg"

# copyright, changelog
mkdir -p "$doc" "$root/usr/share/lintian/overrides"
cp "$here/copyright" "$doc/copyright"
gzip -9n < "$here/changelog" > "$doc/changelog.Debian.gz"
cp "$here/lintian-overrides" "$root/usr/share/lintian/overrides/$pkg"

# the control file: the short description stays, the extended one follows it
awk -v ext="$here/description" '
  /^Description:/ { print; while ((getline line < ext) > 0) print line; next }
  /^Provides: / && $2 == "'"$pkg"'" { next }   # a package providing itself says nothing
  { print }' "$root/DEBIAN/control" > "$work/control"
mv "$work/control" "$root/DEBIAN/control"

# maintainer scripts that only run an empty case statement
for script in preinst postrm; do
  f="$root/DEBIAN/$script"
  if [ -f "$f" ] && ! grep -Eqv '^[[:space:]]*(#.*)?$|^[[:space:]]*(set -e|case .*|esac|;;|exit 0|[a-z|-]+\))[[:space:]]*$|^[[:space:]]*echo .*unknown argument.*|^[[:space:]]*exit 1[[:space:]]*$|^[[:space:]]*\*\)[[:space:]]*$' "$f"; then
    rm "$f"
  fi
done

# the desktop entry
for d in $(find "$root/opt" -name '*.desktop' -type f); do
  sed -i -e 's/^Name=.*/Name=CartPole Lab/' \
      -e 's/^Comment=.*/Comment=Watch an actor-critic agent learn to balance a pole, live/' \
      -e 's/^Categories=.*/Categories=Education;ArtificialIntelligence;/' \
      -e '/^MimeType=$/d' "$d"
  grep -q '^Keywords=' "$d" || echo 'Keywords=reinforcement learning;actor-critic;CartPole;' >> "$d"
done

# modes, then strip native code (ELF files only)
find "$root" -path "$root/DEBIAN" -prune -o -type d -exec chmod 0755 {} +
find "$root" -path "$root/DEBIAN" -prune -o -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/$pkg/bin/"*
for f in $(find "$root/opt" -type f \( -name '*.so' -o -perm -u+x -o -path '*/bin/*' \
    -o -name jspawnhelper -o -name jexec \)); do
  if head -c 4 "$f" | grep -q 'ELF'; then
    case "$f" in
      *.so) strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f" ;;
      *) strip --remove-section=.comment --remove-section=.note "$f" ;;
    esac
  fi
done
for f in $(find "$root/opt/$pkg/lib/runtime/lib" -maxdepth 1 -type f \
    \( -name jspawnhelper -o -name jexec \)); do
  chmod 0755 "$f"
done

# md5sums, then pack again (root-owned files, as dpkg-deb of jpackage did)
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control"
size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
fakeroot dpkg-deb --build --root-owner-group -Zxz "$root" "$deb" > /dev/null
echo "finish-deb: $deb made lintian-clean (see src/dist/deb)"
