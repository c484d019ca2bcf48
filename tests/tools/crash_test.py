#!/usr/bin/env python3
"""Kill test: the text-mode player answers quiz questions on a progress file and is killed
with SIGKILL at random moments, many times. After each kill the file must pass
PRAGMA integrity_check, and every answer whose feedback had been printed must be in it.

Usage: crash_test.py <cordee> [kills]   (exit 0 on success)"""
import os, random, signal, sqlite3, subprocess, sys, time
import quiz_workspace

cordee = sys.argv[1]
kills = int(sys.argv[2]) if len(sys.argv) > 2 else 200
random.seed(20261126)

course, db, env = quiz_workspace.make("cordee-crash-", "crash", "Test de coupure")

failures = 0
for run in range(kills):
    proc = subprocess.Popen([cordee, "--text", "--course", course, "--page", "qz", "--db", db,
                             "--learner", f"crash-{run}", "--seed", str(run)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=env, bufsize=0)
    # Start an attempt, then answer and continue, as fast as the player reads.
    script = b"1\n" + b"1\n\n" * 40
    try:
        proc.stdin.write(script)
        proc.stdin.flush()
    except BrokenPipeError:
        pass
    time.sleep(random.uniform(0.0, 0.12))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    # Feedback shown while answering (the review after the results repeats it: not counted).
    text = out.decode("utf-8", "replace").split("Relecture")[0]
    printed = text.count("Bonne réponse") + text.count("Mauvaise réponse")
    con = sqlite3.connect(db)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    stored = 0
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "quiz_attempt" in tables:  # a kill before the schema was committed leaves none
        row = con.execute("SELECT a.id FROM quiz_attempt a JOIN learner l ON l.id = a.learner "
                          "WHERE l.name = ? ORDER BY a.id DESC LIMIT 1", (f"crash-{run}",)).fetchone()
        if row:
            stored = con.execute("SELECT count(*) FROM response WHERE attempt = ?", row).fetchone()[0]
    con.close()
    if integrity != "ok":
        print(f"FAIL: run {run}: integrity_check says {integrity}")
        failures += 1
    if stored < printed:
        print(f"FAIL: run {run}: {printed} answers acknowledged on screen, {stored} in the file")
        failures += 1

print(f"{kills - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
