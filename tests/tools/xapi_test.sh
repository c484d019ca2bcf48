#!/usr/bin/env bash
# Plays a small course in the terminal (a page, a quiz passed, another failed), exports the
# progress as xAPI statements, and checks each with Learning Locker's validator.
# Usage: xapi_test.sh <cordee> <cordee-report> <node_modules dir>
set -euo pipefail
cordee=$1 report=$2 modules=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config
mkdir -p "$tmp/c"
cat >"$tmp/c/course.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<course id="xapi" format="1"><title>Essai xAPI</title>
<module id="m" title="M">
  <lesson id="l" title="L"><page id="p1" title="Page"><p>Texte.</p></page></lesson>
  <quiz id="facile" title="Quiz" pass="50">
    <truefalse id="t1" answer="true"><prompt>Un</prompt></truefalse>
    <truefalse id="t2" answer="true"><prompt>Deux</prompt></truefalse>
    <truefalse id="t3" answer="true"><prompt>Trois</prompt></truefalse>
  </quiz>
  <quiz id="dur" title="Quiz 2" pass="100">
    <truefalse id="u1" answer="true"><prompt>Un</prompt></truefalse>
    <truefalse id="u2" answer="true"><prompt>Deux</prompt></truefalse>
    <truefalse id="u3" answer="false"><prompt>Trois</prompt></truefalse>
  </quiz>
</module></course>
XML
db=$tmp/p.db
printf 'q\n' | "$cordee" --text --course "$tmp/c" --db "$db" --learner "Élise Martin" >/dev/null
printf '1\n1\n\n1\n\n1\n\nq\n' | "$cordee" --text --course "$tmp/c" --page facile --db "$db" --learner "Élise Martin" >/dev/null
printf '1\n1\n\n1\n\n1\n\nq\n' | "$cordee" --text --course "$tmp/c" --page dur --db "$db" --learner "Élise Martin" >/dev/null
printf '1\n1\n\n1\n\n2\n\nq\n' | "$cordee" --text --course "$tmp/c" --page dur --db "$db" --learner "Élise Martin" >/dev/null
"$report" --db "$db" --base-iri https://formation.example.org export-xapi >"$tmp/statements.jsonl"
NODE_PATH=$modules node "$(dirname "$0")/xapi_validate.js" <"$tmp/statements.jsonl" | tee "$tmp/out"
for verb in launched experienced answered passed failed completed; do
  grep -q "verbs: .*$verb" "$tmp/out" || { echo "FAIL: no '$verb' statement"; exit 1; }
done
