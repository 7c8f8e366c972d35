"""What checking a coach session costs: the price of AuthState.ensure() asking the database.

Run from the repo root (`make bench`): `.venv/bin/python bench/coach_session.py [--n 2000]`.
On a throwaway migrated SQLite file (and PostgreSQL when its binaries are installed) it
creates one live coach session among 1000 ended ones, then times N checks exactly as an
open coach tab makes them: `await run_read(access_coach_session, sid_hash=…)` (a thread hop
plus one indexed SELECT). It prints p50 / p95 per check and, for comparison, the cost of
the same SELECT without the thread hop. Figures only; it never fails on timings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pathlib
import statistics
import sys
import tempfile
import time
from datetime import timedelta

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # reflex reads rxconfig.py from the working directory

from tests.pgserver import PgServer, find_pg_bin, migrate, using_database  # noqa: E402


def _arrange() -> str:
    from afroboost.db import in_write, utc_now
    from afroboost.models import CoachSession
    from afroboost.services.auth import do_start_coach_session, session_hash

    def ended(session) -> None:
        now = utc_now()
        for i in range(1000):
            session.add(CoachSession(sid_hash=session_hash(f"{i:043d}"), email="contact.artboost@gmail.com",
                                     created_at=now, expires_at=now + timedelta(days=7), revoked_at=now))

    in_write(ended)
    return session_hash(in_write(do_start_coach_session, email="contact.artboost@gmail.com"))


def _ms(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=20)
    return f"p50 {statistics.median(samples) * 1000:.3f} ms, p95 {q[18] * 1000:.3f} ms"


async def _measure(label: str, n: int) -> None:
    from afroboost.db import in_read, run_read
    from afroboost.services.auth import access_coach_session

    digest = _arrange()
    hop, direct = [], []
    for _ in range(n):
        t = time.perf_counter()
        assert await run_read(access_coach_session, sid_hash=digest)
        hop.append(time.perf_counter() - t)
        t = time.perf_counter()
        assert in_read(access_coach_session, sid_hash=digest)
        direct.append(time.perf_counter() - t)
    print(f"{label:10} ensure() re-check (thread hop + SELECT): {_ms(hop)}")
    print(f"{label:10} the SELECT alone:                        {_ms(direct)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{pathlib.Path(tmp) / 'bench.db'}"
        migrate(url)
        with using_database(url):
            asyncio.run(_measure("sqlite", args.n))
    if find_pg_bin():
        server = PgServer()
        try:
            server.start()
            migrate(server.url)
            with using_database(server.url):
                asyncio.run(_measure("postgres", args.n))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
