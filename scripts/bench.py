#!/usr/bin/python3
"""`make bench`: how fast each page is, against the limit of its own SQL.

On a fresh PostgreSQL cluster with the large data set (`pledgetrack generate-large`), with the
release build of the server, for each page:
  - the app under wrk: 32 connections for BENCH_SECONDS (default 10) after a short warm-up;
  - the page's own SQL under pgbench, same 32 clients, same time, prepared statements. The SQL is
    exactly what the page issued: the harness loads the page once with statement logging on and
    turns the logged statements and their parameters into the pgbench script. Pages cached until
    the data changes (PageCache) are recorded right after a write, so this is their rebuild;
  - the same SQL with one client, for what one run of it costs.
Then the server's memory: resident at idle and at its peak. For each page read, also the time of one
request right after a write (dashboards are cached until the data changes; this is a rebuild).
Then the report downloads (EXPORTS), one at a time on a fresh server, not under wrk: the median wall
time of three, the bytes, the rows of a CSV file, and the server's resident memory before and at
its peak during each (sampled every 20 ms), with the PDF engine's Chromium processes beside it.
The tables are printed and written to .local/bench/. Adding a page is one line in PAGES.
"""
import csv
import io
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, Persona, Server, psql, run, sign_in, start_cluster, status_mb  # noqa: E402  (shared with faults.py and the browser tests)

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 32
PASSWORD = "generated-user-password"


class Page:
    def __init__(self, name, path, post=None, reader=None, languages=False):
        # reader: None for a visitor, or whose session the GET carries ("secretariat", "facilitator").
        # languages: each request asks for the next of the six languages (?lang=), so the page
        # cache holds six copies, as it does for readers in every region.
        self.name, self.path, self.post, self.reader, self.languages = name, path, post, reader, languages


# One line a page. {pledge10} is a pledge given 10 milestones, {country} the country with most
# pledges, {panel} the first survivor panel; POST pages use the milestone Lua script.
PAGES = [
    Page("home", "/"),
    Page("pledge list, first page", "/pledges"),
    Page("pledge list, filtered", "/pledges?region=002&status=in_progress&measure=6"),
    Page("pledge list, text search", "/pledges?q=shelter"),
    Page("pledge page, 10 milestones", "/pledges/{pledge10}"),
    Page("milestone update (POST)", "/milestones/{milestone}/edit", post="milestone"),
    Page("dashboard overview", "/dashboards"),
    Page("dashboard overview, filtered", "/dashboards?region=002&status=in_progress"),
    Page("dashboard by State (tile map)", "/dashboards/states"),
    Page("dashboard of one country", "/dashboards/states/{country}"),
    Page("dashboard by measure", "/dashboards/measures"),
    Page("dashboard of SDG target 8.7", "/dashboards/sdgs/8.7"),
    Page("dashboard State × measure", "/dashboards/matrix"),
    Page("feedback review queue (secretariat)", "/feedback?review=new", reader="secretariat"),
    Page("a panel's page (its facilitator)", "/panels/{panel}", reader="facilitator"),
    Page("measure 18 with its feedback", "/dashboards/measures/18"),
    Page("worklist of a focal point (one entity)", "/work", reader="focal_one"),
    Page("worklist of a focal point of all 300 entities", "/work", reader="focal_all"),
    Page("worklist, my pledges (one entity)", "/pledges?mine=1", reader="focal_one"),
    Page("worklist of the secretariat", "/work", reader="secretariat"),
    Page("pledge list, readers in six languages", "/pledges", languages=True),
    Page("pledge page, readers in six languages", "/pledges/{pledge10}", languages=True),
    Page("dashboard by State, readers in six languages", "/dashboards/states", languages=True),
    Page("dashboard by measure, readers in six languages", "/dashboards/measures", languages=True),
]

LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]

# The mixed run: readers cycle over these public pages (one wrk, 32 connections) while a focal
# point updates milestones through the form at each of WRITE_RATES a second (open loop).
MIXED_PAGES = ["/", "/pledges", "/pledges/{pledge10}", "/dashboards", "/dashboards/states", "/dashboards/states/{country}",
               "/dashboards/measures", "/dashboards/measures/18", "/dashboards/sdgs/8.7", "/dashboards/matrix"]
WRITE_RATES = [int(r) for r in os.environ.get("BENCH_WRITE_RATES", "0,2,10,50").split(",")]
# The large data set times this for the growth run (100,000 pledges, 600,000 milestones at 10).
SCALE = int(os.environ.get("BENCH_SCALE", "10"))


def languages_lua(path):
    """Each request asks for the next language, as readers in every region would."""
    separator = "&" if "?" in path else "?"
    languages = ", ".join(f'"{code}"' for code in LANGUAGES)
    return f"""
local languages = {{{languages}}}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "{path}{separator}lang=" .. languages[(counter % #languages) + 1])
end
"""


class Export:
    def __init__(self, name, path, reader=None, csv=False, target=None):
        # A report download, timed alone: csv counts its rows; target is (seconds, MB of RSS growth).
        self.name, self.path, self.reader, self.csv, self.target = name, path, reader, csv, target


# The whole large data set as the secretariat downloads it (staff: restricted pledges included).
EXPORTS = [
    Export("export: milestones CSV, every milestone", "/reports/download?format=milestones.csv", reader="secretariat", csv=True,
           target=(1.0, 20)),
    Export("export: Excel workbook", "/reports/download?format=xlsx", reader="secretariat"),
    Export("export: PDF brief", "/reports/download?format=pdf", reader="secretariat"),
]
EXPORT_RUNS = 3
# A small download of each format first, so the measured runs do not pay for the first request.
EXPORT_WARM_UP = "&status=withdrawn&country={country}"

# BENCH_ONLY="queue,panel" measures only the pages whose names contain one of those words;
# "exports" (or "export") only the downloads, "pages" only the pages.
ONLY = [w.strip().lower() for w in os.environ.get("BENCH_ONLY", "").split(",") if w.strip()]
# "mixed" the readers-while-writing run, "scale" the ×10 data set run.
MIXED = not ONLY or "mixed" in ONLY
SCALED = not ONLY or "scale" in ONLY
if ONLY:
    PAGES = [p for p in PAGES if "pages" in ONLY or any(w in p.name.lower() for w in ONLY)]
    EXPORTS = [e for e in EXPORTS if "exports" in ONLY or any(w in e.name.lower() for w in ONLY)]

# Sessions made in the database for the pages read by staff (the secretariat signs in with a
# second factor, which a benchmark cannot type).
READER_SESSIONS = {
    "secretariat": "SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'secretariat' ORDER BY u.id LIMIT 1",
    "facilitator": "SELECT facilitator_id FROM panel ORDER BY id LIMIT 1",
    # The bench's focal point belongs to every entity (the worst case); another, to one.
    "focal_all": "SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'focal_point' ORDER BY u.id LIMIT 1",
    "focal_one": "SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'focal_point' ORDER BY u.id LIMIT 1 OFFSET 1",
}


def reader_cookies(url):
    cookies = {}
    for reader, who in READER_SESSIONS.items():
        token = f"bench-{reader}-session-token"
        psql(url, f"""INSERT INTO user_session (token_hash, user_id, csrf_token, second_factor_done, idle_timeout, expires_at, client_address)
                      SELECT sha256(convert_to('{token}', 'UTF8')), ({who}), 'unused', true, interval '1 day', now() + interval '1 day', 'bench'
                      ON CONFLICT DO NOTHING""")
        cookies[reader] = f"__Host-pt_session={token}; pt_session={token}"
    return cookies


PDF_MARK = b"pledgetrack-pdf-"


def pdf_engine_rss(server_pid):
    """The resident memory of the server's PDF engine: its descendants whose command line names
    a pledgetrack-pdf- folder (Chromium's profile), with all of theirs, RSS summed (pages shared
    between them are counted in each)."""
    parents, marked = {}, set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
            if PDF_MARK in (entry / "cmdline").read_bytes():
                marked.add(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue

    def with_descendants(roots):
        family, grew = set(roots), True
        while grew:
            children = {pid for pid, parent in parents.items() if parent in family and pid not in family}
            family |= children
            grew = bool(children)
        return family

    engine = with_descendants(marked) & with_descendants({server_pid}) if marked else set()
    return sum(status_mb(pid, "VmRSS")[0] or 0.0 for pid in engine)


class MemorySampler(threading.Thread):
    """Samples the server's RSS every 20 ms until stopped (VmHWM is the lifetime peak, so a peak
    during one download needs sampling), and optionally the PDF engine's every 100 ms (a walk of
    /proc takes some milliseconds; sampled as often, it would take a core from the print)."""
    ENGINE_EVERY = 5

    def __init__(self, pid, pdf_engine=False, interval=0.02):
        super().__init__(daemon=True)
        self.pid, self.pdf_engine, self.interval = pid, pdf_engine, interval
        self.peak_rss, self.peak_engine, self.samples = 0.0, 0.0, 0
        self.halt = threading.Event()

    def sample(self, engine=None):
        rss, = status_mb(self.pid, "VmRSS")
        if rss is not None:
            self.peak_rss = max(self.peak_rss, rss)
        if self.pdf_engine and (engine if engine is not None else self.samples % self.ENGINE_EVERY == 0):
            self.peak_engine = max(self.peak_engine, pdf_engine_rss(self.pid))
        self.samples += 1

    def run(self):
        while not self.halt.is_set():
            self.sample()
            self.halt.wait(self.interval)

    def stop(self):
        self.halt.set()
        self.join()
        self.sample(engine=False)  # the engine has exited by now


LOG_ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[\d+\] (LOG|DETAIL|ERROR|STATEMENT):  ", re.M)


def logged_statements(log_text):
    """The statements the server executed, with their parameters put in as literals."""
    parts = LOG_ENTRY.split(log_text)
    entries = [(parts[i], parts[i + 1].rstrip("\n")) for i in range(1, len(parts) - 1, 2)]
    statements = []
    for index, (kind, text) in enumerate(entries):
        if kind != "LOG":
            continue
        match = re.match(r"duration: [\d.]+ ms  (?:execute [^:]+|statement): (.*)", text, re.S)
        if not match:
            continue
        sql = match.group(1).strip()
        if sql.upper().startswith("SET "):
            continue  # connection set-up, not the page's work
        if index + 1 < len(entries) and entries[index + 1][0] == "DETAIL" and entries[index + 1][1].startswith("parameters: "):
            values = re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", entries[index + 1][1][len("parameters: "):])
            for number, value in sorted(values, key=lambda v: -int(v[0])):
                sql = re.sub(rf"\${number}(?!\d)", lambda _: value, sql)
        statements.append(sql)
    return statements


def wrk(url, lua=None, headers=()):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "--timeout", "5s", *headers]
    if lua:
        args += ["-s", lua]
    output = run(*args, url, capture=True)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def latency(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, latency("50"), latency("99"), int(errors.group(1)) if errors else 0, output


def pgbench(url, script, clients, seconds):
    output = run("pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", script, url, capture=True)
    tps = float(re.search(r"tps = ([\d.]+)", output).group(1))
    latency = float(re.search(r"latency average = ([\d.]+) ms", output).group(1))
    return tps, latency


def main():
    run(str(ROOT / "scripts/deps"), "bench")
    print("Building the release server…", flush=True)
    run("swift", "build", "-c", "release", "--product", "pledgetrack", cwd=ROOT)
    binary = run("swift", "build", "-c", "release", "--show-bin-path", cwd=ROOT, capture=True).strip().splitlines()[-1] + "/pledgetrack"

    scratch = Path(tempfile.mkdtemp(prefix="pledgetrack-bench.", dir="/tmp"))
    scratch.chmod(0o755)
    cluster = scratch / "pg"
    server = None
    try:
        admin, url = start_cluster(cluster, "bench", "-c shared_buffers=512MB -c max_connections=200 -c log_line_prefix='%m [%p] '")
        print("Loading the large data set…", flush=True)
        run(binary, "generate-large", env=dict(os.environ, DATABASE_URL=url), cwd=ROOT)

        # The bench's people and objects: a focal point of every entity; a pledge with 10 milestones.
        focal = psql(url, "SELECT email FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'focal_point' ORDER BY u.id LIMIT 1")
        psql(url, f"INSERT INTO entity_member (user_id, entity_id) SELECT u.id, e.id FROM app_user u, entity e WHERE u.email = '{focal}' ON CONFLICT DO NOTHING")
        pledge10 = psql(url, "SELECT id FROM pledge WHERE visibility = 'public' ORDER BY id LIMIT 1 OFFSET 1000")
        psql(url, f"""INSERT INTO milestone (pledge_id, stage, position, title, status)
                      SELECT {pledge10}, 'implementation', 10 + k, 'Extra milestone ' || k, 'on_track' FROM generate_series(1, 4) k""")
        milestones = psql(url, "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id FROM milestone WHERE stage = 'implementation' ORDER BY id LIMIT 20000) m")
        sample_milestone = milestones.split(",")[0]
        country = psql(url, "SELECT country_iso3 FROM pledge_country GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        panel = psql(url, "SELECT min(id) FROM panel")
        readers = reader_cookies(url)

        port = 18080
        log = cluster / "log" / "server.log"
        rows, idle_rss, peak_rss, mixed = [], None, None, None
        if PAGES or MIXED:
            idle_rss, peak_rss, rows, mixed = bench_pages(binary, url, admin, port, log, scratch, focal, readers,
                                                          pledge10, sample_milestone, milestones, country, panel)
        scaled = bench_scaled(binary, admin, port, scratch, log) if SCALED else None
        export_rows = []
        if EXPORTS:
            server = Server(binary, url, port, env={"DATABASE_POOL_SIZE": os.environ.get("DATABASE_POOL_SIZE", "8")})
            server.start()
            export_rows = bench_exports(server, port, url, readers, country)
            server.stop()
            server = None
        report(rows, idle_rss, peak_rss, export_rows, mixed, scaled)
    finally:
        if server:
            server.stop()
        run(str(ROOT / "scripts/pg-cluster"), "stop", str(cluster), check=False)
        shutil.rmtree(scratch, ignore_errors=True)


def bench_pages(binary, url, admin, port, log, scratch, focal, readers, pledge10, sample_milestone, milestones, country, panel):
    """The pages: their SQL recorded, then each under wrk and its SQL under pgbench."""
    server = None
    try:
        # 1. Record each page's SQL: load it once with every statement logged.
        psql(admin, "ALTER DATABASE bench SET log_min_duration_statement = 0")
        server = Server(binary, url, port, env={"DATABASE_POOL_SIZE": os.environ.get("DATABASE_POOL_SIZE", "8")})
        server.start()
        cookie, csrf = sign_in(f"http://127.0.0.1:{port}", Persona(focal, PASSWORD))
        for page in PAGES:  # warm the app's caches: record the steady state, not the first load
            if not page.post:
                path = page.path.format(pledge10=pledge10, milestone=sample_milestone, country=country, panel=panel)
                urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=reader_header(page, readers))).read()
        scripts = {}
        for page in PAGES:
            path = page.path.format(pledge10=pledge10, milestone=sample_milestone, country=country, panel=panel)
            if not page.post:  # record what the page issues when it is built, not a cache hit
                bump(url)
            before = log.stat().st_size
            if page.post:
                version = psql(url, f"SELECT version FROM milestone WHERE id = {sample_milestone}")
                form = urllib.parse.urlencode(milestone_form(csrf, version, 50)).encode()
                request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=form, headers={"Cookie": cookie})
            else:
                request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=reader_header(page, readers))
            try:
                urllib.request.urlopen(request).read()
            except urllib.error.HTTPError as response:
                if response.code != 303:
                    raise SystemExit(f"{page.name}: {response.code}")
            time.sleep(0.3)
            with open(log, errors="replace") as f:
                f.seek(before)
                statements = logged_statements(f.read())
            if page.post:
                # Replayed, the recorded version check would match only once; pgbench must do the write every time.
                statements = [re.sub(r"\s+AND version = '\d+'", "", s) for s in statements]
                # On one milestone, 32 clients would measure their queue on one row: each run
                # updates an implementation milestone picked at random (its pledge's id, which
                # may be a common small number, is left as recorded; it changes no cost).
                statements = [s.replace(f"'{sample_milestone}'", ":mid") for s in statements]
                low, high = psql(url, "SELECT min(id) || ' ' || max(id) FROM milestone WHERE stage = 'implementation'").split()
                pick = (f"\\set r random({low}, {high})\n"
                        "SELECT id AS mid FROM milestone WHERE stage = 'implementation' AND id >= :r "
                        "ORDER BY id LIMIT 1 \\gset\n")
            script = scratch / f"page-{len(scripts)}.sql"
            script.write_text((pick if page.post else "") + "".join(s.rstrip(";") + ";\n" for s in statements))
            scripts[page.name] = (script, len(statements))
        server.stop()
        psql(admin, "ALTER DATABASE bench RESET log_min_duration_statement")

        # 2. Measure.
        server = Server(binary, url, port, env={"DATABASE_POOL_SIZE": os.environ.get("DATABASE_POOL_SIZE", "8")})
        server.start()
        cookie, csrf = sign_in(f"http://127.0.0.1:{port}", Persona(focal, PASSWORD))
        idle_rss, _ = server.memory()
        lua = scratch / "milestone.lua"
        lua.write_text(milestone_lua(cookie, csrf, milestones))
        rows = []
        for page in PAGES:
            path = page.path.format(pledge10=pledge10, milestone=sample_milestone, country=country, panel=panel)
            url_ = f"http://127.0.0.1:{port}{path}"
            script, count = scripts[page.name]
            print(f"· {page.name}", flush=True)
            if page.post:
                rate, p50, p99, errors, _ = wrk(url_, str(lua))
            elif page.languages:
                spread = scratch / f"languages-{len(rows)}.lua"
                spread.write_text(languages_lua(path))
                run("wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", "-s", str(spread), url_, capture=True)  # warm-up
                rate, p50, p99, errors, _ = wrk(url_, str(spread))
            else:
                header = ["-H", f"Cookie: {readers[page.reader]}"] if page.reader else []
                run("wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", *header, url_, capture=True)  # warm-up
                rate, p50, p99, errors, _ = wrk(url_, headers=header)
            if count:
                tps, _ = pgbench(url, str(script), CONNECTIONS, SECONDS)
                _, cost = pgbench(url, str(script), 1, 3)
            else:
                tps, cost = None, 0.0
            after_write = None if page.post else request_after_write(url_, url, reader_header(page, readers))
            rows.append((page.name, rate, p50, p99, errors, count, cost, tps, after_write))
        mixed = bench_mixed(server, port, url, cookie, csrf, pledge10, country) if MIXED else None
        _, peak_rss = server.memory()
        server.stop()
        server = None
        return idle_rss, peak_rss, rows, mixed
    finally:
        if server:
            server.stop()


def cycle_lua(paths):
    """Each request asks for the next of `paths`."""
    listed = ", ".join(f'"{p}"' for p in paths)
    return f"""
local paths = {{{listed}}}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""


class Writers(threading.Thread):
    """Milestone updates through the form at `rate` a second, open loop: each is sent at its
    scheduled time by one of a few workers (keep-alive connections), its latency recorded."""
    WORKERS = 8

    def __init__(self, port, cookie, csrf, milestones, rate, seconds):
        super().__init__(daemon=True)
        self.port, self.cookie, self.csrf, self.rate, self.seconds = port, cookie, csrf, rate, seconds
        self.todo = list(milestones)  # (id, version)
        self.latencies, self.failures, self.lock = [], 0, threading.Lock()

    def run(self):
        if not self.rate:
            return
        import http.client
        import queue
        jobs = queue.Queue()

        def work():
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            while (job := jobs.get()) is not None:
                milestone, version = job
                body = urllib.parse.urlencode(milestone_form(self.csrf, version, version % 100))
                start = time.perf_counter()
                try:
                    connection.request("POST", f"/milestones/{milestone}/edit", body=body,
                                       headers={"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 303
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                with self.lock:
                    if ok:
                        self.latencies.append((time.perf_counter() - start) * 1000)
                    else:
                        self.failures += 1

        workers = [threading.Thread(target=work, daemon=True) for _ in range(self.WORKERS)]
        for w in workers:
            w.start()
        begin, sent = time.perf_counter(), 0
        while (elapsed := time.perf_counter() - begin) < self.seconds and self.todo:
            due = int(elapsed * self.rate) + 1
            while sent < due and self.todo:
                jobs.put(self.todo.pop(0))
                sent += 1
            time.sleep(min(0.005, 1 / self.rate))
        for _ in workers:
            jobs.put(None)
        for w in workers:
            w.join(timeout=15)
        self.elapsed = time.perf_counter() - begin

    def summary(self):
        if not self.rate:
            return None, None
        done = sorted(self.latencies)
        p99 = done[min(len(done) - 1, int(len(done) * 0.99))] if done else float("nan")
        return len(done) / self.elapsed, p99


def bench_mixed(server, port, db_url, cookie, csrf, pledge10, country):
    """Readers over the public pages while writers update milestones; and a cached page's
    throughput beside the server's static route in the same run."""
    base = f"http://127.0.0.1:{port}"
    paths = [p.format(pledge10=pledge10, country=country) for p in MIXED_PAGES]
    lua = Path(tempfile.mkstemp(suffix=".lua")[1])
    lua.write_text(cycle_lua(paths))
    print("· static route and cached pages, nobody writing", flush=True)
    static = wrk(base + "/healthz")[0]
    home = wrk(base + "/")[0]
    overview = wrk(base + "/dashboards")[0]
    # Milestones nobody else updates here, each with its current version.
    pool = psql(db_url, "SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM (SELECT id, version FROM milestone "
                        "WHERE stage = 'evaluation' ORDER BY id LIMIT 4000) m").split(",")
    pool = [tuple(int(x) for x in item.split(":")) for item in pool]
    results = []
    for rate in WRITE_RATES:
        print(f"· readers while {rate} writes a second", flush=True)
        run("wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", "-s", str(lua), base + "/", capture=True)  # warm-up
        take, pool = pool[:rate * (SECONDS + 2)], pool[rate * (SECONDS + 2):]
        writers = Writers(port, cookie, csrf, take, rate, SECONDS)
        writers.start()
        r_rate, r_p50, r_p99, errors, _ = wrk(base + "/", str(lua))
        writers.join()
        w_rate, w_p99 = writers.summary()
        rss, _ = server.memory()
        results.append(dict(rate=rate, readers=r_rate, p50=r_p50, p99=r_p99, errors=errors, writes=w_rate, write_p99=w_p99,
                            write_failures=writers.failures, rss=rss))
    lua.unlink()
    return dict(static=static, home=home, overview=overview, runs=results)


def bench_scaled(binary, admin, port, scratch, log):
    """The large data set ×SCALE in a database of its own: how long it takes to make, and each
    mixed-run page's read under wrk and its SQL as rebuilt (one client) there."""
    database = "bench_scaled"
    psql(admin, f"CREATE DATABASE {database}")
    url = f"{admin} dbname={database}"
    print(f"Loading the large data set ×{SCALE}…", flush=True)
    start = time.perf_counter()
    run(binary, "generate-large", "--scale", str(SCALE), env=dict(os.environ, DATABASE_URL=url), cwd=ROOT)
    generated = time.perf_counter() - start
    counts = psql(url, "SELECT (SELECT count(*) FROM pledge) || ' ' || (SELECT count(*) FROM milestone)").split()
    pledge10 = psql(url, "SELECT id FROM pledge WHERE visibility = 'public' ORDER BY id LIMIT 1 OFFSET 1000")
    country = psql(url, "SELECT country_iso3 FROM pledge_country GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    server = Server(binary, url, port, env={"DATABASE_POOL_SIZE": os.environ.get("DATABASE_POOL_SIZE", "8")})
    rows = []
    try:
        # Statement logging is read when a connection opens: on before the server starts, off
        # (and the server started again) before anything is timed.
        psql(admin, f"ALTER DATABASE {database} SET log_min_duration_statement = 0")
        server.start()
        base = f"http://127.0.0.1:{port}"
        scripts = []
        for path in (p.format(pledge10=pledge10, country=country) for p in MIXED_PAGES):
            urllib.request.urlopen(base + path).read()
            bump(url)
            before = log.stat().st_size if log.exists() else 0
            urllib.request.urlopen(base + path).read()
            time.sleep(0.3)
            with open(log, errors="replace") as f:
                f.seek(before)
                statements = [s for s in logged_statements(f.read()) if "data_version" not in s]
            script = scratch / f"scaled-{len(scripts)}.sql"
            script.write_text("".join(s.rstrip(";") + ";\n" for s in statements))
            scripts.append((path, script, len(statements)))
        psql(admin, f"ALTER DATABASE {database} RESET log_min_duration_statement")
        server.stop()
        server.start()
        for path, script, count in scripts:
            print(f"· ×{SCALE}: {path}", flush=True)
            run("wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", base + path, capture=True)
            rate, p50, p99, errors, _ = wrk(base + path)
            cost = pgbench(url, str(script), 1, 3)[1] if count else 0.0
            rows.append((path, rate, p50, p99, errors, count, cost, request_after_write(base + path, url, {})))
        _, peak = server.memory()
    finally:
        server.stop()
    return dict(seconds=generated, pledges=int(counts[0]), milestones=int(counts[1]), rows=rows, peak=peak)


def bench_exports(server, port, db_url, readers, country):
    """Each download alone, EXPORT_RUNS times after a small warm-up: wall time to the last byte,
    size, CSV rows, and the server's RSS before and at its peak during each run."""
    milestones_in_db = int(psql(db_url, "SELECT count(*) FROM milestone"))
    results = []
    for export in EXPORTS:
        print(f"· {export.name}", flush=True)
        headers = {"Cookie": readers[export.reader]} if export.reader else {}
        base = f"http://127.0.0.1:{port}{export.path}"
        pdf = "format=pdf" in export.path
        try:
            download(base + EXPORT_WARM_UP.format(country=country), headers)
        except Exception as error:
            hint = " (no PDF engine? the server prints with Debian's chromium)" if pdf and "422" in str(error) else ""
            results.append(dict(name=export.name, error=f"warm-up failed: {error}{hint}", target=export.target))
            continue
        runs, body, error = [], b"", None
        for _ in range(EXPORT_RUNS):
            before, = status_mb(server.process.pid, "VmRSS")
            sampler = MemorySampler(server.process.pid, pdf_engine=pdf)
            sampler.start()
            try:
                seconds, body = download(base, headers)
            except Exception as failure:
                error = str(failure)
                break
            finally:
                sampler.stop()
            runs.append(dict(seconds=seconds, before=before, peak=sampler.peak_rss, engine=sampler.peak_engine,
                             samples=sampler.samples))
        if error:
            results.append(dict(name=export.name, error=error, target=export.target))
            continue
        rows = None
        if export.csv:
            rows = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))) - 1
        results.append(dict(
            name=export.name, target=export.target, bytes=len(body), rows=rows,
            expected_rows=milestones_in_db if "milestones.csv" in export.path else None,
            seconds=statistics.median(r["seconds"] for r in runs), times=[r["seconds"] for r in runs],
            before=runs[0]["before"], peak=max(r["peak"] for r in runs),
            growth=max(r["peak"] - r["before"] for r in runs),
            engine=max(r["engine"] for r in runs) if pdf else None))
    return results


def download(url, headers):
    """One download read to its last byte: (seconds, body). Anything but 200 is an error."""
    start = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=180) as response:
        chunks = []
        while chunk := response.read(1 << 16):
            chunks.append(chunk)
    return time.perf_counter() - start, b"".join(chunks)


def reader_header(page, readers):
    return {"Cookie": readers[page.reader]} if page.reader else {}


def bump(db_url):
    """A change the page cache must not serve stale pages after (as a withheld write notifies,
    migration 0018), then a moment for every listener to hear of it."""
    psql(db_url, "WITH b AS (UPDATE data_version SET version = version + 1 WHERE shard = 0 RETURNING version) "
                 "SELECT pg_notify('data_version', '0 ' || version || ' withheld') FROM b")
    time.sleep(0.05)


def request_after_write(page_url, db_url, headers):
    """One request right after a write (a cached page is rebuilt then): the median of three."""
    times = []
    for _ in range(3):
        bump(db_url)
        start = time.perf_counter()
        urllib.request.urlopen(urllib.request.Request(page_url, headers=headers)).read()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[1]


def milestone_form(csrf, version, percent):
    return {"csrf_token": csrf, "stage": "implementation", "title": "Updated by the benchmark", "due_date": "2027-06-01",
            "status": "on_track", "percent_complete": str(percent), "completed_on": "", "notes": "", "why": "benchmark",
            "version": str(version)}


def milestone_lua(cookie, csrf, milestones):
    """Each wrk thread walks its own half of the milestones, sending each one's current version."""
    return f"""
local ids = {{{milestones}}}
local versions = {{}}
local counter = 0
local threads = {{}}
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = thread_index or 0  -- the global that setup() set in this thread
end
function request()
  local id = ids[(counter % #ids) + 1]
  counter = counter + 2
  local version = (versions[id] or 1)
  versions[id] = version + 1
  local body = "csrf_token={urllib.parse.quote(csrf)}&stage=implementation&title=Updated+by+the+benchmark&due_date=2027-06-01"
    .. "&status=on_track&percent_complete=" .. (counter % 100) .. "&completed_on=&notes=&why=benchmark&version=" .. version
  return wrk.format("POST", "/milestones/" .. id .. "/edit",
    {{["Cookie"] = "{cookie}", ["Content-Type"] = "application/x-www-form-urlencoded"}}, body)
end
statuses = ""
function response(status, headers, body)
  if status ~= 303 then statuses = statuses .. status .. " " end
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    if s ~= "" then io.write("failed statuses: ", string.sub(s, 1, 200), string.char(10)) end
  end
end
"""


def mixed_report(mixed, machine):
    quiet = next((r for r in mixed["runs"] if r["rate"] == 0), None)
    lines = [
        "| writes a second (asked) | achieved | readers' req/s | of the no-write run | readers' p50 ms | readers' p99 ms | "
        "non-2xx/3xx | update p99 ms | failed updates | server RSS MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in mixed["runs"]:
        share = f"{r['readers'] / quiet['readers']:.0%}" if quiet and quiet["readers"] else "—"
        writes = f"{r['writes']:.1f}" if r["writes"] is not None else "—"
        write_p99 = f"{r['write_p99']:.1f}" if r["write_p99"] is not None else "—"
        lines.append(f"| {r['rate']} | {writes} | {r['readers']:,.0f} | {share} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | "
                     f"{write_p99} | {r['write_failures']} | {r['rss']:.0f} |")
    lines += ["", f"Static route (/healthz): {mixed['static']:,.0f} req/s; the home page, cached: {mixed['home']:,.0f} req/s "
              f"({mixed['home'] / mixed['static']:.0%}); the dashboard overview, cached: {mixed['overview']:,.0f} req/s "
              f"({mixed['overview'] / mixed['static']:.0%}).",
              f"Readers: {CONNECTIONS} connections cycling over {len(MIXED_PAGES)} public pages ({', '.join(MIXED_PAGES)}); writers: "
              f"milestone updates through the form as a focal point, sent on schedule by {Writers.WORKERS} workers; {SECONDS} s a run; "
              f"large data set; {machine}.",
              "Targets: readers' p99 ≤ 25 ms and req/s within 20 % of the no-write run up to 10 writes a second, p99 ≤ 50 ms at 50; "
              "a cached page ≥ 50 % of the static route; update p99 ≤ 30 ms; RSS ≤ 150 MB."]
    return lines


def scaled_report(scaled, machine):
    lines = [
        f"| page, data ×{SCALE} | app req/s | p50 ms | p99 ms | non-2xx/3xx | statements | SQL ms/run | 1 request after a write, ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for path, rate, p50, p99, errors, count, cost, after in scaled["rows"]:
        lines.append(f"| {path} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {errors} | {count} | {cost:.2f} | {after:.0f} |")
    lines += ["", f"{scaled['pledges']:,} pledges and {scaled['milestones']:,} milestones, made in {scaled['seconds']:.0f} s "
              f"(target: under 3 minutes); server peak RSS {scaled['peak']:.0f} MB; {machine}."]
    return lines


def report(rows, idle_rss, peak_rss, export_rows=(), mixed=None, scaled=None):
    lines = []
    machine = f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB"
    if rows:
        lines += [
            f"| page | app req/s | p50 ms | p99 ms | non-2xx/3xx | statements | SQL ms/run | pgbench tps | app/pgbench | 1 request after a write, ms |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, rate, p50, p99, errors, count, cost, tps, after_write in rows:
            ratio = f"{rate / tps:.0%}" if tps else "—"
            lines.append(f"| {name} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {errors} | {count} | {cost:.2f} | "
                         f"{f'{tps:,.0f}' if tps else '—'} | {ratio} | {f'{after_write:.0f}' if after_write is not None else '—'} |")
        lines += ["", f"Server memory: {idle_rss:.0f} MB resident at idle, {peak_rss:.0f} MB at peak.",
                  f"{CONNECTIONS} connections, {SECONDS} s per run, release build, large data set; {machine}; "
                  f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
                  "Targets: p99 ≤ 25 ms per page (≤ 30 ms for the update); ≥ 70 % of pgbench where the SQL costs ≥ 1 ms a run; RSS ≤ 150 MB."]
    for part in ([mixed_report(mixed, machine)] if mixed else []) + ([scaled_report(scaled, machine)] if scaled else []):
        if lines:
            lines.append("")
        lines += part
    if export_rows:
        if lines:
            lines.append("")
        lines += export_report(export_rows, machine)
    table = "\n".join(lines)
    print("\n" + table)
    out = ROOT / ".local" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / time.strftime("results-%Y%m%d-%H%M%S.md")).write_text(table + "\n")
    (out / "latest.md").write_text(table + "\n")


def export_report(results, machine):
    lines = [
        f"| download (one at a time, as the secretariat) | median s | runs, s | bytes | rows | server RSS before, MB | server peak RSS, MB | peak growth, MB | PDF engine peak RSS, MB | target |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        target = r["target"]
        goal = f"≤ {target[0]:g} s, growth ≤ {target[1]} MB" if target else "—"
        if "error" in r:
            lines.append(f"| {r['name']} | failed: {r['error'][:120]} | | | | | | | | {goal} |")
            continue
        if target:
            met = r["seconds"] <= target[0] and r["growth"] <= target[1]
            goal += " ✓" if met else " ✗ missed"
        rows = "—"
        if r["rows"] is not None:
            rows = f"{r['rows']:,}"
            if r["expected_rows"] is not None and r["rows"] != r["expected_rows"]:
                rows += f" (database: {r['expected_rows']:,})"
        engine = f"{r['engine']:.0f}" if r["engine"] is not None else "—"
        lines.append(f"| {r['name']} | {r['seconds']:.2f} | {' / '.join(f'{t:.2f}' for t in r['times'])} | {r['bytes']:,} | {rows} | "
                     f"{r['before']:.0f} | {r['peak']:.0f} | {r['growth']:.0f} | {engine} | {goal} |")
    lines += ["", f"Each download {EXPORT_RUNS} times after a small warm-up, on a fresh release server with the large data set; wall time to "
              "the last byte; RSS sampled every 20 ms (growth: the largest peak during a run minus the RSS just before it). "
              "PDF engine: RSS summed over Chromium's processes every 100 ms (shared pages counted in each, so well above what they take together). "
              f"{machine}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
              "Targets: the CSV of every milestone (60,000) in ≤ 1 s with flat server memory (peak growth ≤ 20 MB)."]
    return lines


if __name__ == "__main__":
    main()
