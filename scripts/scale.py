"""The scale-out profile on one machine: a local PostgreSQL + Redis, and the app with 3 workers.

    python scripts/scale.py start   # PostgreSQL and Redis on 127.0.0.1, data in .scale/ (kept)
    python scripts/scale.py run     # start + migrate + seed if empty + serve (`make run-scale`)
    python scripts/scale.py stop    # stop PostgreSQL and Redis (`make stop-scale`)
    python scripts/scale.py env     # the DATABASE_URL / REDIS_URL lines to export

Uses the Debian packages (`make test-deps`): the server binaries are found like the test
servers (tests/pgserver.py, tests/redisserver.py), but here the data persists in `.scale/`
and the ports are fixed (SCALE_PG_PORT, default 55432; SCALE_REDIS_PORT, default 56379).
Both listen on 127.0.0.1 only; PostgreSQL trusts local connections (a development
profile: docs/deploy.md describes production).

`run` serves with `GRANIAN_WORKERS` (default 3) backend workers sharing state through Redis;
every worker competes for the scheduler lease and exactly one logs
« [SYSTEM] ✅ Scheduler is ONLINE ». It serves through `python -m afroboost serve`
(afroboost/serve.py): a worker that dies is respawned and, if it held the scheduler lease,
a live worker takes the lease over within 30 s (tests/e2e/test_scale_profile.py).
Stopping the server (Ctrl-C) leaves PostgreSQL and Redis running: `make stop-scale` stops them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pgserver import MISSING_HINT as PG_HINT  # noqa: E402
from tests.pgserver import find_pg_bin  # noqa: E402
from tests.redisserver import MISSING_HINT as REDIS_HINT  # noqa: E402
from tests.redisserver import find_redis_server, ping  # noqa: E402

SCALE = ROOT / ".scale"
PG_DIR, REDIS_DIR = SCALE / "pg", SCALE / "redis"
PG_PORT = int(os.environ.get("SCALE_PG_PORT", "55432"))
REDIS_PORT = int(os.environ.get("SCALE_REDIS_PORT", "56379"))
DB_NAME = "afroboost"
DATABASE_URL = f"postgresql+psycopg://postgres@127.0.0.1:{PG_PORT}/{DB_NAME}"
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"


def _as_postgres(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    # initdb and the postmaster refuse to run as root.
    cmd = (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def _pg_bin() -> pathlib.Path:
    found = find_pg_bin()
    if found is None:
        sys.exit(PG_HINT)
    return found


def pg_running() -> bool:
    return (PG_DIR / "data" / "postmaster.pid").exists() and \
        _as_postgres(str(_pg_bin() / "pg_ctl"), "-D", str(PG_DIR / "data"), "status").returncode == 0


def start_postgres() -> None:
    import psycopg

    bin_dir, data = _pg_bin(), PG_DIR / "data"
    PG_DIR.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(PG_DIR, user="postgres")
    if not (data / "PG_VERSION").exists():
        out = _as_postgres(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        if out.returncode != 0:
            sys.exit(f"initdb failed (the postgres user must be able to reach {PG_DIR}):\n{out.stdout}{out.stderr}")
    if not pg_running():
        opts = f"-p {PG_PORT} -k {PG_DIR} -c listen_addresses=127.0.0.1 -c max_connections=200"
        out = _as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(PG_DIR / "log"), "-w", "-t", "60",
                           "-o", opts, "start")
        if out.returncode != 0:
            log = (PG_DIR / "log").read_text(errors="replace")[-2000:] if (PG_DIR / "log").exists() else ""
            sys.exit(f"pg_ctl start failed on port {PG_PORT} (SCALE_PG_PORT):\n{out.stdout}{out.stderr}\n{log}")
    admin = f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(admin, connect_timeout=2, autocommit=True) as conn:
                if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone() is None:
                    conn.execute(f'CREATE DATABASE "{DB_NAME}"')
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    print(f"PostgreSQL: {DATABASE_URL} (data {PG_DIR / 'data'})")


def stop_postgres() -> None:
    if pg_running():
        _as_postgres(str(_pg_bin() / "pg_ctl"), "-D", str(PG_DIR / "data"), "-m", "fast", "-w", "stop")
        print("PostgreSQL: stopped")


def _redis_pid() -> int | None:
    with contextlib.suppress(OSError, ValueError):
        pid = int((REDIS_DIR / "redis.pid").read_text().strip())
        os.kill(pid, 0)
        return pid
    return None


def start_redis() -> None:
    binary = find_redis_server()
    if binary is None:
        sys.exit(REDIS_HINT)
    REDIS_DIR.mkdir(parents=True, exist_ok=True)
    if _redis_pid() is None:
        if ping(REDIS_PORT):
            sys.exit(f"port {REDIS_PORT} (SCALE_REDIS_PORT) already answers PING but is not ours")
        subprocess.run([binary, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--protected-mode", "yes",
                        "--dir", str(REDIS_DIR), "--save", "", "--appendonly", "no", "--daemonize", "yes",
                        "--pidfile", str(REDIS_DIR / "redis.pid"), "--logfile", str(REDIS_DIR / "redis.log")],
                       check=True, timeout=30)
    deadline = time.monotonic() + 20
    while not ping(REDIS_PORT):
        if time.monotonic() > deadline:
            sys.exit(f"redis-server did not answer PING on {REDIS_PORT}; see {REDIS_DIR / 'redis.log'}")
        time.sleep(0.05)
    print(f"Redis: {REDIS_URL}")


def stop_redis() -> None:
    pid = _redis_pid()
    if pid is None:
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while _redis_pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    print("Redis: stopped")


def app_env(database_url: str = DATABASE_URL, redis_url: str = REDIS_URL) -> dict[str, str]:
    """The app's environment in this profile (also used by tests/e2e/test_scale_profile.py)."""
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url}
    env.setdefault("GRANIAN_WORKERS", "3")
    env.pop("REFLEX_REDIS_URL", None)  # REDIS_URL (afroboost.settings → rxconfig) is the one source
    return env


def serve_cmd(host: str, port: int) -> list[str]:
    """The server command: the production build, workers respawned (afroboost/serve.py)."""
    return [sys.executable, "-m", "afroboost", "serve", "--host", host, "--port", str(port)]


def run(host: str, port: int) -> int:
    start_postgres()
    start_redis()
    env, py = app_env(), sys.executable
    subprocess.run([py, "-m", "reflex", "db", "migrate"], cwd=ROOT, env=env, check=True, timeout=300)
    subprocess.run([py, "-m", "afroboost", "seed", "--if-empty"], cwd=ROOT, env=env, check=True, timeout=120)
    subprocess.run([py, "-m", "afroboost", "coach-link"], cwd=ROOT, env=env, check=False, timeout=60)
    print(f"serving with {env['GRANIAN_WORKERS']} workers on http://{host}:{port} — Ctrl-C stops the app; "
          "`make stop-scale` stops PostgreSQL and Redis")
    return subprocess.run(serve_cmd(host, port), cwd=ROOT, env=env).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cmd", choices=["start", "stop", "run", "env"])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    args = parser.parse_args(argv)
    if args.cmd == "start":
        start_postgres()
        start_redis()
    elif args.cmd == "stop":
        stop_redis()
        stop_postgres()
    elif args.cmd == "env":
        print(f"export DATABASE_URL={DATABASE_URL}\nexport REDIS_URL={REDIS_URL}")
    else:
        return run(args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
