"""Booking race benchmark: N people try to book the last K headsets at the same moment.

Run from the repo root (`make bench`): `.venv/bin/python bench/booking_race.py [--n 200] [--k 10]`.
For each database (a throwaway SQLite file, and a throwaway PostgreSQL server when its
binaries are installed) it migrates a fresh schema, creates one session with exactly K
free headsets and sends N concurrent bookings through `asyncio.to_thread(book, …)`,
exactly as the booking page does (`--workers` sizes the executor, default as in the app).
It prints the number of successes (must be exactly K) and the latency
of each booking call: p50 / p95 / max, against the target p95 ≤ 150 ms.
Exit status 1 when the result is wrong (not exactly K, or an error other than
« session_full »); latency only prints, it never fails the run.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import pathlib
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # reflex reads rxconfig.py from the working directory

from tests.pgserver import PgServer, find_pg_bin, migrate, using_database  # noqa: E402
from tests.race import Outcome, race  # noqa: E402

TARGET_P95_MS = 150.0
APP_THREADS = min(32, (os.cpu_count() or 1) + 4)  # asyncio's default executor size


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


async def _ui_path_race(make_req, *, n: int, workers: int) -> list[Outcome]:
    """N bookings at once, each exactly as the booking page sends it: `await asyncio.to_thread(book, …)`.

    The event loop's default executor is what the app uses (its size is `workers`), so each
    latency includes the wait for a free thread, as a participant would feel it.
    """
    from afroboost.services.booking.booking import book

    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=workers))

    async def one(i: int) -> Outcome:
        started = time.perf_counter()
        try:
            out = Outcome(i, result=await asyncio.to_thread(book, make_req(i)))
        except Exception as exc:  # recorded and reported
            out = Outcome(i, error=exc)
        out.seconds = time.perf_counter() - started
        return out

    return list(await asyncio.gather(*(one(i) for i in range(n))))


def run_one(label: str, url: str, *, n: int, k: int, workers: int) -> bool:
    from sqlalchemy import text

    from afroboost.db import in_read, utc_now, write_session
    from afroboost.services import ServiceError
    from afroboost.services.booking.booking import BookingRequest
    from tests.factories import make_offer, make_session, person

    migrate(url)
    with using_database(url):
        with write_session() as s:
            cls = make_session(s, starts_at=utc_now() + timedelta(days=7), seats=k + 20, headsets=k)
            sid, oid = cls.id, make_offer(s).id
        # Open the pool's connections first: we time bookings, not connection set-up.
        race(lambda _i: in_read(lambda s: s.execute(text("SELECT 1")).all()), range(workers), workers=workers)
        outcomes = asyncio.run(_ui_path_race(
            lambda i: BookingRequest(session_id=sid, offer_id=oid, person=person(i), payment_method="twint",
                                     request_key=uuid.uuid4().hex),  # as the booking page sends it
            n=n, workers=workers))
    wins = sum(o.ok for o in outcomes)
    errors = Counter(o.error.key if isinstance(o.error, ServiceError) else repr(o.error)
                     for o in outcomes if not o.ok)
    ms = [o.seconds * 1000 for o in outcomes]
    p50, p95, worst = percentile(ms, 50), percentile(ms, 95), max(ms)
    correct = wins == k and set(errors) <= {"session_full"}
    print(f"{label}: {n} concurrent bookings for {k} free headsets, UI path (to_thread, {workers} threads)")
    print(f"  successes: {wins}  (exactly K: {'OK' if wins == k else 'FAIL'})   "
          f"refused: {', '.join(f'{key} ×{c}' for key, c in errors.items()) or 'none'}")
    print(f"  latency per booking: p50 {p50:.1f} ms · p95 {p95:.1f} ms · max {worst:.1f} ms   "
          f"(target p95 ≤ {TARGET_P95_MS:.0f} ms: {'OK' if p95 <= TARGET_P95_MS else 'MISSED'})")
    return correct


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="booking attempts (default 200)")
    parser.add_argument("--k", type=int, default=10, help="free headsets (default 10)")
    parser.add_argument("--workers", type=int, default=APP_THREADS,
                        help=f"threads of the event loop's executor (default {APP_THREADS}, as in the app)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.k < 0 or args.workers < 1:
        parser.error("--n and --workers must be ≥ 1, --k ≥ 0")

    ok = True
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="afroboost-bench-"))
    try:
        ok &= run_one("SQLite (WAL, BEGIN IMMEDIATE)", f"sqlite:///{tmp / 'bench.db'}",
                      n=args.n, k=args.k, workers=args.workers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if find_pg_bin() is None:
        print("PostgreSQL: not installed, skipped (run `make test-deps`)")
    else:
        with PgServer() as pg:  # stopped and deleted on the way out, errors included
            ok &= run_one(f"PostgreSQL {pg.bin.parent.name} (throwaway, fsync=off)", pg.url,
                          n=args.n, k=args.k, workers=args.workers)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
