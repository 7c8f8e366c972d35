"""The scheduler service's mechanics on a real database: leadership, date jobs, the drain, hand-over.

The dispatcher is replaced by a recorder here (what is sent is tested with the real one in
tests/integration/test_scheduler_*.py); the lease, APScheduler and its SQL job store are real.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from afroboost.db import get_engine, in_read, in_write, utc_now
from afroboost.models import SchedulerLease
from afroboost.services.jobs import scheduler as sched_mod
from afroboost.services.jobs.scheduler import SchedulerService, schedule_slot, scheduler_status


@pytest.fixture
def jobs_db(db):
    """`db`, with APScheduler's job table emptied too (it may not be in the models' metadata)."""

    def clear() -> None:
        with get_engine().begin() as conn:
            if sa.inspect(conn).has_table("apscheduler_jobs"):
                conn.execute(sa.text("DELETE FROM apscheduler_jobs"))

    clear()
    yield db
    clear()


class Recorder:
    """Stands in for `dispatch_due`: records when it was called, returns scripted counts."""

    def __init__(self, script=()):
        self.calls: list = []
        self.script = list(script)

    async def __call__(self, *, adapters, worker, limit):
        self.calls.append(utc_now())
        n = self.script.pop(0) if self.script else 0
        await asyncio.sleep(0.01)
        return n


async def until(cond, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def service(recorder: Recorder, **kw) -> SchedulerService:
    return SchedulerService(adapters=dict, dispatch=recorder, recover=lambda session, **_: 0, **kw)


async def test_leader_fires_a_slot_job_on_time_and_releases_the_lease(jobs_db):
    rec = Recorder()
    svc = service(rec, sweep_s=60)  # the sweep cannot be what meets the target here
    await svc.start()
    try:
        await until(lambda: svc.scheduling)
        st = in_read(scheduler_status, now=utc_now())
        assert st.active and st.holder == svc.holder and st.heartbeat_at is not None
        await until(lambda: rec.calls)  # the sweep at start: missed slots go out at once
        due = utc_now() + timedelta(seconds=1.5)
        schedule_slot(41, due)
        await until(lambda: rec.calls[-1] >= due, timeout=5)
        late = (min(c for c in rec.calls if c >= due) - due).total_seconds()
        print(f"slot job lateness: {late * 1000:.0f} ms")
        assert 0 <= late < 0.5
    finally:
        await svc.stop()
    assert not in_read(scheduler_status, now=utc_now()).active  # handed over at once


async def test_a_job_written_by_a_non_leader_survives_until_a_leader_runs_it(jobs_db):
    assert sched_mod._leader is None
    schedule_slot(7, utc_now() - timedelta(seconds=20))  # missed while nobody scheduled
    due = utc_now() + timedelta(seconds=2.5)
    schedule_slot(8, due)
    with get_engine().connect() as conn:
        ids = set(conn.execute(sa.text("SELECT id FROM apscheduler_jobs")).scalars())
    assert {"slot-7", "slot-8"} <= ids
    rec = Recorder()
    svc = service(rec, sweep_s=60)
    await svc.start()
    try:
        await until(lambda: rec.calls)  # at start: the sweep and the missed slot (within the grace)
        assert rec.calls[0] < due
        await until(lambda: rec.calls[-1] >= due, timeout=6)  # then slot 8, at its time
        late = (rec.calls[-1] - due).total_seconds()
        assert late < 0.5, late
    finally:
        await svc.stop()
    with get_engine().connect() as conn:  # date jobs are removed once run
        assert not set(conn.execute(sa.text("SELECT id FROM apscheduler_jobs")).scalars()) & {"slot-7", "slot-8"}


async def test_the_drain_repeats_until_nothing_is_due_and_absorbs_kicks(jobs_db):
    rec = Recorder(script=[0])  # the start sweep finds nothing
    svc = service(rec, sweep_s=60)
    await svc.start()
    try:
        await until(lambda: len(rec.calls) == 1 and svc._drain_task.done())
        rec.script = [100, 100, 37, 0]
        svc.kick()
        svc.kick()  # while a pass runs: folded into the running drain, no second drain
        await until(lambda: len(rec.calls) == 5)
        await asyncio.sleep(0.2)
        assert len(rec.calls) == 5 and svc.dispatched == 237
    finally:
        await svc.stop()


async def test_a_leader_whose_lease_was_taken_stops_scheduling(jobs_db):
    rec = Recorder()
    svc = service(rec, sweep_s=60, renew_s=0.2, retry_s=0.2)
    await svc.start()
    try:
        await until(lambda: svc.scheduling)

        def steal(session):
            lease = session.get(SchedulerLease, "campaigns")
            lease.holder, lease.until = "other-host:1:abc", utc_now() + timedelta(seconds=30)
            session.add(lease)

        in_write(steal)
        await until(lambda: not svc.scheduling, timeout=3)
        assert sched_mod._leader is None
        assert in_read(scheduler_status, now=utc_now()).holder == "other-host:1:abc"
    finally:
        await svc.stop()
    assert in_read(scheduler_status, now=utc_now()).holder == "other-host:1:abc"  # not ours to release
