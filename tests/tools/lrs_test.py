#!/usr/bin/env python3
"""Against a real Learning Record Store (Learning Locker's statement service, xapi-statements
from npm, started here on loopback with no database): a whole journey of two learners synced
twice, a sync killed with SIGKILL at random moments while the player keeps recording, a fleet
of device files syncing at once, and a forgotten learner voided in the LRS. Each time the LRS
must hold exactly the statements of the export, once each.

Usage: lrs_test.py <cordee> <cordee-report> <node_modules with xapi-statements> [kills] [devices]
(exit 0 on success)"""
import atexit, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.request

cordee, report = sys.argv[1], sys.argv[2]
modules = os.path.abspath(sys.argv[3])  # the LRS runs in the work folder
kills = int(sys.argv[4]) if len(sys.argv) > 4 else 50
devices = int(sys.argv[5]) if len(sys.argv) > 5 else 20
random.seed(20261203)
work = tempfile.mkdtemp(prefix="cordee-lrs-")
atexit.register(shutil.rmtree, work, True)
failures = []


def fail(message):
    print("FAIL:", message)
    failures.append(message)


# --- the LRS ------------------------------------------------------------------------------
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
storage = os.path.join(work, "lrs")
os.makedirs(storage)
lrs = subprocess.Popen(
    ["node", os.path.join(modules, "xapi-statements", "dist", "index.js")],
    env=dict(os.environ, AUTH_REPO="test", EVENTS_REPO="test", MODELS_REPO="memory",
             STORAGE_REPO="local", FS_LOCAL_STORAGE_DIR=storage, EXPRESS_PORT=str(port)),
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)  # its access logs go there
atexit.register(lrs.kill)
url = f"http://127.0.0.1:{port}/xAPI"
for _ in range(300):
    try:
        urllib.request.urlopen(url + "/about", timeout=1).read()
        break
    except OSError:
        time.sleep(0.1)
else:
    print("FAIL: the LRS did not start")
    sys.exit(1)


def lrs_statements():
    """Every statement the LRS returns (voided ones excluded, as xAPI says), through `more`."""
    out, next_url = [], url + "/statements?limit=500"
    while next_url:
        req = urllib.request.Request(next_url, headers={"X-Experience-API-Version": "1.0.3",
                                                        "Authorization": "Basic a2V5OnNlY3JldA=="})
        page = json.load(urllib.request.urlopen(req, timeout=30))
        out += page["statements"]
        more = page.get("more")
        next_url = (f"http://127.0.0.1:{port}" + more) if more else None
    return out


# --- a course, learners, devices ----------------------------------------------------------
course = os.path.join(work, "lrs-course")
os.makedirs(course)
questions = "\n".join(
    f'<truefalse id="q{i}" answer="true"><prompt>Affirmation {i}</prompt></truefalse>'
    for i in range(30))
with open(os.path.join(course, "course.xml"), "w", encoding="utf-8") as f:
    f.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<course id="lrs" format="1"><title>LRS</title>
<module id="m" title="M">
<lesson id="l" title="L"><page id="p1" title="Un"><p>Texte.</p></page>
<page id="p2" title="Deux"><p>Texte.</p></page></lesson>
<quiz id="qz" title="Quiz" attempts="0" shuffle="false">{questions}</quiz>
</module></course>''')
env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
           CORDEE_LRS_SECRET="secret")


def play(db, learner, script, page=None, wait=True):
    args = [cordee, "--text", "--course", course, "--db", db, "--learner", learner]
    if page:
        args += ["--page", page]
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    if wait:
        p.communicate(script.encode(), timeout=60)
    return p


def export_ids(db):
    out = subprocess.run([report, "--db", db, "export-xapi"], capture_output=True, env=env,
                         check=True).stdout.decode()
    return [json.loads(line)["id"] for line in out.splitlines()]


def sync(db, *extra):
    return subprocess.run([report, "--db", db, "sync", "--lrs", url, "--key", "key", *extra],
                          capture_output=True, env=env, timeout=300)


def check_once(expected, what):
    held = [s["id"] for s in lrs_statements()]
    if len(held) != len(set(held)):
        fail(f"{what}: the LRS holds {len(held) - len(set(held))} duplicates")
    if set(held) != set(expected):
        fail(f"{what}: the LRS holds {len(set(held))} statements, the exports {len(set(expected))}"
             f" ({len(set(expected) - set(held))} missing, {len(set(held) - set(expected))} extra)")
    return len(held)


# 1. A journey of two learners, synced twice.
journey = os.path.join(work, "journey.db")
play(journey, "Ana", "n\nn\n")
play(journey, "Ana", "1\n" + "1\n\n" * 30 + "q\n", page="qz")
play(journey, "Bruno", "1\n" + "2\n\n" * 30 + "q\n", page="qz")
ids = export_ids(journey)
first = sync(journey)
if first.returncode != 0:
    fail(f"first sync: exit {first.returncode}: {first.stderr.decode()}")
second = sync(journey)
if b"sent: 0 " not in second.stdout:
    fail(f"second sync sent something again: {second.stdout.decode()}")
count = check_once(ids, "journey synced twice")
print(f"journey: {len(ids)} statements exported, {count} in the LRS")

# 2. Crash test: the sync is killed at random moments while the player keeps recording.
crash = os.path.join(work, "crash.db")
play(crash, "Chloé", "1\n" + "1\n\n" * 30 + "q\n", page="qz")
for k in range(kills):
    player = play(crash, f"d{k % 5}", "", page="qz", wait=False)
    syncer = subprocess.Popen([report, "--db", crash, "sync", "--lrs", url, "--key", "key",
                               "--batch", "3"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=env)
    player.stdin.write(("1\n" + "1\n\n" * 8).encode())
    player.stdin.flush()
    time.sleep(random.uniform(0.0, 0.25))
    syncer.send_signal(signal.SIGKILL)
    syncer.wait()
    player.stdin.close()
    player.wait(timeout=30)
final = sync(crash)
if final.returncode != 0:
    fail(f"final sync after kills: exit {final.returncode}: {final.stderr.decode()}")
crash_ids = export_ids(crash)
count = check_once(ids + crash_ids, f"after {kills} killed syncs")
print(f"crash: {kills} syncs killed, {len(crash_ids)} statements, each once in the LRS")

# 3. A fleet of devices syncing at once into one LRS.
fleet_ids = []
dbs = [os.path.join(work, f"device-{d}.db") for d in range(devices)]
for d, db in enumerate(dbs):
    play(db, f"agent-{d}", "1\n" + "1\n\n" * (d % 7 + 1) + "q\n", page="qz")
    fleet_ids += export_ids(db)
started = time.time()
procs = [subprocess.Popen([report, "--db", db, "sync", "--lrs", url, "--key", "key"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env) for db in dbs]
for p in procs:
    _, err = p.communicate(timeout=300)
    if p.returncode != 0:
        fail(f"a device's sync failed: {err.decode()}")
count = check_once(ids + crash_ids + fleet_ids, f"{devices} devices at once")
print(f"fleet: {devices} devices, {len(fleet_ids)} statements in {time.time() - started:.1f} s")

# 4. The fleet view: the reports read from the LRS equal the union of the devices' own.
def table(args):
    out = subprocess.run([report, *args], capture_output=True, env=env, timeout=120)
    if out.returncode != 0:
        fail(f"{' '.join(args)}: exit {out.returncode}: {out.stderr.decode()}")
    lines = out.stdout.decode().splitlines()
    return lines[0] if lines else "", sorted(lines[1:])


for what in ("progress", "questions"):
    header, fleet = table(["--lrs", url, "--key", "key", what])
    union = []
    for db in [journey, crash] + dbs:
        local_header, rows = table(["--db", db, what])
        if local_header != header:
            fail(f"{what}: the fleet's header {header!r} is not the file's {local_header!r}")
        union += rows
    if what == "questions":  # each device counts its own answers: the fleet adds them up
        union = None
    if union is not None and fleet != sorted(union):
        missing = set(union) - set(fleet)
        extra = set(fleet) - set(union)
        fail(f"fleet {what} differs from the union of the devices' reports: "
             f"{sorted(missing)[:3]} missing, {sorted(extra)[:3]} extra")
    print(f"fleet view: {what}: {len(fleet)} rows")
questions_fleet = table(["--lrs", url, "--key", "key", "questions"])[1]
answers = {}
for db in [journey, crash] + dbs:
    for row in table(["--db", db, "questions"])[1]:
        key = ",".join(row.split(",")[:3])
        answers[key] = answers.get(key, 0) + int(row.split(",")[3])
fleet_answers = {",".join(r.split(",")[:3]): int(r.split(",")[3]) for r in questions_fleet}
if fleet_answers != answers:
    fail("fleet questions: answer counts differ from the sum of the devices'")

# 5. Forgetting a learner reaches the LRS: their statements are voided there.
ana = [s for s in lrs_statements() if s["actor"].get("name") == "Ana"]
subprocess.run([report, "--db", journey, "forget", "Ana"], check=True, capture_output=True,
               env=env)
after_forget = sync(journey)
if after_forget.returncode != 0:
    fail(f"sync after forget: {after_forget.stderr.decode()}")
left = lrs_statements()
if any(s["actor"].get("name") == "Ana" for s in left):
    fail("Ana's statements are still in the LRS after forget and sync")
voiding = [s for s in left if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"]
if len(voiding) != len(ana):
    fail(f"{len(ana)} statements of Ana in the LRS, {len(voiding)} voiding statements")
print(f"forget: {len(ana)} statements voided in the LRS")

status = subprocess.run([report, "--db", journey, "sync-status"], capture_output=True,
                        env=env).stdout.decode()
if "waiting,0" not in status or "last_success,2" not in status:
    fail(f"sync-status after a full sync: {status}")

print("FAILED" if failures else "passed")
sys.exit(1 if failures else 0)
