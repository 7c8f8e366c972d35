"""Throwaway PostgreSQL server and the migration helper, shared by tests and bench.

Used by tests/conftest.py (session fixture) and bench/booking_race.py (which puts the
repo root on sys.path and imports `tests.pgserver`). The server runs as the `postgres`
user when we are root (initdb refuses root), listens on 127.0.0.1 only, on a free port,
with its socket and data in a private temp dir, and fsync off (it is thrown away).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MISSING_HINT = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: run `make test-deps`."


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def migrate(database_url: str) -> None:
    """Apply the real alembic migrations (`reflex db migrate`) to `database_url`."""
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("PYTEST_CURRENT_TEST", None)
    out = subprocess.run([sys.executable, "-m", "reflex", "db", "migrate"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


@contextlib.contextmanager
def using_database(url: str):
    """Point the app's settings and engine at `url`; restore the previous database after."""
    from afroboost.db import get_engine
    from afroboost.services.booking.capacity import forget_all_full
    from afroboost.settings import get_settings

    previous = os.environ.get("DATABASE_URL")

    def switch(to: str | None) -> None:
        get_engine().dispose()
        if to is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = to
        get_settings.cache_clear()
        get_engine.cache_clear()
        forget_all_full()

    switch(url)
    try:
        yield get_engine()
    finally:
        switch(previous)


def find_pg_bin() -> pathlib.Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that has pg_ctl and initdb."""
    found = [pathlib.Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")]
    found = [b for b in found if (b / "initdb").exists()]
    found.sort(key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else 0)
    return found[-1] if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """A private PostgreSQL cluster: `start()`, use `.url`, always `stop()`.

    Also a context manager. `stop()` is safe to call twice and after a failed start.
    """

    def __init__(self, bin_dir: pathlib.Path | None = None):
        bin_dir = bin_dir or find_pg_bin()
        if bin_dir is None:
            raise PostgresMissing(MISSING_HINT)
        self.bin = bin_dir
        self.dir: pathlib.Path | None = None
        self.port: int | None = None
        self._started = False

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        # initdb and the postmaster refuse to run as root.
        cmd = (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    def start(self) -> PgServer:
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="postgres")
        data, log = self.dir / "data", self.dir / "log"
        out = self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--no-sync", timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"initdb failed: {out.stdout}{out.stderr}")
        for _attempt in range(3):  # the free port can be taken between probe and start
            self.port = free_port()
            opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
            out = self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                            "-o", opts, "start", timeout=90)
            if out.returncode == 0:
                self._started = True
                break
        if not self._started:
            log_text = log.read_text() if log.exists() else ""
            self.stop()
            raise RuntimeError(f"pg_ctl start failed: {out.stdout}{out.stderr}\n{log_text[-2000:]}")
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 30) -> None:
        import psycopg

        deadline, last = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(self.url, connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                last = exc
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"PostgreSQL did not accept connections on port {self.port}: {last}")

    def stop(self) -> None:
        if self.dir is None:
            return
        if self._started:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")
            self._started = False
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()
