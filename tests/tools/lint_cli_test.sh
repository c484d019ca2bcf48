#!/usr/bin/env bash
# cordee-lint as trainers and tools call it: exit codes, formats, options, languages.
# Usage: lint_cli_test.sh <cordee-lint> <courses dir> <test data dir>
set -u
lint=$1 courses=$2 data=$3
failures=0
pass=0
check() { # description, condition result
  if [[ $2 -eq 0 ]]; then pass=$((pass+1)); else echo "FAIL: $1"; failures=$((failures+1)); fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$lint" "$courses"/* 2>&1); code=$?
check "every shipped course lints clean (exit 0)" $code
grep -q "error\[" <<<"$out"; check "no error printed for shipped courses" $((1-$?))
grep -q "courses/demo : .*modules.*pages.*questions.*termes.*mots, lecture ≈" <<<"${out//$courses/courses}"
check "a summary line follows each course" $?

"$lint" "$data/diagnostics/S001-unknown-element" >"$tmp/s001" 2>&1; code=$?
check "a course with errors exits 1" $((code == 1 ? 0 : 1))
grep -Eq "course\.xml:[0-9]+:[0-9]+: error\[S001\]: élément <" "$tmp/s001"
check "errors are path:line:col: error[CODE]: message, in French by default" $?

"$lint" --lang en "$data/diagnostics/S001-unknown-element" | grep -q "error\[S001\]: unknown element <"
check "--lang en prints English messages" $?

"$lint" --format json "$data/diagnostics/S001-unknown-element" >"$tmp/json"
python3 - "$tmp/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["courses"][0]
assert d["errors"] >= 1
diag = c["diagnostics"][0]
assert diag["code"] == "S001" and diag["severity"] == "error"
assert diag["line"] > 0 and diag["column"] > 0 and diag["file"].endswith("course.xml")
assert "summary" in c and c["summary"]["pages"] >= 1
PY
check "--format json gives file, line, column, code, severity, message and a summary" $?

"$lint" "$data/diagnostics/P001-page-without-text" >"$tmp/warn"; code=$?
check "warnings alone exit 0" $code
grep -q "warning\[P001\]" "$tmp/warn"; check "warnings are printed" $?
"$lint" --quiet "$data/diagnostics/P001-page-without-text" >"$tmp/quiet"
[[ ! -s "$tmp/quiet" ]]; check "--quiet prints nothing when there are only warnings" $?

"$lint" "$tmp/does-not-exist" >/dev/null 2>&1; code=$?
check "a missing path is bad usage (exit 2)" $((code == 2 ? 0 : 1))
"$lint" --frobnicate "$courses/demo" >/dev/null 2>&1; code=$?
check "an unknown option is bad usage (exit 2)" $((code == 2 ? 0 : 1))
"$lint" >/dev/null 2>&1; code=$?
check "no path at all is bad usage (exit 2)" $((code == 2 ? 0 : 1))
"$lint" "$courses/demo/course.xml" >/dev/null; code=$?
check "a course.xml path works as well as its folder" $code

mkdir -p "$tmp/misnamed" && echo "<course/>" >"$tmp/misnamed/cours.xml"
"$lint" "$tmp/misnamed" >"$tmp/c001"; code=$?
grep -q "error\[C001\]" "$tmp/c001"; check "a folder of XML without course.xml is an error (C001)" $?
check "... and exits 1" $((code == 1 ? 0 : 1))

mkdir -p "$tmp/catalogue/good" "$tmp/catalogue/typo" "$tmp/catalogue/schema"
cp "$courses/demo/course.xml" "$tmp/catalogue/good/" && cp -r "$courses/demo/media" "$courses/demo/modules" "$tmp/catalogue/good/"
echo "<course/>" >"$tmp/catalogue/typo/Course.xml"; echo "x" >"$tmp/catalogue/schema/course.xsd"
"$lint" "$tmp/catalogue" >"$tmp/cat"; code=$?
grep -q "typo: error\[C001\]" "$tmp/cat" && ! grep -q "schema" "$tmp/cat"
check "in a folder of courses, a sibling with a misnamed course file is an error" $?

echo "$pass passed, $failures failed"
[[ $failures -eq 0 ]]
