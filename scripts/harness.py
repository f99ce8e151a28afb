"""What the benchmark (bench.py), the fault tests (faults.py) and the browser tests share: the
demo personas, running commands and psql, a throwaway PostgreSQL cluster, the app server as a
child process, HTTP without following redirects, signing in through the form, sessions made
straight in the database, and reading a page's forms. Standard library only."""
import html.parser
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Persona:
    """Someone who signs in: what they type as their name (an e-mail, or a member's
    pseudonym) and their password."""
    login: str
    password: str


class DEMO:
    """The accounts `pledgetrack demo` makes, one per role (see DemoData.swift)."""
    admin = Persona("admin@demo.pledgetrack.example", "demo-admin-pledgetrack")
    secretariat = Persona("secretariat@demo.pledgetrack.example", "demo-secretariat-pledgetrack")
    focal_point = Persona("focal.point@demo.pledgetrack.example", "demo-focal-point-pledgetrack")
    facilitator = Persona("facilitator@demo.pledgetrack.example", "demo-facilitator-pledgetrack")
    member = Persona("Sunflower", "demo-member-pledgetrack")


# ---- Commands and PostgreSQL ---------------------------------------------------------

def run(*args, env=None, check=True, capture=False, **kw):
    result = subprocess.run(args, env=env, check=check, text=True,
                            stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None, **kw)
    return result.stdout if capture else result


def psql(url, sql):
    return run("psql", url, "-Atqc", sql, capture=True).strip()


def start_cluster(cluster, database, options):
    """A throwaway PostgreSQL in the folder `cluster`, started with `options`, and a new database
    in it: (the admin conninfo, the database's)."""
    os.environ["PG_EXTRA_OPTIONS"] = options
    admin = run(str(ROOT / "scripts/pg-cluster"), "start", str(cluster), capture=True).strip().splitlines()[-1]
    psql(admin, f"CREATE DATABASE {database}")
    return admin, f"{admin} dbname={database}"


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def database_session(url, login, tag):
    """A session for an account made straight in the database, second factor done (a script
    cannot type an authenticator's code): (cookie header, CSRF token). The cookie carries both
    names, with and without the __Host- prefix, so it works whatever SECURE_COOKIES is."""
    token = f"{tag}-" + re.sub(r"\W", "-", login)
    psql(url, f"""INSERT INTO user_session (token_hash, user_id, csrf_token, second_factor_done, idle_timeout, expires_at, client_address)
                  SELECT sha256(convert_to('{token}', 'UTF8')), id, '{token}-csrf', true, interval '1 day', now() + interval '1 day', '{tag}'
                  FROM app_user WHERE email = '{login}' OR lower(pseudonym) = lower('{login}') ON CONFLICT DO NOTHING""")
    return f"__Host-pt_session={token}; pt_session={token}", f"{token}-csrf"


# ---- The server ------------------------------------------------------------------------

class Server:
    """`pledgetrack serve` as a child process on `port`, against `url`; `env` adds or replaces
    variables (LOG_LEVEL=error unless given)."""

    def __init__(self, binary, url, port, env=None):
        self.binary, self.url, self.port = binary, url, port
        self.base = f"http://127.0.0.1:{port}"
        self.env = env or {}
        self.process = None

    def start(self, timeout=30):
        env = dict(os.environ, DATABASE_URL=self.url, PORT=str(self.port), LOG_LEVEL="error")
        env.update(self.env)
        self.process = subprocess.Popen([self.binary, "serve"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if request(self.base, "/readyz", timeout=1)[0] == 200:
                return
            time.sleep(0.05)
        raise SystemExit("the server did not become ready")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        self.process = None

    def memory(self):
        return status_mb(self.process.pid, "VmRSS", "VmHWM")


def status_mb(pid, *keys):
    """Fields of /proc/<pid>/status in MB (None for each when the process is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return tuple(None for _ in keys)
    values = []
    for key in keys:
        match = re.search(rf"^{key}:\s+(\d+) kB", status, re.M)
        values.append(int(match.group(1)) / 1024 if match else 0.0)  # kernel threads have no VmRSS
    return tuple(values)


# ---- HTTP --------------------------------------------------------------------------------

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(base, path, data=None, cookie=None, timeout=10, raw=None, content_type="application/x-www-form-urlencoded"):
    """(status, body text); status 0 when the connection was refused (nothing was sent), -1 for
    any other failure (a reset or a timeout: an answer cut short or never given)."""
    body = raw if raw is not None else (urllib.parse.urlencode(data).encode() if data is not None else None)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers.update({"Content-Type": content_type, "Origin": base, "Sec-Fetch-Site": "same-origin"})
    try:
        with OPENER.open(urllib.request.Request(base + path, data=body, headers=headers), timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as response:
        return response.code, response.read().decode("utf-8", "replace")
    except urllib.error.URLError as error:
        return (0 if isinstance(error.reason, ConnectionRefusedError) else -1), ""
    except Exception:
        return -1, ""


def csrf_token(page):
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def password_step(base, persona):
    """Signs in through the form with the persona's password: (session cookie or None, where
    it sends the browser, the status)."""
    with urllib.request.urlopen(base + "/login") as response:
        csrf_cookie = re.search(r"(?:__Host-)?pt_csrf=[^;]+", response.headers["Set-Cookie"]).group(0)
        token = csrf_token(response.read().decode())
    body = urllib.parse.urlencode({"csrf_token": token, "email": persona.login, "password": persona.password, "next": "/account"}).encode()
    req = urllib.request.Request(base + "/login", data=body, headers={
        "Cookie": csrf_cookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Sec-Fetch-Site": "same-origin"})
    try:
        with OPENER.open(req) as response:
            return None, None, response.status
    except urllib.error.HTTPError as response:
        found = re.search(r"(?:__Host-)?pt_session=[^;]+", response.headers.get("Set-Cookie") or "")
        return (found.group(0) if found else None), response.headers.get("Location"), response.code


def sign_in(base, persona):
    """A signed-in session through the form (a role without a second factor): (cookie, CSRF token)."""
    session, _, _ = password_step(base, persona)
    if not session:
        raise SystemExit(f"{persona.login} could not sign in")
    _, account = request(base, "/account", cookie=session)
    return session, csrf_token(account)


class FormFinder(html.parser.HTMLParser):
    """The POST forms of a page: (action, {field: value}) with each field's current value or
    its first option, and the text areas' contents."""

    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.form = (a.get("action", ""), {})
            self.forms.append(self.form)
        elif self.form is None or "name" not in a and tag != "option":
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a and a["name"] in self.form[1]:
                return
            self.form[1].setdefault(a["name"], a.get("value", "on" if a.get("type") in ("checkbox", "radio") else ""))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and self.form:
            value = a.get("value", "")
            if self.select not in self.form[1] or "selected" in a:
                self.form[1][self.select] = value
        elif tag == "textarea":
            self.textarea = a["name"]
            self.form[1][self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.form:
            self.form[1][self.textarea] += data
