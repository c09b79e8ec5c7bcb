#!/usr/bin/env python3
"""Load-test the users service side by side: the FastAPI twin
(`fastapi_app/app.py`) and the kit's Swift lesson 6 (Vapor).

For each side it makes a fresh SQLite file in a temporary folder, creates the
schema (Python: `schema.sql` with sqlite3; Swift: the `--swift-upgrade`
command), seeds N users directly with sqlite3 (all sharing ONE precomputed
bcrypt cost-12 hash of "password123"), starts the server on a free port of
127.0.0.1, checks that it answers correctly, then runs wrk against it:

    get-user   GET  /users/{random id in 1..N}
    list-users GET  /users?limit=20
    login      POST /login  (valid credentials, JSON body)

and prints req/s, p99 latency and error counts per scenario and side, and the
Swift/FastAPI ratio. The sides run one after the other, never at once.

Run it from the kit's root with the venv that has the FastAPI stack:

    Benchmarks/.venv/bin/python Benchmarks/service/load.py --skip-swift --duration 5
    Benchmarks/.venv/bin/python Benchmarks/service/load.py      # both sides

Python 3.11 standard library only (the FastAPI stack is needed by the server
and for the one bcrypt hash, in whichever interpreter --python names).
Only 127.0.0.1 is ever contacted; every wrk run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIT_ROOT = HERE.parents[1]
SCHEMA_SQL = HERE / "schema.sql"
APP_DIR = HERE / "fastapi_app"
VENV_PYTHON = KIT_ROOT / "Benchmarks" / ".venv" / "bin" / "python"

HOST = "127.0.0.1"  # the only address this script ever talks to
PASSWORD = "password123"
BCRYPT_COST = 12
FASTAPI_STACK = ("fastapi", "uvicorn", "sqlalchemy", "jwt", "bcrypt", "email_validator")

DEFAULT_SWIFT_COMMAND = "WORKBOOK=solutions .build/release/lesson-6 serve --hostname 127.0.0.1 --port {port}"
DEFAULT_SWIFT_UPGRADE = "WORKBOOK=solutions .build/release/lesson-6 upgrade head"

SCENARIOS = ("get-user", "list-users", "login")
SCENARIO_LABELS = {
    "get-user": "GET /users/{id}",
    "list-users": "GET /users?limit=20",
    "login": "POST /login",
}


class LoadError(RuntimeError):
    """A step failed; the message says which and why."""


class Terminated(BaseException):
    """SIGTERM/SIGHUP arrived: unwind through every `finally` (servers, temp folder)."""


def log(message: str) -> None:
    """Progress goes to stderr, so that --json leaves stdout to the JSON."""
    print(message, file=sys.stderr, flush=True)


# --- Tools ------------------------------------------------------------------


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package first if it is not on PATH."""
    path = shutil.which("wrk")
    if path:
        return path
    log("wrk is not on PATH: installing it with apt-get ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}

    def apt(*args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(
                ["apt-get", *args], env=env, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900,
            )
        except FileNotFoundError:
            raise LoadError("wrk is not installed and apt-get is not available: install wrk by hand.") from None
        except subprocess.TimeoutExpired:
            raise LoadError(f"`apt-get {' '.join(args)}` did not finish in 15 minutes.") from None

    result = apt("install", "-y", "wrk")
    if result.returncode != 0:
        log("apt-get install failed; running apt-get update and trying again ...")
        update = apt("update")
        if update.returncode != 0:
            raise LoadError(f"`apt-get update` failed (exit {update.returncode}):\n{tail(update.stdout)}")
        result = apt("install", "-y", "wrk")
    path = shutil.which("wrk")
    if result.returncode != 0 or not path:
        raise LoadError(f"`apt-get install -y wrk` failed (exit {result.returncode}):\n{tail(result.stdout)}")
    return path


def check_python(python: str) -> bool:
    """True if PYTHON can import the whole FastAPI stack."""
    try:
        probe = subprocess.run(
            [python, "-c", "import " + ", ".join(FASTAPI_STACK)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def find_python(requested: str | None) -> str:
    """The interpreter that runs uvicorn: --python, else this one, else Benchmarks/.venv."""
    candidates = [requested] if requested else [sys.executable, str(VENV_PYTHON)]
    for candidate in candidates:
        if candidate and check_python(candidate):
            return candidate
    raise LoadError(
        f"No interpreter with the FastAPI stack ({', '.join(FASTAPI_STACK)}) among {candidates}. Install it with\n"
        f"  python3 -m venv Benchmarks/.venv && "
        f"Benchmarks/.venv/bin/pip install -r Benchmarks/service/requirements.txt"
    )


def stack_versions(python: str) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m, platform\n"
        "names = ['fastapi', 'starlette', 'uvicorn', 'pydantic', 'SQLAlchemy', 'PyJWT', 'bcrypt', 'email-validator']\n"
        "v = {n: m.version(n) for n in names}\n"
        "v['python'] = platform.python_version()\n"
        "print(json.dumps(v))\n"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout) if out.returncode == 0 else {}


def wrk_version(wrk: str) -> str:
    out = subprocess.run([wrk, "-v"], capture_output=True, text=True, timeout=10)
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0] if first else "unknown"


def tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# --- Database ---------------------------------------------------------------


def precomputed_hash(python: str) -> str:
    """ONE bcrypt cost-12 hash of PASSWORD, shared by every seeded user (hashing N times takes minutes)."""
    code = f"import bcrypt; print(bcrypt.hashpw({PASSWORD!r}.encode(), bcrypt.gensalt({BCRYPT_COST})).decode())"
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
    if out.returncode != 0 or not out.stdout.startswith("$2"):
        raise LoadError(f"Could not compute the bcrypt hash with {python}:\n{out.stderr}")
    return out.stdout.strip()


def create_python_schema(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.executescript(SCHEMA_SQL.read_text())
    finally:
        conn.close()


def check_schema(db_path: Path, side: str) -> list[str]:
    """The users table must have id/email/password; returns warnings for lesser differences."""
    conn = sqlite3.connect(db_path)
    try:
        columns = {row[1]: row for row in conn.execute('PRAGMA table_info("users")')}
        if not columns:
            raise LoadError(f"{side}: the database {db_path} has no table 'users' after the schema step.")
        missing = {"id", "email", "password"} - set(columns)
        if missing:
            raise LoadError(f"{side}: table 'users' lacks the column(s) {sorted(missing)}; it has {sorted(columns)}.")
        warnings = []
        unique_on_email = False
        for _seq, name, unique, *_ in conn.execute('PRAGMA index_list("users")'):
            cols = [row[2] for row in conn.execute(f'PRAGMA index_info("{name}")')]
            if unique and cols == ["email"]:
                unique_on_email = True
        if not unique_on_email:
            warnings.append(f"{side}: no unique index on users.email (duplicate emails would not be refused)")
        return warnings
    finally:
        conn.close()


def seed(db_path: Path, users: int, password_hash: str) -> None:
    """user1@example.com ... userN@example.com with ids 1..N; the file is left in WAL mode."""
    conn = sqlite3.connect(db_path)
    try:
        existing = conn.execute('SELECT count(*) FROM "users"').fetchone()[0]
        if existing:
            log(f"  the schema step left {existing} row(s) in users: deleting them before seeding")
        with conn:
            conn.execute('DELETE FROM "users"')
            conn.executemany(
                'INSERT INTO "users" ("id", "email", "password") VALUES (?, ?, ?)',
                ((i, f"user{i}@example.com", password_hash) for i in range(1, users + 1)),
            )
        # Persistent in the file: both sides then run in WAL, whatever their driver sets.
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


# --- Servers ----------------------------------------------------------------


class Server:
    """A server process in its own process group, so stopping it stops its children too."""

    def __init__(self, name: str, argv: list[str] | str, env: dict[str, str], cwd: Path, log_path: Path, port: int):
        self.name, self.argv, self.env, self.cwd, self.log_path, self.port = name, argv, env, cwd, log_path, port
        self.process: subprocess.Popen | None = None
        self._log = None

    def start(self) -> None:
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            self.argv, shell=isinstance(self.argv, str), cwd=self.cwd, env=self.env,
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def wait_ready(self, timeout: float) -> None:
        """Until GET /users/1 gets any HTTP answer; fail if the process exits or TIMEOUT passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise LoadError(
                    f"{self.name} exited (code {self.process.returncode}) before answering. Its output:\n{tail(self.output())}"
                )
            try:
                http("GET", self.port, "/users/1", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout, OSError):
                time.sleep(0.2)
        raise LoadError(f"{self.name} did not answer GET /users/1 within {timeout:.0f} s. Its output:\n{tail(self.output())}")

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        # The leader may be gone while children of a shell command live on.
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self._log:
            self._log.close()
            self._log = None


# --- HTTP (127.0.0.1 only, never through a proxy) -----------------------------

_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Reply:
    status: int
    body: object


def http(method: str, port: int, path: str, body: object = None, headers: dict | None = None, timeout: float = 30) -> Reply:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with _opener.open(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = raw.decode(errors="replace")
    return Reply(status, parsed)


@dataclass
class Check:
    name: str
    ok: bool
    required: bool  # the load test needs it; a failure skips that side's load
    detail: str = ""


def correctness(port: int, users: int) -> list[Check]:
    """Once per side, before the load. Required checks cover what the scenarios use;
    the others compare the twins' behaviour and are only reported."""
    checks: list[Check] = []

    def check(name: str, required: bool, fn) -> object:
        try:
            ok, detail, value = fn()
        except Exception as error:  # noqa: BLE001 - any failure is a failed check
            ok, detail, value = False, f"{type(error).__name__}: {error}", None
        checks.append(Check(name, ok, required, "" if ok else detail))
        return value

    def get_first():
        r = http("GET", port, "/users/1")
        return r.status == 200 and r.body == {"id": 1, "email": "user1@example.com"}, f"{r.status} {r.body!r}", None

    def get_last():
        r = http("GET", port, f"/users/{users}")
        expected = {"id": users, "email": f"user{users}@example.com"}
        return r.status == 200 and r.body == expected, f"{r.status} {r.body!r}", None

    def list_page():
        r = http("GET", port, "/users?limit=20")
        b = r.body if isinstance(r.body, dict) else {}
        ids = [item.get("id") for item in b.get("items", [])]
        ok = (r.status == 200 and ids == list(range(1, min(20, users) + 1))
              and b.get("limit") == 20 and b.get("offset") == 0 and b.get("total") == users)
        return ok, f"{r.status} ids={ids} limit={b.get('limit')} offset={b.get('offset')} total={b.get('total')}", None

    def login_ok():
        r = http("POST", port, "/login", {"email": "user1@example.com", "password": PASSWORD})
        b = r.body if isinstance(r.body, dict) else {}
        token = b.get("access_token")
        ok = r.status == 200 and isinstance(token, str) and token.count(".") == 2 and b.get("token_type") == "bearer"
        return ok, f"{r.status} {r.body!r}", token if ok else None

    check("GET /users/1 -> 200 user1@example.com", True, get_first)
    check(f"GET /users/{users} -> 200 user{users}@example.com", True, get_last)
    check(f"GET /users?limit=20 -> ids 1..20, total {users}", True, list_page)
    token = check("POST /login (valid) -> 200 bearer JWT", True, login_ok)

    def me_ok():
        if token is None:
            return False, "no token (login failed)", None
        r = http("GET", port, "/users/me", headers={"Authorization": f"Bearer {token}"})
        return r.status == 200 and r.body == {"id": 1, "email": "user1@example.com"}, f"{r.status} {r.body!r}", None

    check("GET /users/me with that token -> 200 user 1", True, me_ok)

    def status_is(expected: int, method: str, path: str, body=None, headers=None, detail: str | None = None):
        def fn():
            r = http(method, port, path, body, headers)
            ok = r.status == expected and (detail is None or (isinstance(r.body, dict) and r.body.get("detail") == detail))
            return ok, f"{r.status} {r.body!r}", None
        return fn

    check(f"GET /users/{users + 1000} -> 404", False,
          status_is(404, "GET", f"/users/{users + 1000}", detail="User not found"))
    check("GET /users?limit=101 -> 422", False, status_is(422, "GET", "/users?limit=101"))
    check("GET /users?offset=-1 -> 422", False, status_is(422, "GET", "/users?offset=-1"))
    check("POST /login wrong password -> 401", False,
          status_is(401, "POST", "/login", {"email": "user1@example.com", "password": "wrong-password"},
                    detail="Incorrect email or password"))
    check("POST /login unknown email -> 401", False,
          status_is(401, "POST", "/login", {"email": "nobody@example.com", "password": PASSWORD},
                    detail="Incorrect email or password"))
    check("GET /users/me without a token -> 401", False, status_is(401, "GET", "/users/me"))
    if token:
        tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        check("GET /users/me with a tampered token -> 401", False,
              status_is(401, "GET", "/users/me", headers={"Authorization": f"Bearer {tampered}"}))

    email = f"Check.{secrets.token_hex(4)}@Example.COM"

    def create_ok():
        r = http("POST", port, "/users", {"email": email, "password": "long-enough-password"})
        b = r.body if isinstance(r.body, dict) else {}
        return r.status == 201 and b.get("email") == email.lower() and isinstance(b.get("id"), int), f"{r.status} {r.body!r}", None

    check("POST /users -> 201, email lower-cased", False, create_ok)
    check("POST /users same email, other case -> 409", False,
          status_is(409, "POST", "/users", {"email": email.upper(), "password": "long-enough-password"},
                    detail="A user with that email already exists."))
    check("POST /users short password -> 422", False,
          status_is(422, "POST", "/users", {"email": "short@example.com", "password": "short"}))
    check("POST /users invalid email -> 422", False,
          status_is(422, "POST", "/users", {"email": "not-an-email", "password": "long-enough-password"}))
    return checks


# --- wrk ----------------------------------------------------------------------

# Each script prints one line "LOADJSON {...}" from wrk's done() hook: exact
# counts and percentiles instead of wrk's rounded text.
LUA_DONE = r"""
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'LOADJSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""

LUA_RANDOM = r"""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
end
"""


def lua_scripts(users: int) -> dict[str, str]:
    return {
        "get-user": LUA_RANDOM + f"""
local n = {users}
request = function()
  return wrk.format("GET", "/users/" .. math.random(1, n))
end
""" + LUA_DONE,
        "list-users": """
wrk.method = "GET"
wrk.path = "/users?limit=20"
""" + LUA_DONE,
        "login": LUA_RANDOM + f"""
local n = {users}
local headers = {{["Content-Type"] = "application/json"}}
request = function()
  local body = string.format('{{"email": "user%d@example.com", "password": "{PASSWORD}"}}', math.random(1, n))
  return wrk.format("POST", "/login", headers, body)
end
""" + LUA_DONE,
    }


@dataclass
class WrkResult:
    requests: int
    duration_s: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    non_2xx: int
    socket_errors: int
    socket_detail: dict[str, int] = field(default_factory=dict)


def run_wrk(wrk: str, port: int, script: Path, connections: int, duration: int, timeout: int) -> WrkResult:
    argv = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s", "--latency",
            "-s", str(script), f"http://{HOST}:{port}"]
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=duration + timeout + 30,
                             stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise LoadError(f"wrk did not finish in {duration + timeout + 30} s: {' '.join(argv)}") from None
    line = next((l for l in out.stdout.splitlines() if l.startswith("LOADJSON ")), None)
    if out.returncode != 0 or line is None:
        raise LoadError(f"wrk failed (exit {out.returncode}): {' '.join(argv)}\n{tail(out.stdout + out.stderr)}")
    raw = json.loads(line[len("LOADJSON "):])
    seconds = raw["duration_us"] / 1e6
    sockets = {k: raw[k] for k in ("connect", "read", "write", "timeout")}
    return WrkResult(
        requests=raw["requests"], duration_s=round(seconds, 3),
        rps=round(raw["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=raw["p50_us"] / 1000, p90_ms=raw["p90_us"] / 1000, p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000, mean_ms=round(raw["mean_us"] / 1000, 3),
        non_2xx=raw["status"],  # wrk's "Non-2xx or 3xx responses": status > 399
        socket_errors=sum(sockets.values()), socket_detail=sockets,
    )


# --- One side -----------------------------------------------------------------


@dataclass
class SideResult:
    name: str
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scenarios: dict[str, WrkResult] = field(default_factory=dict)
    error: str | None = None


def run_side(name: str, args, wrk: str, workdir: Path, password_hash: str, python: str, secret: str) -> SideResult:
    result = SideResult(name)
    side_dir = workdir / name.lower()
    side_dir.mkdir()
    db_path = side_dir / "users.sqlite"
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "JWT_SECRET": secret}  # absolute: sqlite:////tmp/...

    log(f"[{name}] schema and {args.users} users in {db_path}")
    if name == "Swift":
        try:
            up = subprocess.run(args.swift_upgrade, shell=True, cwd=KIT_ROOT, env=env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=300, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise LoadError(f"`{args.swift_upgrade}` did not finish in 300 s") from None
        if up.returncode != 0:
            raise LoadError(f"`{args.swift_upgrade}` failed (exit {up.returncode}):\n{tail(up.stdout + up.stderr)}")
        server = Server(name, args.swift_command.replace("{port}", str(port)), env, KIT_ROOT, side_dir / "server.log", port)
    else:
        create_python_schema(db_path)
        argv = [python, "-m", "uvicorn", "app:app", "--app-dir", str(APP_DIR), "--host", HOST, "--port", str(port),
                "--workers", "1", "--log-level", "warning", "--no-access-log"]
        server = Server(name, argv, env, KIT_ROOT, side_dir / "server.log", port)
    result.warnings += check_schema(db_path, name)
    seed(db_path, args.users, password_hash)

    scripts = {}
    for scenario, text in lua_scripts(args.users).items():
        scripts[scenario] = side_dir / f"{scenario}.lua"
        scripts[scenario].write_text(text)

    log(f"[{name}] starting on {HOST}:{port}: {server.argv if isinstance(server.argv, str) else shlex.join(server.argv)}")
    server.start()
    try:
        server.wait_ready(args.startup_timeout)
        result.checks = correctness(port, args.users)
        for c in result.checks:
            log(f"[{name}]   {'ok  ' if c.ok else ('FAIL' if c.required else 'DIFF')} {c.name}"
                + (f"  ({c.detail})" if c.detail else ""))
        failed = [c.name for c in result.checks if c.required and not c.ok]
        if failed:
            result.error = f"correctness checks failed, load skipped: {'; '.join(failed)}"
            return result
        if args.warmup:
            log(f"[{name}] warm-up: {args.warmup} s of get-user (not reported)")
            run_wrk(wrk, port, scripts["get-user"], args.connections, args.warmup, args.timeout)
        for scenario in SCENARIOS:
            duration = args.login_duration if scenario == "login" else args.duration
            log(f"[{name}] {SCENARIO_LABELS[scenario]}: wrk -t2 -c{args.connections} -d{duration}s ...")
            r = run_wrk(wrk, port, scripts[scenario], args.connections, duration, args.timeout)
            result.scenarios[scenario] = r
            log(f"[{name}]   {r.rps:.1f} req/s, p99 {r.p99_ms:.2f} ms, non-2xx {r.non_2xx}, socket errors {r.socket_errors}")
            if server.process and server.process.poll() is not None:
                raise LoadError(f"{name} exited during the load (code {server.process.returncode}):\n{tail(server.output())}")
    except LoadError as error:
        result.error = str(error)
        log(f"[{name}] server output (last lines):\n{tail(server.output())}")
    finally:
        server.stop()
    return result


# --- Report -------------------------------------------------------------------


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.1f}{unit}" if value >= 100 or unit != " ms" else f"{value:.2f}{unit}"


FEW_SAMPLES = 100  # fewer completed requests than this: p99 is close to the max, read it as such


def p99(r: WrkResult | None) -> str:
    if r is None:
        return "—"
    if r.requests == 0:
        return "none done"
    return fmt(r.p99_ms, " ms") + ("*" if r.requests < FEW_SAMPLES else "")


def table(sides: dict[str, SideResult | None]) -> str:
    fa, sw = sides.get("FastAPI"), sides.get("Swift")
    header = ["Scenario", "FastAPI req/s", "FastAPI p99", "Swift req/s", "Swift p99", "Swift/FastAPI",
              "non-2xx+sock FastAPI", "non-2xx+sock Swift"]
    rows = []
    for scenario in SCENARIOS:
        f = fa.scenarios.get(scenario) if fa else None
        s = sw.scenarios.get(scenario) if sw else None
        ratio = f"{s.rps / f.rps:.2f}x" if f and s and f.rps else "—"
        rows.append([
            SCENARIO_LABELS[scenario],
            fmt(f.rps) if f else "—", p99(f),
            fmt(s.rps) if s else "—", p99(s),
            ratio,
            f"{f.non_2xx}+{f.socket_errors}" if f else "—",
            f"{s.non_2xx}+{s.socket_errors}" if s else "—",
        ])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def as_json(args, sides: dict[str, SideResult | None], meta: dict) -> dict:
    def side(s: SideResult | None):
        if s is None:
            return None
        return {
            "error": s.error,
            "warnings": s.warnings,
            "checks": [vars(c) for c in s.checks],
            "scenarios": {k: vars(v) for k, v in s.scenarios.items()},
        }

    ratios = {}
    fa, sw = sides.get("FastAPI"), sides.get("Swift")
    for scenario in SCENARIOS:
        f = fa.scenarios.get(scenario) if fa else None
        s = sw.scenarios.get(scenario) if sw else None
        ratios[scenario] = round(s.rps / f.rps, 3) if f and s and f.rps else None
    return {
        "config": {"duration_s": args.duration, "login_duration_s": args.login_duration, "connections": args.connections, "threads": 2,
                   "users": args.users, "timeout_s": args.timeout, "warmup_s": args.warmup},
        "meta": meta,
        "fastapi": side(fa),
        "swift": side(sw),
        "ratio_swift_over_fastapi": ratios,
    }


# --- Main -----------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--swift-command", default=DEFAULT_SWIFT_COMMAND,
                   help="shell command starting the Swift server, run from the kit's root with DATABASE_URL and "
                        "JWT_SECRET set; {port} is replaced (default: %(default)s)")
    p.add_argument("--swift-upgrade", default=DEFAULT_SWIFT_UPGRADE,
                   help="shell command run once before, with DATABASE_URL set, that creates the Swift side's "
                        "schema (default: %(default)s)")
    p.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    p.add_argument("--login-duration", type=int,
                   help="seconds for the login run only (default: --duration). Each login costs one bcrypt "
                        "cost-12 check (~0.25 s of CPU), so short runs complete few requests")
    p.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    p.add_argument("--users", type=int, default=1000, help="users seeded into each side (default 1000)")
    p.add_argument("--skip-swift", action="store_true", help="run only the FastAPI side")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--timeout", type=int, default=30,
                   help="wrk's per-request timeout in seconds (default 30; wrk's own 2 s is below what "
                        "bcrypt-bound logins wait at 16 connections). Slower answers count as socket timeouts")
    p.add_argument("--warmup", type=int, default=2, help="seconds of unreported get-user load per side first (0: none)")
    p.add_argument("--startup-timeout", type=float, default=60, help="seconds to wait for a server to answer")
    p.add_argument("--python", help="interpreter with the FastAPI stack (default: this one, else Benchmarks/.venv)")
    args = p.parse_args(argv)
    if args.login_duration is None:
        args.login_duration = args.duration
    if not 1 <= args.duration <= 3600 or not 1 <= args.login_duration <= 3600:
        p.error("--duration and --login-duration must be 1..3600 seconds")
    if not 2 <= args.connections <= 1000:
        p.error("--connections must be 2..1000 (wrk runs 2 threads, each needs a connection)")
    if not 20 <= args.users <= 1_000_000:
        p.error("--users must be 20..1000000 (the list check reads a full page of 20)")
    if not 1 <= args.timeout <= 120 or not 0 <= args.warmup <= 60:
        p.error("--timeout must be 1..120 and --warmup 0..60")
    if not args.skip_swift and "{port}" not in args.swift_command:
        p.error("--swift-command must contain {port}")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)

    def on_signal(signum, _frame):
        raise Terminated(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    if not SCHEMA_SQL.is_file() or not (APP_DIR / "app.py").is_file():
        raise LoadError(f"{SCHEMA_SQL} or {APP_DIR / 'app.py'} is missing")
    wrk = ensure_wrk()
    python = find_python(args.python)
    if not args.skip_swift:
        program = shlex.split(args.swift_command)
        binary = next((w for w in program if "=" not in w), None)
        if binary and "/" in binary and not (KIT_ROOT / binary).exists():
            log(f"warning: {KIT_ROOT / binary} does not exist yet "
                f"(build it with `WORKBOOK=solutions swift build -c release --product lesson-6`)")

    load1, _, _ = os.getloadavg()
    meta = {"wrk": wrk_version(wrk), "stack": stack_versions(python), "cpus": os.cpu_count(),
            "loadavg_1min_at_start": round(load1, 2)}
    if load1 > 0.5:
        log(f"note: the 1-minute load average is {load1:.2f} before starting: other work competes for the CPU")

    log("computing the one bcrypt cost-12 hash of the seed password ...")
    password_hash = precomputed_hash(python)
    secret = secrets.token_hex(32)

    sides: dict[str, SideResult | None] = {"FastAPI": None, "Swift": None}
    workdir = Path(tempfile.mkdtemp(prefix="service-load-"))
    try:
        sides["FastAPI"] = run_side("FastAPI", args, wrk, workdir, password_hash, python, secret)
        if not args.skip_swift:
            try:
                sides["Swift"] = run_side("Swift", args, wrk, workdir, password_hash, python, secret)
            except LoadError as error:  # keep the FastAPI numbers
                sides["Swift"] = SideResult("Swift", error=str(error))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    meta["loadavg_1min_at_end"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(as_json(args, sides, meta), indent=2))
    else:
        print()
        login = f" (login {args.login_duration}s)" if args.login_duration != args.duration else ""
        print(f"wrk -t2 -c{args.connections} -d{args.duration}s{login}, {args.users} users seeded, "
              f"{meta['cpus']} CPUs, load average {meta['loadavg_1min_at_start']} at start")
        print(table(sides))
        for side in sides.values():
            if side and side.warnings:
                print("\n".join(f"warning: {w}" for w in side.warnings))
            diffs = [c for c in (side.checks if side else []) if not c.ok and not c.required]
            for c in diffs:
                print(f"{side.name} differs: {c.name}: got {c.detail}")
        few = [(side.name, SCENARIO_LABELS[k], r.requests) for side in sides.values() if side
               for k, r in side.scenarios.items() if r.requests < FEW_SAMPLES]
        if few:
            print(f"* fewer than {FEW_SAMPLES} requests completed, so p99 is about the slowest one: "
                  + ", ".join(f"{n} {label} ({count})" for n, label, count in few)
                  + ". A longer --duration gives more.")
    errors = [f"{s.name}: {s.error}" for s in sides.values() if s and s.error]
    for e in errors:
        log(f"error: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except LoadError as error:
        log(f"error: {error}")
        sys.exit(1)
    except (KeyboardInterrupt, Terminated) as stop:
        log(f"stopped ({type(stop).__name__} {stop}); servers stopped and temporary files removed")
        sys.exit(130)
