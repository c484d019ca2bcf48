#!/usr/bin/env bash
# Every shipped course (and its module files) validates against courses/schema/course.xsd,
# and the schema refuses a course the loader refuses for structure.
# Usage: xsd_test.sh <courses dir>
set -u
courses=$1
schema="$courses/schema/course.xsd"
failures=0 pass=0
for f in "$courses"/*/course.xml "$courses"/*/modules/*.xml; do
  [[ -f "$f" ]] || continue
  if xmllint --noout --schema "$schema" "$f" 2>/tmp/xsd-err.$$; then
    pass=$((pass+1))
  else
    echo "FAIL: $f"; cat /tmp/xsd-err.$$; failures=$((failures+1))
  fi
done
rm -f /tmp/xsd-err.$$
bad=$(mktemp --suffix=.xml)
printf '<course id="x" format="1"><title>T</title><module id="m" title="M"><lesson id="l" title="L"><page id="p" title="P"><para/></page></lesson></module></course>' >"$bad"
if xmllint --noout --schema "$schema" "$bad" 2>/dev/null; then
  echo "FAIL: the schema accepts an unknown element"; failures=$((failures+1))
else
  pass=$((pass+1))
fi
rm -f "$bad"
echo "$pass passed, $failures failed"
[[ $failures -eq 0 ]]
