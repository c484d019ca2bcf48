#!/usr/bin/env bash
# cordee-report on a progress file made by playing a course in the terminal.
# Usage: report_cli_test.sh <cordee> <cordee-report>
set -u
cordee=$1 report=$2
failures=0 pass=0
check() { if [[ $2 -eq 0 ]]; then pass=$((pass+1)); else echo "FAIL: $1"; failures=$((failures+1)); fi; }
tmp=${KEEP:-$(mktemp -d)}; [[ -n ${KEEP:-} ]] || trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config
mkdir -p "$tmp/c"
cat >"$tmp/c/course.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<course id="rapport" format="1"><title>Essai</title>
<module id="m" title="M">
  <lesson id="l" title="L"><page id="p1" title="Page"><p>Texte.</p>
    <reflection id="r1"><prompt>Et vous ?</prompt></reflection></page></lesson>
  <quiz id="qz" title="Quiz" pass="100" shuffle="false">
    <single id="s1" shuffle="false"><prompt>Lequel ?</prompt><choice correct="true">A</choice><choice>B</choice><choice>C</choice></single>
    <truefalse id="t1" answer="true"><prompt>Vrai ?</prompt></truefalse>
    <truefalse id="t2" answer="false"><prompt>Faux ?</prompt></truefalse>
  </quiz>
</module></course>
XML
db=$tmp/p.db
play() { printf "$2" | "$cordee" --text --course "$tmp/c" --db "$db" --learner "$1" ${3:+--page $3} >/dev/null; }
play Ana 'r\nMon idée\nq\n'
play Ana '1\n1\n\n1\n\n2\n\nq\n' qz      # all right
play Bruno '1\n3\n\n1\n\n1\n\nq\n' qz    # s1 wrong (C), t1 right, t2 wrong
play Chloé '1\n3\n\n2\n\n1\n\nq\n' qz    # all wrong, C again

"$report" --db "$db" learners >"$tmp/l"
[[ $(wc -l <"$tmp/l") -eq 3 ]] && grep -q "^Chloé$" "$tmp/l"
check "learners lists every learner" $?

"$report" --db "$db" progress >"$tmp/p"
head -1 "$tmp/p" | grep -q "^learner,course,status,success,score_percent,time_minutes,last_activity$"
check "progress is CSV with the documented columns" $?
grep -q "^Ana,rapport,completed,passed,100," "$tmp/p"
check "a learner who read everything and passed is completed and passed at 100 %" $?
grep -q "^Bruno,rapport,in-progress,unknown,33," "$tmp/p"
check "a learner who failed the quiz is in progress with a third of the score" $?

"$report" --db "$db" questions >"$tmp/q"
grep -q "^rapport,qz,s1,3,33,0.33,2$" "$tmp/q"
check "questions: answers, % correct, mean points and the most chosen wrong answer (choice index 2, i.e. C)" $?
grep -q "^rapport,qz,t2,3,33," "$tmp/q"
check "questions: each question analysed" $?

"$report" --db "$db" questions --courses "$tmp" >"$tmp/qt"
head -1 "$tmp/qt" | grep -q ",most_chosen_wrong,most_chosen_wrong_text$" &&
  grep -q "^rapport,qz,s1,3,33,0.33,2,C. C$" "$tmp/qt" && grep -q "^rapport,qz,t2,3,33,.*,vrai$" "$tmp/qt"
check "questions --courses: the most chosen wrong answer as the learner saw it" $?

"$report" --db "$db" attempts Bruno >"$tmp/a"
grep -q "^rapport,qz,1,.*,1,3,0$" "$tmp/a"
check "attempts LEARNER lists the attempt, its score and that it failed" $?

"$report" --db "$db" export-learner Ana >"$tmp/e.json"
python3 - "$tmp/e.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["learner"][0]["name"] == "Ana"
assert d["reflection"][0]["text"] == "Mon idée"
assert len(d["response"]) == 3
assert d["enrolment"][0]["status"] == "completed"
PY
check "export-learner gives all of one learner's data as JSON" $?

"$report" --db "$db" forget Bruno >/dev/null
"$report" --db "$db" learners | grep -q Bruno; code=$?
check "forget erases the learner" $((1 - code))
"$report" --db "$db" attempts Bruno >/dev/null 2>&1; code=$?
check "... and their attempts" $((code == 1 ? 0 : 1))

"$report" --db "$tmp/none.db" learners >/dev/null 2>&1; code=$?
check "a missing file is a clear error (exit 2)" $((code == 2 ? 0 : 1))
echo "not sqlite" >"$tmp/foreign.db"
python3 -c "import sqlite3; c=sqlite3.connect('$tmp/other.db'); c.execute('create table t(x)'); c.commit()"
"$report" --db "$tmp/other.db" learners 2>"$tmp/err"; code=$?
[[ $code -eq 1 ]] && grep -q "pas un fichier de progression" "$tmp/err"
check "another program's file is refused with a clear message" $?

# Reports never write: not on a corrupt file, not on another program's file in
# rollback-journal mode, not on a healthy one.
head -c 8192 /dev/urandom >"$tmp/corrupt.db"
touch "$tmp/err"
for f in corrupt.db other.db p.db; do
  sum=$(sha256sum <"$tmp/$f"); before=$(ls "$tmp")
  "$report" --db "$tmp/$f" progress >/dev/null 2>"$tmp/err"; code=$?
  [[ $(sha256sum <"$tmp/$f") == "$sum" && $(ls "$tmp") == "$before" ]]
  check "progress on $f changes no byte of it and creates no file" $?
  [[ $f == p.db ]] || { [[ $code -eq 1 && -s $tmp/err ]]; check "progress on $f exits 1 with a message" $?; }
done
"$report" --db "$tmp/corrupt.db" learners 2>"$tmp/err"; code=$?
[[ $code -eq 1 ]] && grep -q "abîmé" "$tmp/err" && grep -q "damaged" "$tmp/err"
check "a corrupt file is said damaged, in French and English, exit 1" $?
python3 -c "import sqlite3; print(sqlite3.connect('$tmp/other.db').execute('pragma journal_mode').fetchone()[0])" |
  grep -q delete
check "another program's rollback-journal file is not turned to WAL" $?

# Another program holding the file in exclusive mode: the report gives up in bounded time.
python3 - "$db" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode=EXCLUSIVE"); con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE learner SET name = name")
time.sleep(15)
PY
holder=$!
sleep 1
started=$SECONDS
timeout 30 "$report" --db "$db" learners >/dev/null 2>"$tmp/err"; code=$?
[[ $code -eq 1 && $((SECONDS - started)) -le 10 ]] && grep -q "verrouillé" "$tmp/err"
check "a locked file: exit 1 within 10 s, said « verrouillé »" $?
kill $holder; wait $holder 2>/dev/null

# Text typed before the door was cleaned (old files): export escapes it and never aborts.
python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("UPDATE reflection SET text = CAST(? AS TEXT)", (b"bad \xff\xfe utf-8, NUL \x00 and \x1b[31m escape",))
con.commit()
PY
"$report" --db "$db" export-learner Ana >"$tmp/e2.json"; code=$?
[[ $code -eq 0 ]] && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert 'utf-8' in d['reflection'][0]['text']" "$tmp/e2.json"
check "export-learner on invalid UTF-8 in an old file exits 0 with valid JSON" $?

echo "$pass passed, $failures failed"
[[ $failures -eq 0 ]]
