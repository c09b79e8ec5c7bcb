#!/usr/bin/env python3
"""Load-test the users service side by side: the FastAPI twin
(`fastapi_app/app.py`) and the kit's Swift lesson 6 (Vapor).

For each side it makes a fresh database, creates the schema (Python:
`schema.sql`, or `schema.postgres.sql`; Swift: the `--swift-upgrade` command),
seeds N users directly (all sharing ONE precomputed bcrypt cost-12 hash of
"password123"), starts the server on a free port of 127.0.0.1 with
DATABASE_URL naming that database, checks that it answers correctly, then runs
wrk against it:

    get-user   GET  /users/{random id in 1..N}
    list-users GET  /users?limit=20
    login      POST /login  (valid credentials, JSON body)

and prints req/s, p99 latency and error counts per scenario and side, and the
Swift/FastAPI ratio. The sides run one after the other, never at once.

--backend picks the database: `sqlite` (the default) is a fresh SQLite file in
a temporary folder, seeded with sqlite3. `postgres` is a fresh throwaway
database `bench_<random hex>` per side, created on the PostgreSQL server named
by --postgres-url or $SCHEMA_REVISIONS_TEST_POSTGRES_URL (the kit's
`scripts/test-postgres start` runs one) and dropped at the end (WITH (FORCE),
failure and Ctrl-C included); it is seeded with COPY. `both` runs every side on
SQLite, then on PostgreSQL, and prints one combined table. The results are
also written as JSON to Benchmarks/results/ (--results, --no-results).

Run it from the kit's root with the venv that has the FastAPI stack:

    Benchmarks/.venv/bin/python Benchmarks/service/load.py --skip-swift --duration 5
    Benchmarks/.venv/bin/python Benchmarks/service/load.py      # both sides
    eval "$(scripts/test-postgres start)"
    Benchmarks/.venv/bin/python Benchmarks/service/load.py --backend both

Python 3.11 standard library only (the FastAPI stack is needed by the server
and for the one bcrypt hash, in whichever interpreter --python names, and so
is psycopg for the FastAPI server on PostgreSQL). This script itself talks to
PostgreSQL only through the `psql` client (CREATE/DROP DATABASE, the schema,
COPY for the seed), so it needs no driver of its own.
Only 127.0.0.1 is ever contacted; every wrk run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIT_ROOT = HERE.parents[1]
SCHEMA_SQL = HERE / "schema.sql"
SCHEMA_POSTGRES_SQL = HERE / "schema.postgres.sql"
APP_DIR = HERE / "fastapi_app"
VENV_PYTHON = KIT_ROOT / "Benchmarks" / ".venv" / "bin" / "python"
RESULTS_DIR = KIT_ROOT / "Benchmarks" / "results"  # git-ignored

HOST = "127.0.0.1"  # the only address this script ever talks to
PASSWORD = "password123"
BCRYPT_COST = 12
FASTAPI_STACK = ("fastapi", "uvicorn", "sqlalchemy", "jwt", "bcrypt", "email_validator")
POSTGRES_DRIVER = "psycopg"  # what the FastAPI server needs on PostgreSQL (postgresql+psycopg://)

BACKENDS = ("sqlite", "postgres")
BACKEND_LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
POSTGRES_URL_ENV = "SCHEMA_REVISIONS_TEST_POSTGRES_URL"

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
    """SIGTERM/SIGHUP arrived: unwind through every `finally` (servers, databases, temp folder)."""


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


def check_python(python: str, modules: tuple[str, ...]) -> bool:
    """True if PYTHON can import every one of MODULES."""
    try:
        probe = subprocess.run(
            [python, "-c", "import " + ", ".join(modules)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def find_python(requested: str | None, postgres: bool) -> str:
    """The interpreter that runs uvicorn: --python, else this one, else Benchmarks/.venv.
    With POSTGRES it must also have the PostgreSQL driver."""
    modules = FASTAPI_STACK + ((POSTGRES_DRIVER,) if postgres else ())
    candidates = [requested] if requested else [sys.executable, str(VENV_PYTHON)]
    for candidate in candidates:
        if candidate and check_python(candidate, modules):
            return candidate
    raise LoadError(
        f"No interpreter with the FastAPI stack ({', '.join(modules)}) among {candidates}. Install it with\n"
        f"  python3 -m venv Benchmarks/.venv && "
        f"Benchmarks/.venv/bin/pip install -r Benchmarks/service/requirements.txt"
    )


def stack_versions(python: str) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m, platform\n"
        "names = ['fastapi', 'starlette', 'uvicorn', 'pydantic', 'SQLAlchemy', 'PyJWT', 'bcrypt', 'email-validator',\n"
        "         'psycopg', 'psycopg-binary']\n"
        "v = {}\n"
        "for n in names:\n"
        "    try:\n"
        "        v[n] = m.version(n)\n"
        "    except m.PackageNotFoundError:\n"
        "        pass\n"
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


class SqliteDatabase:
    """A fresh SQLite file in the side's folder (the temporary folder goes at the end)."""

    backend = "sqlite"

    def __init__(self, side_dir: Path):
        self.path = side_dir / "users.sqlite"

    def __str__(self) -> str:
        return str(self.path)

    def create(self) -> None:
        pass  # sqlite3 and the servers create the file

    def drop(self) -> None:
        pass  # removed with the temporary folder

    def url(self, side: str) -> str:
        return f"sqlite:///{self.path}"  # absolute: sqlite:////tmp/...

    def create_python_schema(self) -> None:
        create_python_schema(self.path)

    def check_schema(self, side: str) -> list[str]:
        return check_schema(self.path, side)

    def seed(self, users: int, password_hash: str) -> list[str]:
        seed(self.path, users, password_hash)
        return []


# --- PostgreSQL, through psql -------------------------------------------------
# psql rather than a driver: this script stays standard library only and runs in
# any interpreter; psql comes with the server (scripts/test-postgres installs
# Debian's postgresql), and COPY FROM STDIN seeds 1000 rows in milliseconds.


def redact(url: str) -> str:
    """URL with its password replaced by ***."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)


def find_psql() -> str:
    path = shutil.which("psql")
    if path:
        return path
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))
    if found:
        return str(found[-1])
    raise LoadError("psql is not installed. `scripts/test-postgres start` installs Debian's postgresql (psql "
                    "included); or `apt-get install -y postgresql-client`.")


# The number of unique, single-column, plain indexes on users.email.
UNIQUE_EMAIL_INDEXES_SQL = """
SELECT count(*) FROM pg_index i
JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
WHERE i.indrelid = to_regclass('users') AND i.indisunique AND i.indnkeyatts = 1
  AND i.indexprs IS NULL AND i.indpred IS NULL AND a.attname = 'email'
"""

# After a seed with explicit ids: the next id the database gives is max(id) + 1.
# pg_get_serial_sequence finds the sequence of a serial or identity column.
SETVAL_SQL = """SELECT coalesce(setval(pg_get_serial_sequence('users', 'id'), (SELECT max("id") FROM "users"))::text,
                'no sequence');
"""


@dataclass
class PostgresServer:
    """The server named by the admin URL; each side's throwaway database is created and dropped there."""

    psql: str
    port: int
    user: str
    password: str
    admin_database: str

    @classmethod
    def from_url(cls, url: str) -> PostgresServer:
        example = "postgres://USER:PASSWORD@127.0.0.1:PORT/DATABASE"
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql") and not parts.scheme.startswith("postgresql+"):
            raise LoadError(f"The PostgreSQL URL must look like {example}, got {redact(url)}")
        if parts.hostname not in (HOST, "localhost"):
            raise LoadError(f"The PostgreSQL URL names the host {parts.hostname!r}: this script only contacts {HOST}.")
        try:
            port = parts.port or 5432
        except ValueError:
            raise LoadError(f"The PostgreSQL URL has no valid port: {redact(url)}") from None
        if not parts.username:
            raise LoadError(f"The PostgreSQL URL names no user ({example}): {redact(url)}")
        return cls(find_psql(), port, urllib.parse.unquote(parts.username),
                   urllib.parse.unquote(parts.password or ""),
                   urllib.parse.unquote(parts.path.lstrip("/")) or "postgres")

    def __str__(self) -> str:
        return f"{self.user}@{HOST}:{self.port}"

    def env(self, database: str) -> dict[str, str]:
        # Only this connection: no PG* variable of the caller's (PGSERVICE, PGOPTIONS, PGHOST ...) gets in.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(PGHOST=HOST, PGPORT=str(self.port), PGUSER=self.user, PGPASSWORD=self.password,
                   PGDATABASE=database, PGCONNECT_TIMEOUT="10", PGAPPNAME="service-load")
        return env

    def argv(self, *args: str) -> list[str]:
        # -X: no ~/.psqlrc; -w: never prompt for a password; -q -A -t: bare values only.
        return [self.psql, "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", *args]

    def run(self, database: str, what: str, *args: str, script: str | None = None, timeout: float = 120) -> str:
        """psql ARGS on DATABASE (SCRIPT on its stdin, if given); its output, stripped."""
        try:
            out = subprocess.run(self.argv(*args), env=self.env(database), input=script,
                                 stdin=None if script is not None else subprocess.DEVNULL,
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise LoadError(f"psql ({what}) on {self}/{database} did not finish in {timeout:.0f} s") from None
        if out.returncode != 0:
            raise LoadError(f"psql ({what}) on {self}/{database} failed (exit {out.returncode}):\n{tail(out.stderr)}")
        return out.stdout.strip()

    def url(self, database: str, scheme: str) -> str:
        auth = urllib.parse.quote(self.user, safe="")
        if self.password:
            auth += ":" + urllib.parse.quote(self.password, safe="")
        return f"{scheme}://{auth}@{HOST}:{self.port}/{database}"

    def check(self) -> str:
        """The server's version; fails unless it answers and the user may CREATE DATABASE."""
        try:
            out = self.run(self.admin_database, "connect", "-c",
                           "SELECT current_setting('server_version') || '|' || "
                           "(SELECT (rolcreatedb OR rolsuper)::text FROM pg_roles WHERE rolname = current_user)",
                           timeout=30)
        except LoadError as error:
            raise LoadError(f"{error}\nIs the server running? The kit's throwaway one: `scripts/test-postgres start`.") from None
        version, _, may_create = out.partition("|")
        if may_create != "true":
            raise LoadError(f"The PostgreSQL user {self.user!r} may not CREATE DATABASE on {HOST}:{self.port}.")
        return version


class PostgresDatabase:
    """A throwaway database bench_<random hex> on SERVER, dropped WITH (FORCE) at the end."""

    backend = "postgres"

    def __init__(self, server: PostgresServer):
        self.server = server
        self.name = f"bench_{secrets.token_hex(6)}"
        self.created = False

    def __str__(self) -> str:
        return f"database {self.name} on {HOST}:{self.server.port}"

    def create(self) -> None:
        self.created = True  # first: an interrupt just after the CREATE still drops it
        self.server.run(self.server.admin_database, "CREATE DATABASE", "-c", f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        """DROP DATABASE ... WITH (FORCE) (closes what is still connected). psql runs in its own session,
        so a Ctrl-C at the terminal does not reach it, and it is waited for through Ctrl-C."""
        if not self.created:
            return
        self.created = False
        sql = f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'
        process = subprocess.Popen(self.server.argv("-c", sql), env=self.server.env(self.server.admin_database),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        deadline = time.monotonic() + 60
        while process.returncode is None:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except KeyboardInterrupt:
                log(f"  still dropping {self} ...")
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        error = process.stderr.read().strip() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        if process.returncode == 0:
            log(f"  dropped {self}")
        else:
            log(f"warning: could not drop {self} (exit {process.returncode}): {tail(error) or 'timed out'}\n"
                f"  drop it by hand: psql \"${POSTGRES_URL_ENV}\" -c '{sql}'")

    def url(self, side: str) -> str:
        # Swift (PostgresKit) takes postgres://; SQLAlchemy wants its dialect+driver form.
        return self.server.url(self.name, "postgres" if side == "Swift" else "postgresql+psycopg")

    def query(self, what: str, sql: str) -> str:
        return self.server.run(self.name, what, "-c", sql)

    def create_python_schema(self) -> None:
        self.server.run(self.name, SCHEMA_POSTGRES_SQL.name, "-1", "-f", str(SCHEMA_POSTGRES_SQL))

    def check_schema(self, side: str) -> list[str]:
        """The users table must have id/email/password; returns warnings for lesser differences."""
        columns = set(self.query("schema check", "SELECT column_name FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() AND table_name = 'users'").splitlines())
        if not columns:
            raise LoadError(f"{side}: the {self} has no table 'users' after the schema step.")
        missing = {"id", "email", "password"} - columns
        if missing:
            raise LoadError(f"{side}: table 'users' lacks the column(s) {sorted(missing)}; it has {sorted(columns)}.")
        if self.query("schema check", UNIQUE_EMAIL_INDEXES_SQL) == "0":
            return [f"{side}: no unique index on users.email (duplicate emails would not be refused)"]
        return []

    def seed(self, users: int, password_hash: str) -> list[str]:
        """user1@example.com ... userN@example.com with ids 1..N in one COPY; the id sequence then continues
        after N; ANALYZE, so that autovacuum does not do it at some moment during the load."""
        if any(c in password_hash for c in "\\\t\n"):
            raise LoadError(f"unexpected characters in the bcrypt hash {password_hash!r}")
        existing = int(self.query("count users", 'SELECT count(*) FROM "users"'))
        if existing:
            log(f"  the schema step left {existing} row(s) in users: deleting them before seeding")
        rows = "".join(f"{i}\tuser{i}@example.com\t{password_hash}\n" for i in range(1, users + 1))
        script = ('BEGIN;\nDELETE FROM "users";\nCOPY "users" ("id", "email", "password") FROM STDIN;\n'
                  + rows + "\\.\n" + SETVAL_SQL + 'COMMIT;\nANALYZE "users";\n')
        if self.server.run(self.name, "seed", script=script, timeout=600) == "no sequence":
            return ["users.id has no sequence (neither serial nor identity): nothing was moved past the seeded ids"]
        return []


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
    backend: str = "sqlite"
    database: str = ""
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scenarios: dict[str, WrkResult] = field(default_factory=dict)
    error: str | None = None

    @property
    def tag(self) -> str:
        return f"{self.name}/{BACKEND_LABELS[self.backend]}"


def run_side(name: str, backend: str, args, wrk: str, workdir: Path, password_hash: str, python: str, secret: str,
             postgres: PostgresServer | None) -> SideResult:
    """One side on one backend, in a database of its own that is dropped at the end whatever happens."""
    side_dir = workdir / f"{name.lower()}-{backend}"
    side_dir.mkdir()
    if backend == "postgres":
        assert postgres is not None
        db: SqliteDatabase | PostgresDatabase = PostgresDatabase(postgres)
    else:
        db = SqliteDatabase(side_dir)
    result = SideResult(name, backend, str(db))
    try:
        db.create()
        return _run_side(result, db, side_dir, args, wrk, password_hash, python, secret)
    finally:
        db.drop()


def _run_side(result: SideResult, db: SqliteDatabase | PostgresDatabase, side_dir: Path, args, wrk: str,
              password_hash: str, python: str, secret: str) -> SideResult:
    name, tag = result.name, result.tag
    port = free_port()
    url = db.url(name)
    env = {**os.environ, "DATABASE_URL": url, "JWT_SECRET": secret}

    log(f"[{tag}] schema and {args.users} users in {db} (DATABASE_URL={redact(url)})")
    if name == "Swift":
        try:
            up = subprocess.run(args.swift_upgrade, shell=True, cwd=KIT_ROOT, env=env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=300, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise LoadError(f"`{args.swift_upgrade}` did not finish in 300 s") from None
        if up.returncode != 0:
            raise LoadError(f"`{args.swift_upgrade}` failed (exit {up.returncode}):\n{tail(up.stdout + up.stderr)}")
        server = Server(tag, args.swift_command.replace("{port}", str(port)), env, KIT_ROOT, side_dir / "server.log", port)
    else:
        db.create_python_schema()
        argv = [python, "-m", "uvicorn", "app:app", "--app-dir", str(APP_DIR), "--host", HOST, "--port", str(port),
                "--workers", "1", "--log-level", "warning", "--no-access-log"]
        server = Server(tag, argv, env, KIT_ROOT, side_dir / "server.log", port)
    result.warnings += db.check_schema(tag)
    result.warnings += [f"{tag}: {w}" for w in db.seed(args.users, password_hash)]

    scripts = {}
    for scenario, text in lua_scripts(args.users).items():
        scripts[scenario] = side_dir / f"{scenario}.lua"
        scripts[scenario].write_text(text)

    log(f"[{tag}] starting on {HOST}:{port}: {server.argv if isinstance(server.argv, str) else shlex.join(server.argv)}")
    server.start()
    try:
        server.wait_ready(args.startup_timeout)
        result.checks = correctness(port, args.users)
        for c in result.checks:
            log(f"[{tag}]   {'ok  ' if c.ok else ('FAIL' if c.required else 'DIFF')} {c.name}"
                + (f"  ({c.detail})" if c.detail else ""))
        failed = [c.name for c in result.checks if c.required and not c.ok]
        if failed:
            result.error = f"correctness checks failed, load skipped: {'; '.join(failed)}"
            return result
        if args.warmup:
            log(f"[{tag}] warm-up: {args.warmup} s of get-user (not reported)")
            run_wrk(wrk, port, scripts["get-user"], args.connections, args.warmup, args.timeout)
        for scenario in SCENARIOS:
            duration = args.login_duration if scenario == "login" else args.duration
            log(f"[{tag}] {SCENARIO_LABELS[scenario]}: wrk -t2 -c{args.connections} -d{duration}s ...")
            r = run_wrk(wrk, port, scripts[scenario], args.connections, duration, args.timeout)
            result.scenarios[scenario] = r
            log(f"[{tag}]   {r.rps:.1f} req/s, p99 {r.p99_ms:.2f} ms, non-2xx {r.non_2xx}, socket errors {r.socket_errors}")
            if server.process and server.process.poll() is not None:
                raise LoadError(f"{tag} exited during the load (code {server.process.returncode}):\n{tail(server.output())}")
    except LoadError as error:
        result.error = str(error)
        log(f"[{tag}] server output (last lines):\n{tail(server.output())}")
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


def combined_table(results: dict[tuple[str, str], SideResult | None], backends: list[str], sides: list[str]) -> str:
    """One column per side and backend (FastAPI/SQLite, Swift/SQLite, FastAPI/PostgreSQL, Swift/PostgreSQL);
    per scenario, rows of req/s, p99, non-2xx + socket errors and, under each Swift column, Swift/FastAPI."""
    runs = [(backend, side) for backend in backends for side in sides]
    header = ["Scenario", "", *[f"{side}/{BACKEND_LABELS[backend]}" for backend, side in runs]]
    rows = []
    for scenario in SCENARIOS:
        cells = {run: (results.get(run).scenarios.get(scenario) if results.get(run) else None) for run in runs}
        rows.append([SCENARIO_LABELS[scenario], "req/s", *[fmt(cells[r].rps) if cells[r] else "—" for r in runs]])
        rows.append(["", "p99", *[p99(cells[r]) for r in runs]])
        rows.append(["", "non-2xx+sock", *[f"{cells[r].non_2xx}+{cells[r].socket_errors}" if cells[r] else "—"
                                           for r in runs]])
        if "Swift" in sides:
            ratios = []
            for backend, side in runs:
                f, s = cells[(backend, "FastAPI")], cells[(backend, "Swift")]
                ratios.append("" if side != "Swift" else f"{s.rps / f.rps:.2f}x" if f and s and f.rps else "—")
            rows.append(["", "Swift/FastAPI", *ratios])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def ratios(fa: SideResult | None, sw: SideResult | None) -> dict[str, float | None]:
    out = {}
    for scenario in SCENARIOS:
        f = fa.scenarios.get(scenario) if fa else None
        s = sw.scenarios.get(scenario) if sw else None
        out[scenario] = round(s.rps / f.rps, 3) if f and s and f.rps else None
    return out


def as_json(args, results: dict[tuple[str, str], SideResult | None], backends: list[str], meta: dict) -> dict:
    """One record per side and backend under "runs", each naming its backend."""
    runs = [{
        "backend": r.backend,
        "side": r.name,
        "database": r.database,
        "error": r.error,
        "warnings": r.warnings,
        "checks": [vars(c) for c in r.checks],
        "scenarios": {k: vars(v) for k, v in r.scenarios.items()},
    } for r in results.values() if r]
    return {
        "config": {"backends": backends, "duration_s": args.duration, "login_duration_s": args.login_duration,
                   "connections": args.connections, "threads": 2, "users": args.users, "timeout_s": args.timeout,
                   "warmup_s": args.warmup, "skip_swift": args.skip_swift,
                   "swift_command": None if args.skip_swift else args.swift_command,
                   "swift_upgrade": None if args.skip_swift else args.swift_upgrade},
        "meta": meta,
        "runs": runs,
        "ratio_swift_over_fastapi": {
            backend: ratios(results.get((backend, "FastAPI")), results.get((backend, "Swift")))
            for backend in backends
        },
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
    p.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="sqlite",
                   help="the database: a fresh SQLite file, a fresh throwaway PostgreSQL database per side "
                        "(created and dropped on the --postgres-url server), or both, one after the other "
                        "(default: %(default)s)")
    p.add_argument("--postgres-url",
                   help=f"PostgreSQL server for --backend postgres/both, as postgres://USER:PASSWORD@127.0.0.1:PORT/DB "
                        f"(a database to connect to; USER must be allowed to CREATE DATABASE). Default: "
                        f"${POSTGRES_URL_ENV}, which `scripts/test-postgres start` prints")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--results", type=Path,
                   help="JSON file to write the results to (default: Benchmarks/results/"
                        "service-load-BACKEND-UTCTIME.json)")
    p.add_argument("--no-results", action="store_true", help="write no results file")
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


def postgres_server(requested: str | None) -> tuple[PostgresServer, str]:
    """The PostgreSQL server of --postgres-url or $SCHEMA_REVISIONS_TEST_POSTGRES_URL, checked, and its version."""
    url = (requested or os.environ.get(POSTGRES_URL_ENV, "")).strip()
    if not url:
        raise LoadError(
            f"--backend postgres/both needs a PostgreSQL server, and neither --postgres-url nor "
            f"${POSTGRES_URL_ENV} is set.\n"
            f"Start the kit's throwaway server and export its URL, from the kit's root:\n"
            f"  eval \"$(scripts/test-postgres start)\"\n"
            f"(or run `scripts/test-postgres start` and then the `export ...` line it prints)."
        )
    server = PostgresServer.from_url(url)
    version = server.check()
    log(f"PostgreSQL {version} at {server} (throwaway databases bench_<hex> are created there and dropped)")
    return server, version


def write_results(args, report: dict) -> None:
    path = args.results or RESULTS_DIR / f"service-load-{args.backend}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=2) + "\n")
    except OSError as error:
        log(f"warning: could not write the results to {path}: {error}")
        return
    log(f"results written to {path}")


def main(argv: list[str]) -> int:
    args = parse_args(argv)

    def on_signal(signum, _frame):
        raise Terminated(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    backends = list(BACKENDS) if args.backend == "both" else [args.backend]
    sides = ["FastAPI"] + ([] if args.skip_swift else ["Swift"])
    for needed in (SCHEMA_SQL, SCHEMA_POSTGRES_SQL, APP_DIR / "app.py"):
        if not needed.is_file():
            raise LoadError(f"{needed} is missing")
    postgres, postgres_version = postgres_server(args.postgres_url) if "postgres" in backends else (None, None)
    wrk = ensure_wrk()
    python = find_python(args.python, postgres=postgres is not None)
    if not args.skip_swift:
        program = shlex.split(args.swift_command)
        binary = next((w for w in program if "=" not in w), None)
        if binary and "/" in binary and not (KIT_ROOT / binary).exists():
            log(f"warning: {KIT_ROOT / binary} does not exist yet "
                f"(build it with `WORKBOOK=solutions swift build -c release --product lesson-6`)")

    load1, _, _ = os.getloadavg()
    meta = {"started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "wrk": wrk_version(wrk),
            "stack": stack_versions(python), "cpus": os.cpu_count(), "loadavg_1min_at_start": round(load1, 2)}
    if postgres_version:
        meta["postgres"] = postgres_version
    if load1 > 0.5:
        log(f"note: the 1-minute load average is {load1:.2f} before starting: other work competes for the CPU")

    log("computing the one bcrypt cost-12 hash of the seed password ...")
    password_hash = precomputed_hash(python)
    secret = secrets.token_hex(32)

    # (backend, side) -> result, in run order: one server at a time, every side on SQLite, then on PostgreSQL.
    results: dict[tuple[str, str], SideResult | None] = {(b, s): None for b in backends for s in sides}
    workdir = Path(tempfile.mkdtemp(prefix="service-load-"))
    try:
        for backend, side in results:
            try:
                results[(backend, side)] = run_side(side, backend, args, wrk, workdir, password_hash, python, secret,
                                                    postgres)
            except LoadError as error:  # keep the other runs' numbers
                failed = SideResult(side, backend, error=str(error))
                log(f"[{failed.tag}] error: {error}")
                results[(backend, side)] = failed
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    meta["loadavg_1min_at_end"] = round(os.getloadavg()[0], 2)
    report = as_json(args, results, backends, meta)
    if not args.no_results:
        write_results(args, report)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print()
        login = f" (login {args.login_duration}s)" if args.login_duration != args.duration else ""
        on = " and ".join(BACKEND_LABELS[b] for b in backends)
        print(f"{on}: wrk -t2 -c{args.connections} -d{args.duration}s{login}, {args.users} users seeded, "
              f"{meta['cpus']} CPUs, load average {meta['loadavg_1min_at_start']} at start")
        if len(backends) == 1:
            print(table({side: results[(backends[0], side)] for side in sides}))
        else:
            print(combined_table(results, backends, sides))
        for side in results.values():
            if side and side.warnings:
                print("\n".join(f"warning: {w}" for w in side.warnings))
            diffs = [c for c in (side.checks if side else []) if not c.ok and not c.required]
            for c in diffs:
                print(f"{side.tag if len(backends) > 1 else side.name} differs: {c.name}: got {c.detail}")
        few = [(side.tag if len(backends) > 1 else side.name, SCENARIO_LABELS[k], r.requests)
               for side in results.values() if side for k, r in side.scenarios.items() if r.requests < FEW_SAMPLES]
        if few:
            print(f"* fewer than {FEW_SAMPLES} requests completed, so p99 is about the slowest one: "
                  + ", ".join(f"{n} {label} ({count})" for n, label, count in few)
                  + ". A longer --duration gives more.")
    errors = [f"{s.tag}: {s.error}" for s in results.values() if s and s.error]
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
        log(f"stopped ({type(stop).__name__} {stop}); servers stopped, temporary files and databases removed")
        sys.exit(130)
