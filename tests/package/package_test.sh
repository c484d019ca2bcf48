#!/usr/bin/env bash
# The Debian package, end to end, as an IT department would use it: build the .deb (make
# package), lint it (lintian: no error, no unexplained warning; appstreamcli and
# desktop-file-validate on the desktop files), install it with apt-get, play an installed course
# in the terminal, lint the installed courses, render a screenshot (which needs the SVG helper
# in /usr/libexec/cordee), read the man pages, then purge it and check that nothing of it is
# left outside the user's home.
# Workload: reuses build/ (CI's step 1 built it), so about a minute; the apt-get calls wait up
# to 5 minutes for a dpkg lock held by someone else. Fails, with the reason, at the first check
# that does not hold; the package is purged on the way out whatever happened.
# Usage: tests/package/package_test.sh   (as root, on Debian 12, from anywhere)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $(id -u) -eq 0 ]] || { echo "package_test: run as root (it installs the package)" >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive
apt=(apt-get -y -qq -o DPkg::Lock::Timeout=300)
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

tools/install-deps --ci
step "build the package"
rm -f cordee_*.deb
make package >/dev/null
debs=(cordee_*_amd64.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "make package made no cordee_VERSION_amd64.deb"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
[[ $deb == "cordee_${version}_amd64.deb" ]] || fail "$deb is not named after its version $version"
echo "$deb: $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Depends | grep -q "fonts-noto-core" || fail "Depends lacks the fonts"
dpkg-deb -f "$deb" Depends | grep -q "libsdl2" || fail "Depends lacks what shlibdeps finds"

step "lintian (errors and warnings fail; each accepted one is overridden with its reason)"
# One run that also shows the overridden tags (--fail-on would count those as failures too).
lintian --fail-on none --show-overrides "$deb" 2>&1 | tee "$deb.lintian" | grep -v "^N:" || true
! grep -q "^[EW]:" "$deb.lintian" || fail "lintian: errors or warnings without an override"
rm -f "$deb.lintian"

tmp=$(mktemp -d)
cleanup() {
  rm -rf "$tmp"
  if dpkg-query -W -f='${Status}' cordee 2>/dev/null | grep -q "installed"; then
    "${apt[@]}" purge cordee >/dev/null || true
  fi
}
trap cleanup EXIT

step "desktop entry and AppStream metainfo"
dpkg-deb -x "$deb" "$tmp/root"
desktop-file-validate "$tmp/root"/usr/share/applications/*.desktop
appstreamcli validate --no-net --explain "$tmp/root"/usr/share/metainfo/*.metainfo.xml

step "apt-get install ./$deb"
"${apt[@]}" install "./$deb" >/dev/null
dpkg -L cordee | sort >"$tmp/files"
# The layout, read from the package itself (a minimal image may tell dpkg to skip docs).
dpkg-deb -c "$deb" | awk '{print substr($6, 2)}' >"$tmp/contents"
for p in /usr/bin/cordee /usr/bin/cordee-lint /usr/bin/cordee-report \
  /usr/libexec/cordee/cordee-svg-raster /usr/share/cordee/schema/course.xsd \
  /usr/share/cordee/courses/demo/course.xml /usr/share/doc/cordee/copyright \
  /usr/share/doc/cordee/changelog.gz /usr/share/man/man1/cordee.1.gz \
  /usr/share/man/man1/cordee-lint.1.gz /usr/share/man/man1/cordee-report.1.gz \
  /usr/share/applications/org.cordee.Cordee.desktop \
  /usr/share/icons/hicolor/scalable/apps/org.cordee.Cordee.svg \
  /usr/share/metainfo/org.cordee.Cordee.metainfo.xml; do
  grep -qx "$p" "$tmp/contents" || fail "the package does not install $p"
done
! grep -q "^/usr/bin/cordee-svg-raster\|bench\|/usr/share/cordee/courses/schema" "$tmp/contents" ||
  fail "a helper, a developer tool or the schema is misplaced"

for tool in cordee cordee-lint cordee-report; do
  [[ $(/usr/bin/$tool --version) == "$tool $version" ]] || fail "$tool --version is not $version"
done
[[ $(/usr/libexec/cordee/cordee-svg-raster --version) == "cordee-svg-raster $version" ]] ||
  fail "cordee-svg-raster --version is not $version"

# A learner's home with nothing in it, and a trainer's own course dropped in it: the catalogue
# must offer it with the installed ones (XDG_DATA_HOME's default, ~/.local/share).
home=$tmp/home
mkdir -p "$home/.local/share/cordee/courses"
cp -r /usr/share/cordee/courses/demo "$home/.local/share/cordee/courses/mon-cours"
sed -i 's|<course id="demo"|<course id="mon-cours"|; s|<title>Découvrir Cordée[^<]*</title>|<title>Cours du formateur</title>|' \
  "$home/.local/share/cordee/courses/mon-cours/course.xml"
run() { (cd "$tmp" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }

step "/usr/bin/cordee --text on an installed course, through standard input"
printf 'n\nn\nq\n' | run /usr/bin/cordee --text --course /usr/share/cordee/courses/demo >"$tmp/text"
grep -q "^# Essayer : vérifier et réfléchir (Page 3 / 7)" "$tmp/text" ||
  fail "--text did not reach page 3 of the installed demo: $(tail -5 "$tmp/text")"
[[ -s $home/.local/share/cordee/progress.db ]] || fail "no progress file in ~/.local/share/cordee"

step "the catalogue: the installed courses and the trainer's own"
printf 'q\n' | run /usr/bin/cordee --text >"$tmp/catalogue" || true
grep -q "^[0-9]) Cours du formateur" "$tmp/catalogue" ||
  fail "the course in ~/.local/share/cordee/courses is not offered: $(cat "$tmp/catalogue")"
installed=$(find /usr/share/cordee/courses -mindepth 1 -maxdepth 1 -type d | wc -l)
offered=$(grep -c "^[0-9]*) " "$tmp/catalogue")
[[ $offered -eq $((installed + 1)) ]] || fail "$offered courses offered, $installed installed + 1"

step "cordee-lint /usr/share/cordee/courses/*"
run /usr/bin/cordee-lint --quiet /usr/share/cordee/courses/*

step "a --screenshot of a page with a diagram (drawn by /usr/libexec/cordee/cordee-svg-raster)"
shot=${CORDEE_PACKAGE_SCREENSHOT:-$tmp/frise.png}
# The dynamic loader names each program whose libraries it loads: the helper's name in its
# log proves the player ran it from /usr/libexec (and did not fall back to drawing in-process).
run LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" /usr/bin/cordee \
  --course /usr/share/cordee/courses/coproduction --page p1-frise --screenshot "$shot" \
  --size 1280x800
grep -qs "needed by /usr/libexec/cordee/cordee-svg-raster" "$tmp"/ld.* ||
  fail "the player did not run /usr/libexec/cordee/cordee-svg-raster"
python3 - "$shot" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read(32)
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
assert struct.unpack('>II', data[16:24]) == (1280, 800), 'wrong size'
PY
ls "$home/.cache/cordee/svg/"*.png >/dev/null 2>&1 || fail "no diagram in ~/.cache/cordee/svg"

step "man pages"
if grep -qs "^path-exclude=*/usr/share/man" /etc/dpkg/dpkg.cfg.d/*; then
  echo "skipped: dpkg is told not to install man pages on this machine (a minimal image)"
else
  for page in cordee cordee-lint cordee-report; do
    man -w "$page" >/dev/null || fail "man $page: no page"
    MANWIDTH=80 man -P cat "$page" 2>/dev/null | grep -q "^NAME" || fail "man $page does not render"
  done
fi

step "apt-get purge cordee: nothing left outside the user's home"
"${apt[@]}" purge cordee >/dev/null
left=0
while read -r path; do
  # Shared folders (/usr/bin, /usr/share/man/man1...) stay; anything of Cordée's must go.
  if [[ -e $path && ( ! -d $path || $path == *cordee* ) ]]; then
    echo "left behind: $path" >&2
    left=1
  fi
done <"$tmp/files"
[[ $left -eq 0 ]] || fail "the purge left files behind"
others=$(find /usr /etc /var/lib/dpkg/info -path "$PWD" -prune -o -name '*cordee*' -print 2>/dev/null || true)
[[ -z $others ]] || fail "left after the purge: $others"
[[ -s $home/.local/share/cordee/progress.db ]] || fail "the purge touched the learner's home"
echo "package_test: all checks passed ($deb, $(wc -l <"$tmp/files") paths installed and removed)"
