#!/usr/bin/env python3
"""Full-disk test: the text-mode player writes its progress file on a small tmpfs that is
filled up while a learner writes reflections and answers quiz questions, emptied, and filled
again before the input ends. Afterwards every acknowledged action must be in the file, every
other one must have been announced as not saved (right after it, and again at quit with a
count), and nothing may have been moved aside as "damaged".

Needs root (it mounts a tmpfs); exits 77 (skipped) where it cannot mount one.
Usage: full_disk_test.py <cordee>   (exit 0 on success)"""
import atexit, os, re, shutil, sqlite3, subprocess, sys, tempfile, threading, time

cordee = sys.argv[1]
work = tempfile.mkdtemp(prefix="cordee-full-disk-")
disk = os.path.join(work, "disk")
os.makedirs(disk)
if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk],
                                       stderr=subprocess.DEVNULL).returncode != 0:
    print("SKIP: cannot mount a tmpfs here (needs root)")
    shutil.rmtree(work, True)
    sys.exit(77)



@atexit.register
def clean():
    subprocess.run(["umount", disk], stderr=subprocess.DEVNULL)
    shutil.rmtree(work, True)


failures = []


def fail(message):
    print("FAIL:", message)
    failures.append(message)


def fill():
    """Takes every free block of the tmpfs, as a download or a log would."""
    fd = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    os.close(fd)


def empty():
    os.remove(os.path.join(disk, "filler"))


course = os.path.join(work, "pleine")
os.makedirs(course)
questions = "\n".join(
    f'<truefalse id="q{i}" answer="true"><prompt>Affirmation {i}</prompt>'
    f'<explanation>Parce que.</explanation></truefalse>' for i in range(20))
with open(os.path.join(course, "course.xml"), "w", encoding="utf-8") as f:
    f.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<course id="pleine" format="1"><title>Disque plein</title>
<module id="m" title="M">
<lesson id="l" title="L">
<page id="p1" title="Un"><reflection id="r1"><prompt>Premier texte</prompt></reflection></page>
<page id="p2" title="Deux"><reflection id="r2"><prompt>Second texte</prompt></reflection></page>
</lesson>
<quiz id="qz" title="Quiz" attempts="0">{questions}</quiz>
</module></course>''')
db = os.path.join(disk, "progress.db")
env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"))

proc = subprocess.Popen([cordee, "--text", "--course", course, "--page", "p1", "--db", db,
                         "--learner", "Camille", "--seed", "1"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        env=env, bufsize=0)
out = bytearray()
lock = threading.Lock()


def reader():
    while True:
        chunk = proc.stdout.read(4096)
        if not chunk:
            return
        with lock:
            out.extend(chunk)


threading.Thread(target=reader, daemon=True).start()
seen = 0  # how much of the output the script has already read


def until(text, timeout=10.0):
    """Waits for `text` after what was already read; returns the output in between."""
    global seen
    deadline = time.time() + timeout
    while time.time() < deadline:
        with lock:
            at = out.find(text.encode(), seen)
            if at >= 0:
                piece = out[seen:at + len(text)].decode("utf-8", "replace")
                seen = at + len(text)
                return piece
        time.sleep(0.01)
    with lock:
        tail = out[seen:].decode("utf-8", "replace")
    fail(f"waited {timeout} s for « {text} »; the player said: {tail[-600:]!r}")
    proc.kill()
    sys.exit(1)


def send(line):
    proc.stdin.write(line.encode() + b"\n")
    proc.stdin.flush()


UNSAVED = "gardée en mémoire, pas encore enregistrée"
acknowledged, announced, answered = 0, 0, 0


def answer():
    """Answers the question on screen; counts what the player said about it."""
    global acknowledged, announced, answered
    until("Répondez par un numéro.")
    until("> ")
    send("1")
    said = until("n ou Entrée : continuer")
    answered += 1
    if "Bonne réponse" not in said:
        fail(f"no feedback after an answer: {said!r}")
    if UNSAVED in said:
        announced += 1
    else:
        acknowledged += 1
    until("> ")
    send("")


# 1. Room on the disk: the first reflection is saved and said so.
until("> ")
send("r")
until("Écrivez votre texte")
until("> ")
send("texte un")
said = until("> ")
if "Texte enregistré." not in said:
    fail(f"first reflection not acknowledged: {said!r}")

# 2. The disk fills: the second reflection is kept in memory and said so, on the spot.
fill()
send("n")
until("Second texte")
until("> ")
send("r")
until("Écrivez votre texte")
until("> ")
send("texte deux")
said = until("> ")
if "Texte gardé en mémoire" not in said or "Texte enregistré." in said:
    fail(f"reflection on a full disk not announced as unsaved: {said!r}")
if "abîmé" in said:
    fail("a full disk was called damaged")
send("n")
until("1) Commencer le quiz")
until("> ")
send("1")
for _ in range(3):
    answer()
if announced != 3:
    fail(f"3 answers on a full disk, {announced} announced as not saved")

# 3. Room again: what waited goes in, and the learner is told.
empty()
for _ in range(3):
    answer()
if "de nouveau enregistrée" not in out.decode("utf-8", "replace"):
    fail("the player never said progress was saved again")

# 4. Full again, then the input ends: the quit retries, then counts what is lost.
fill()
before_quit = announced
for _ in range(2):
    answer()
if announced - before_quit != 2:
    fail(f"2 answers on a full disk again, {announced - before_quit} announced as not saved")
started = time.time()
proc.stdin.close()
try:
    proc.wait(timeout=20)
except subprocess.TimeoutExpired:
    fail("the player did not quit within 20 s of the end of its input")
    proc.kill()
quit_time = time.time() - started
errors = proc.stderr.read().decode("utf-8", "replace")
time.sleep(0.1)
with lock:
    text = out.decode("utf-8", "replace")
lost = re.search(r"(\d+) action\(s\) n’ont pas pu être enregistrées", text)
if not lost:
    fail(f"quitting with waiting actions said nothing on stdout: {text[-400:]!r}")
if "n’ont pas pu être enregistrées" not in errors:
    fail("quitting with waiting actions said nothing on stderr")
empty()

con = sqlite3.connect(db)
if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    fail("the progress file does not pass integrity_check")
reflections = dict(con.execute("SELECT reflection, text FROM reflection"))
stored = con.execute("SELECT count(*) FROM response").fetchone()[0]
con.close()
if reflections.get("r1") != "texte un" or reflections.get("r2") != "texte deux":
    fail(f"reflections in the file: {reflections}")
if stored < acknowledged:
    fail(f"{acknowledged} answers acknowledged, {stored} in the file")
missing = answered - stored
if missing > announced - 3:  # the first three went in once there was room
    fail(f"{missing} answers missing from the file, only {announced - 3} announced at the end")
if lost and int(lost.group(1)) < missing:
    fail(f"{missing} answers missing, the quit message counted {lost.group(1)}")
if any(name != "progress.db" and not name.startswith("progress.db-") and name != "filler"
       for name in os.listdir(disk)):
    fail(f"something was moved aside on the full disk: {os.listdir(disk)}")

print(f"{answered} answers: {acknowledged} acknowledged, {announced} announced unsaved, "
      f"{stored} in the file; quit took {quit_time:.1f} s")
print("FAILED" if failures else "passed")
sys.exit(1 if failures else 0)
