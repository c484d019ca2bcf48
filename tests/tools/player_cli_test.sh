#!/usr/bin/env bash
# The player's fixed command-line interface: --screenshot with no display at all, --text
# driven through standard input, and clear failures.
# Usage: player_cli_test.sh <cordee> <courses dir>
set -u
cordee=$1 courses=$2
failures=0 pass=0
check() { if [[ $2 -eq 0 ]]; then pass=$((pass+1)); else echo "FAIL: $1"; failures=$((failures+1)); fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config

"$cordee" --course "$courses/demo" --page p-lire --screenshot "$tmp/p.png" --size 1024x600 --scale 150 --theme dark
check "--screenshot exits 0 with no display" $?
python3 - "$tmp/p.png" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read(32)
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert (w, h) == (1024, 600), (w, h)
PY
check "--screenshot writes a PNG of the requested --size" $?

"$cordee" --screenshot "$tmp/c.png" --courses "$courses" && [[ -s "$tmp/c.png" ]]
check "--screenshot of the catalogue" $?

"$cordee" --course "$courses/demo" --page nope --screenshot "$tmp/x.png" 2>"$tmp/err"; code=$?
[[ $code -ne 0 ]] && grep -q "nope" "$tmp/err"
check "an unknown --page fails and names the id" $?

"$cordee" --size 12 --screenshot "$tmp/x.png" 2>/dev/null; code=$?
check "a malformed --size is bad usage (exit 2)" $((code == 2 ? 0 : 1))

printf 'n\nn\nq\n' | "$cordee" --text --course "$courses/demo" >"$tmp/out"; code=$?
check "--text exits 0 on q" $code
grep -q "^# Essayer : vérifier et réfléchir (Page 3 / 7)" "$tmp/out"
check "--text shows the page reached with n" $?
[[ $(grep -o "> " "$tmp/out" | wc -l) -eq 3 ]]
check "--text prints one prompt per line read" $?

"$cordee" --text --course "$courses/demo" --page p-scic </dev/null >"$tmp/out2"; code=$?
check "--text exits 0 at end of input" $code
grep -q "^# Un outil : la SCIC" "$tmp/out2" && grep -q "^\[Texte de loi\] Ce que dit la loi" "$tmp/out2"
check "--text --page opens that page; notes carry their kind as a label" $?

"$cordee" --text --course "$courses/demo" --page s-reunion </dev/null >"$tmp/out4"
grep -q "^(Aperçu de la scène « s-reunion »)" "$tmp/out4" && grep -q "^## La première réunion" "$tmp/out4"
check "--text --page on a scene id previews that scene, and says so" $?
"$cordee" --text --course "$courses/demo" --page fin-reussite </dev/null >"$tmp/out5"
grep -q "^Score : aperçu, non calculé" "$tmp/out5"
check "--text --page on an ending id shows it without a made-up score" $?

printf 'n\nq\n' | "$cordee" --text --course "$courses/demo" --db /proc/cordee/p.db >"$tmp/out6" 2>/dev/null
code=$?
head -1 "$tmp/out6" | grep -q "^Votre progression n’est pas enregistrée" && grep -q "^# " "$tmp/out6" &&
  [[ $code -eq 0 ]]
check "--text with a progress file that cannot be opened says so first, and plays on" $?

printf '2\nq\n' | "$cordee" --text --courses "$courses" >"$tmp/out3"
grep -q "^1) " "$tmp/out3" && grep -q "^2) " "$tmp/out3"
check "--text without --course offers the catalogue as N) choices" $?

mkdir -p "$tmp/bad" && printf '<course id="x" format="1"><title>T</title><titel/></course>' >"$tmp/bad/course.xml"
"$cordee" --text --course "$tmp/bad" </dev/null 2>"$tmp/err2"; code=$?
[[ $code -eq 1 ]] && grep -q "course.xml:1:[0-9]*: error\[S001\]" "$tmp/err2"
check "a course with errors is refused with its diagnostics" $?

echo "$pass passed, $failures failed"
[[ $failures -eq 0 ]]
