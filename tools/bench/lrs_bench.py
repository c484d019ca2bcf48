#!/usr/bin/env python3
"""The LRS client's figures (docs/performance.md), measured in one run against Learning
Locker's statement service (xapi-statements from npm) on loopback:
  - syncing N statements (default 100,000) with `cordee-report sync`: statements per second,
    against the same batches posted by one bare curl process (keep-alive, `--next` per batch)
    to a fresh LRS (goal: >= 0.8 of it), and the sync's peak memory (goal: <= 50 MB);
  - recording an answer while a sync runs on the same file, against the same without a sync
    (goal: no measurable difference).

Usage: lrs_bench.py <cordee> <cordee-report> <cordee-progress-bench> <node_modules> [N]"""
import json, os, re, shutil, socket, sqlite3, subprocess, sys, tempfile, time, urllib.request
import uuid

cordee, report, progress_bench, modules = sys.argv[1:5]
modules = os.path.abspath(modules)  # the LRS runs in the work folder
count = int(sys.argv[5]) if len(sys.argv) > 5 else 100000
batch = 200
work = tempfile.mkdtemp(prefix="cordee-lrs-bench-")
env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
           CORDEE_LRS_SECRET="secret")
servers = []


def start_lrs():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    storage = tempfile.mkdtemp(dir=work)
    p = subprocess.Popen(["node", os.path.join(modules, "xapi-statements", "dist", "index.js")],
                         env=dict(os.environ, AUTH_REPO="test", EVENTS_REPO="test",
                                  MODELS_REPO="memory", STORAGE_REPO="local",
                                  FS_LOCAL_STORAGE_DIR=storage, EXPRESS_PORT=str(port)),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
    servers.append(p)
    url = f"http://127.0.0.1:{port}/xAPI"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/about", timeout=1).read()
            return url
        except OSError:
            time.sleep(0.1)
    sys.exit("the LRS did not start")


try:
    # A progress file holding `count` page visits of one learner, logged as the player does.
    course = os.path.join(work, "bench")
    os.makedirs(course)
    with open(os.path.join(course, "course.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><course id="bench" format="1">'
                '<title>B</title><module id="m" title="M"><lesson id="l" title="L">'
                '<page id="p1" title="P"><p>T.</p></page></lesson></module></course>')
    db = os.path.join(work, "bench.db")
    subprocess.run([cordee, "--text", "--course", course, "--db", db, "--learner", "mesure"],
                   input=b"q\n", stdout=subprocess.DEVNULL, env=env, check=True)
    con = sqlite3.connect(db)
    learner = con.execute("SELECT id FROM learner").fetchone()[0]
    con.executemany(
        "INSERT INTO xapi_event(id, learner, kind, course, course_version, object, timestamp, "
        "duration_ms) VALUES (?, ?, 'experienced', 'bench', 1, ?, ?, ?)",
        ((str(uuid.uuid4()), learner, f"pages/p{i % 500}",
          time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1764000000 + i)), 1000 + i % 9000)
         for i in range(count)))
    con.commit()
    con.close()
    total = int(re.search(r"waiting,(\d+)", subprocess.run(
        [report, "--db", db, "sync-status"], capture_output=True, env=env).stdout.decode())[1])

    # The bare floor: the same statements, the same batches, one curl process.
    exported = subprocess.run([report, "--db", db, "export-xapi"], capture_output=True,
                              env=env, check=True).stdout.decode().splitlines()
    bodies = []
    for i in range(0, len(exported), batch):
        path = os.path.join(work, f"batch-{i // batch}.json")
        with open(path, "w") as f:
            f.write("[" + ",".join(exported[i:i + batch]) + "]")
        bodies.append(path)
    floor_url = start_lrs()
    config = os.path.join(work, "curl.conf")
    with open(config, "w") as f:
        for n, path in enumerate(bodies):
            if n:
                f.write("next\n")
            f.write(f'url = "{floor_url}/statements"\nheader = "X-Experience-API-Version: '
                    f'1.0.3"\nheader = "Content-Type: application/json"\nuser = "key:secret"\n'
                    f'data-binary = "@{path}"\noutput = "/dev/null"\nsilent\n')
    started = time.time()
    subprocess.run(["curl", "-K", config], check=True)
    floor = time.time() - started

    # Cordée's sync, to another fresh LRS, with its peak memory.
    url = start_lrs()
    started = time.time()
    timed = subprocess.run(["/usr/bin/time", "-f", "%M", report, "--db", db, "sync", "--lrs", url,
                            "--key", "key", "--batch", str(batch)], capture_output=True, env=env)
    ours = time.time() - started
    peak_kb = int(timed.stderr.decode().strip().splitlines()[-1])
    sent = int(re.search(r"sent: (\d+)", timed.stdout.decode())[1])

    # An answer recorded while a sync writes its acknowledgements into the same file.
    quiet = subprocess.run([progress_bench, "--answers-on", db, "300"], capture_output=True,
                           env=env).stdout.decode().strip()
    con = sqlite3.connect(db)
    con.execute("UPDATE xapi_event SET sent = NULL")
    con.commit()
    con.close()
    url = start_lrs()
    syncing = subprocess.Popen([report, "--db", db, "sync", "--lrs", url, "--key", "key"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(0.5)
    busy = subprocess.run([progress_bench, "--answers-on", db, "300"], capture_output=True,
                          env=env).stdout.decode().strip()
    still_syncing = syncing.poll() is None
    syncing.wait()

    print(f"statements: {total} waiting, {sent} sent, batches of {batch}")
    print(f"bare curl (one process, keep-alive):  {floor:6.1f} s, {total / floor:8.0f} statements/s")
    print(f"cordee-report sync:                   {ours:6.1f} s, {total / ours:8.0f} statements/s "
          f"(ratio {floor / ours:.2f}, goal >= 0.8)")
    print(f"cordee-report sync peak memory:       {peak_kb / 1024:.1f} MB (goal <= 50)")
    print(f"recording an answer, no sync:         {quiet}")
    print(f"recording an answer, sync running:    {busy}"
          + ("" if still_syncing else "  (the sync ended before the measure: raise N)"))
finally:
    for p in servers:
        p.kill()
    shutil.rmtree(work, True)
