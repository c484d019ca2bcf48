#!/usr/bin/env bash
# Hostile and broken images, generated here (tests/tools/make_images.py) rather than
# committed: the linter refuses each with its code, fast and in little memory; the player
# refuses the course with the same message in --screenshot and --text mode instead of
# decoding gigabytes; valid photos, a damaged PNG and an SVG without a size are shown (or
# replaced by the placeholder) within the same bounds. Every command runs under
# `ulimit -v` (1 GB) and a time bound.
# Usage: image_limits_test.sh <cordee-lint> <cordee>
set -u
lint=$1 cordee=$2
here=$(cd "$(dirname "$0")" && pwd)
failures=0 pass=0
check() { if [[ $2 -eq 0 ]]; then pass=$((pass+1)); else echo "FAIL: $1"; failures=$((failures+1)); fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
python3 "$here/make_images.py" "$tmp/img" || { echo "FAIL: cannot generate the images"; exit 1; }

course() { # course DIR IMAGE: a one-page course showing media/IMAGE
  mkdir -p "$1/media" && cp "$tmp/img/$2" "$1/media/"
  cat >"$1/course.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<course id="images" format="1" lang="fr">
  <title>Images</title>
  <module id="m1" title="Module">
    <lesson id="l1" title="Leçon">
      <page id="p1" title="Une image">
        <p>Voici une image.</p>
        <image src="media/$2" alt="Une image"/>
      </page>
    </lesson>
  </module>
</course>
XML
}

# Under AddressSanitizer (CI's second pass) the programs reserve terabytes of shadow memory:
# there the time bound stays and the address-space bound is lifted.
memory=1048576
if ldd "$cordee" 2>/dev/null | grep -q libasan; then memory=unlimited; fi

# bounded SECONDS CMD...: runs CMD under 1 GB of address space, killed after 20 s; sets
# $code and $ms (wall time).
bounded() {
  local limit=$1; shift
  local start=$(date +%s%N)
  ( ulimit -v $memory; exec timeout 20 "$@" ) >"$tmp/out" 2>"$tmp/err"; code=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  (( ms <= limit * 1000 )) || echo "  (took $ms ms, bound $limit s): $*"
}

while read -r image codeWanted words; do
  dir="$tmp/c-${image%.*}"
  course "$dir" "$image"
  bounded 5 "$lint" "$dir"
  grep -q "^$dir/course.xml:8:16: error\[$codeWanted\]: image « media/$image » $words" "$tmp/out"
  check "lint: $image is refused with $codeWanted ($words)" $?
  check "lint: $image exits 1 within 5 s under 1 GB (exit $code, $ms ms)" \
    $(( code == 1 && ms <= 5000 ? 0 : 1 ))
  bounded 5 "$cordee" --course "$dir" --page p1 --screenshot "$tmp/s.png" --size 1024x700
  grep -q "error\[$codeWanted\]" "$tmp/err" && [[ ! -e "$tmp/s.png" ]]
  check "player --screenshot: $image refuses the course with $codeWanted" $?
  check "player --screenshot: $image exits 1 within 5 s under 1 GB (exit $code, $ms ms)" \
    $(( code == 1 && ms <= 5000 ? 0 : 1 ))
  bounded 5 "$cordee" --text --course "$dir" --db "$tmp/p.db" </dev/null
  grep -q "error\[$codeWanted\]" "$tmp/err"
  check "player --text: $image refuses the course with $codeWanted (exit $code, $ms ms)" \
    $(( $? == 0 && code == 1 && ms <= 5000 ? 0 : 1 ))
done <<'LIST'
jpeg-30000.jpg M020 trop grande : 30000 × 30000 px
png-header-30000.png M020 trop grande : 30000 × 30000 px
png-4000x60000.png M020 trop grande : 4000 × 60000 px
png-20000x10.png M021 trop longue : 20000 × 10 px
png-0x0.png M022 de taille nulle ou négative (0 × 0 px)
jpeg-0x0.jpg M022 de taille nulle ou négative (0 × 0 px)
png-negative.png M022 de taille nulle ou négative (-1 × 10 px)
png-truncated.png M023 tronquée
png-header-only.png M023 tronquée
jpeg-truncated.jpg M023 tronquée
diagram-truncated.svg M023 tronquée
LIST

# Shown: a 4000 × 3000 photo (decoded at 1/4 in the child), a small PNG and JPEG, an SVG
# that declares no size (measured in the child), and a PNG whose pixels are damaged (the
# child fails; the placeholder is drawn).
for image in photo-4000x3000.jpg photo.png photo.jpg diagram-nosize.svg png-damaged-data.png; do
  dir="$tmp/ok-${image%.*}"
  course "$dir" "$image"
  bounded 5 "$lint" "$dir"
  check "lint: $image is accepted (exit $code)" $code
  rm -f "$tmp/s.png"
  bounded 5 "$cordee" --course "$dir" --page p1 --screenshot "$tmp/s.png" --size 1024x700
  [[ $code -eq 0 && -s "$tmp/s.png" ]]
  check "player --screenshot: $image is drawn within 5 s under 1 GB (exit $code, $ms ms)" $?
done

echo "image limits: $pass passed, $failures failed"
[[ $failures -eq 0 ]]
