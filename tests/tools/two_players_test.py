#!/usr/bin/env python3
"""Two players on one progress file at once (two windows on a shared laptop): several
text-mode players answer a 40-question quiz at full speed, at the same time, on the same file.
Every acknowledged answer of each must be in the file, and none may see "database is locked".

Usage: two_players_test.py <cordee> [players]   (exit 0 on success)"""
import os, sqlite3, subprocess, sys
import quiz_workspace

cordee = sys.argv[1]
players = int(sys.argv[2]) if len(sys.argv) > 2 else 4

course, db, env = quiz_workspace.make("cordee-two-", "duo", "Deux postes")

procs = []
for n in range(players):
    procs.append(subprocess.Popen(
        [cordee, "--text", "--course", course, "--page", "qz", "--db", db,
         "--learner", f"poste-{n}", "--seed", str(n)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env))
outputs = [p.communicate(b"1\n" + b"1\n\n" * 40 + b"q\n", timeout=120)[0].decode("utf-8", "replace")
           for p in procs]

failures = 0
con = sqlite3.connect(db)
for n, out in enumerate(outputs):
    text = out.split("Relecture")[0]
    printed = text.count("Bonne réponse") + text.count("Mauvaise réponse")
    stored = con.execute("SELECT count(*) FROM response r JOIN quiz_attempt a ON a.id = r.attempt "
                         "JOIN learner l ON l.id = a.learner WHERE l.name = ?",
                         (f"poste-{n}",)).fetchone()[0]
    if printed != 40 or stored != 40:
        print(f"FAIL: player {n}: {printed} answers acknowledged, {stored} in the file (40 given)")
        failures += 1
    for word in ("locked", "verrouill", "n’est pas enregistrée", "attend"):
        if word in out:
            print(f"FAIL: player {n} was told: …{word}…")
            failures += 1
if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    print("FAIL: integrity_check")
    failures += 1
con.close()
if failures and os.environ.get("VERBOSE"):
    print(outputs)
print(f"{players} players, {failures} failures")
sys.exit(1 if failures else 0)
