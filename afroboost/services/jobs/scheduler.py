"""The campaign scheduler: APScheduler in exactly one process, driving the dispatcher.

Every web worker enters `scheduler_lifespan` (Reflex runs lifespan tasks once per worker);
each runs a small lease loop (services/jobs/lease.py) and only the lease holder starts
APScheduler. A killed leader's lease expires after 15 s and a contender (retrying every 3 s)
takes over, so another worker is scheduling again within ~20 s.

Jobs (job defaults: coalesce, max_instances=1, misfire_grace_time=60, UTC):
- `slot-<id>`: a date job per CampaignSlot, in the SQLAlchemy job store on the app database
  (survives restarts, APScheduler 3 fires it at its time); it wakes the dispatcher.
- `sweep` every 5 s: wakes the dispatcher, so rows due while no scheduler ran (missed slots,
  retries with backoff, a slot whose job was never written) go out; also makes sure every slot
  due in the next seconds has its date job, whoever saved it.
- `zombies` at start and every minute: rows claimed by a process that died are re-queued.
- `alive` every minute: the PRD's heartbeat log line. The lease renewal (every 5 s) writes
  the heartbeat the « 🟢 Planificateur actif » indicator reads (`scheduler_status`).
The interval jobs live in a memory store: they are recreated by each new leader, and the
periodic sweep then never writes to the database from the event loop.

Jobs never send anything themselves: they wake one drain task per process that calls
`dispatch_due` until nothing is due. Exactly-once is the ledger's job (atomic claims, unique
rows, idempotency keys); a second scheduler during a failover could only waste queries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_RUNNING, BaseScheduler
from sqlmodel import select

from afroboost.db import as_utc, get_engine, in_read, in_write, utc_now, write_session
from afroboost.models.campaign import Campaign, CampaignSlot, CampaignStatus
from afroboost.services.campaigns.channels import adapters_from_settings
from afroboost.services.campaigns.dispatch import dispatch_due, do_recover_zombies
from afroboost.services.jobs.lease import (
    LEASE_NAME,
    LEASE_TTL_S,
    SchedulerStatus,
    do_release_lease,
    do_take_lease,
    new_holder,
    scheduler_status,
)
from afroboost.services.notices.dispatch import notices_pass
from afroboost.services.notices.dispatch import recover as recover_notices
from afroboost.settings import get_settings

__all__ = ["SchedulerService", "SchedulerStatus", "fire_slot", "schedule_slot", "scheduler_lifespan",
           "scheduler_status"]

log = logging.getLogger("afroboost.scheduler")

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 60}
FIRE_SLOT = "afroboost.services.jobs.scheduler:fire_slot"  # textual reference: the job is pickled
SWEEP = "afroboost.services.jobs.scheduler:sweep"
RECOVER_ZOMBIES = "afroboost.services.jobs.scheduler:recover_zombies"
ALIVE = "afroboost.services.jobs.scheduler:alive"
NOTICES = "afroboost.services.jobs.scheduler:notices"

_leader: SchedulerService | None = None  # the service whose APScheduler runs in this process


class _SharedEngineStore(SQLAlchemyJobStore):
    """The job store on the app's own engine (WAL, busy timeout, pool), which it must not dispose."""

    def shutdown(self):
        pass


class _StoreWriter(BaseScheduler):
    """Writes a job into the shared store without ever running one (a process that is not leader).

    Started paused, so it never processes jobs: APScheduler 3 must not have two schedulers
    *running* on one store. The leader sees the job at its next wake-up (≤ the sweep interval).
    """

    def shutdown(self, wait=True):
        super().shutdown(wait)

    def wakeup(self):
        pass


_jobs_table_checked: set[str] = set()


def _jobs_store() -> _SharedEngineStore:
    """The SQL job store, its table created first if the migrations have not (blocking: call off the loop).

    APScheduler's own `create(checkfirst=True)` reads then writes in a deferred transaction,
    which SQLite refuses at once ("database is locked") while another worker writes; a
    write session (BEGIN IMMEDIATE) waits for the lock instead.
    """
    engine = get_engine()
    store = _SharedEngineStore(engine=engine)
    if str(engine.url) not in _jobs_table_checked:
        with write_session() as session:
            store.jobs_t.create(session.connection(), checkfirst=True)
        _jobs_table_checked.add(str(engine.url))
    return store


def _slot_job(slot_id: int, due_at: datetime) -> dict:
    return {"trigger": "date", "run_date": as_utc(due_at), "args": [int(slot_id)], "id": f"slot-{int(slot_id)}",
            "name": f"campaign slot {int(slot_id)}", "replace_existing": True, "jobstore": "default"}


def schedule_slot(slot_id: int, due_at: datetime) -> None:
    """Have slot `slot_id` dispatched at `due_at` (call after saving a scheduled campaign).

    Idempotent (replaces the slot's job). Quick: one write to the job store table.
    """
    leader = _leader
    sched = leader._sched if leader is not None else None
    if sched is not None and sched.state == STATE_RUNNING:  # this process is the leader
        sched.add_job(FIRE_SLOT, **_slot_job(slot_id, due_at))
        return
    writer = _StoreWriter(jobstores={"default": _jobs_store()}, job_defaults=JOB_DEFAULTS, timezone=UTC)
    writer.start(paused=True)
    try:
        writer.add_job(FIRE_SLOT, **_slot_job(slot_id, due_at))
    finally:
        writer.shutdown(wait=False)


# --- job functions (referenced by name so the persistent ones can be pickled) ------------------

async def fire_slot(slot_id: int) -> None:
    """A slot is due: dispatch its rows now."""
    if _leader is not None:
        log.info("[SCHEDULER] ⏰ slot %s is due: dispatching", slot_id)
        _leader.kick()


async def sweep() -> None:
    if _leader is not None:
        await _leader.sweep()


async def recover_zombies() -> None:
    if _leader is not None:
        await _leader.recover_zombies()


async def notices() -> None:
    """Transactional messages and ending holds (services/notices/): every `notice_s` seconds."""
    if _leader is not None:
        await _leader.notices()


async def alive() -> None:
    log.info("[SYSTEM] Scheduler is alive")


# --- the service --------------------------------------------------------------------------------

def _default_adapters() -> dict:
    return adapters_from_settings()


async def _default_dispatch(**kwargs) -> int:
    # One claim per call: between claims the drain checks it is still leader / not stopping.
    return await dispatch_due(drain=False, **kwargs)


async def _default_notices(**kwargs) -> int:
    return await notices_pass(**kwargs)


def _default_recover(session, *, now: datetime, older_than: timedelta | None) -> int:
    if older_than is None:
        return do_recover_zombies(session, now=now)
    return do_recover_zombies(session, now=now, older_than=older_than)


class SchedulerService:
    """One process's part: compete for the lease; while leader, run APScheduler and the drain.

    Args:
        adapters: builds the channel adapters once per leadership (default: from settings).
        dispatch: `dispatch_due`-like coroutine function (default: services.dispatch).
        recover: `do_recover_zombies`-like function taking a session (default: services.dispatch).
        zombie_after: age of a claimed-but-unfinished row before it counts as a zombie
            (None: the dispatcher's default, 30 min).
        name / ttl_s / renew_s / retry_s: the lease, its validity, the leader's renewal period
            and how often a non-leader tries to take it.
        sweep_s: the safety sweep period. limit: rows per claim.
        claim_lease_s: how long a claimed row stays ours (None: the dispatcher's default); a
            zombie is a row still claimed `zombie_after` past that.
    """

    def __init__(self, *, adapters: Callable[[], dict] = _default_adapters,
                 dispatch: Callable[..., Awaitable[int]] = _default_dispatch,
                 recover: Callable[..., int] = _default_recover, zombie_after: timedelta | None = None,
                 name: str = LEASE_NAME, ttl_s: float = LEASE_TTL_S, renew_s: float = 5.0, retry_s: float = 3.0,
                 sweep_s: float = 5.0, limit: int = 100, claim_lease_s: float | None = None,
                 notices: Callable[..., Awaitable[int]] = _default_notices, notice_s: float = 1.0):
        self.holder = new_holder()
        self._adapters_factory, self._dispatch, self._recover = adapters, dispatch, recover
        self.zombie_after, self.name, self.limit = zombie_after, name, limit
        self._dispatch_kw = {} if claim_lease_s is None else {"lease_s": claim_lease_s}
        self.ttl_s, self.renew_s, self.retry_s, self.sweep_s = ttl_s, renew_s, retry_s, sweep_s
        self._sched: AsyncIOScheduler | None = None
        self._adapters: dict | None = None
        self._lease_task: asyncio.Task | None = None
        self._stopping = asyncio.Event()
        self._drain_task: asyncio.Task | None = None
        self._again = False
        self._valid_until = 0.0  # loop time until which our lease surely holds
        self.dispatched = 0
        self._notices, self.notice_s = notices, notice_s
        self._notices_running = False

    @property
    def scheduling(self) -> bool:
        """True while this process holds the lease and runs APScheduler."""
        return self._sched is not None

    # lease ---------------------------------------------------------------------------------
    async def start(self) -> None:
        """Start competing for the lease (returns at once)."""
        self._lease_task = asyncio.get_running_loop().create_task(self._lease_loop())

    async def stop(self, drain_timeout: float = 15.0) -> None:
        """Stop scheduling, let an in-flight dispatch pass finish, give the lease up."""
        self._stopping.set()  # the lease loop ends after its current DB call (no renewal after release)
        if self._lease_task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._lease_task
        was_leader = self.scheduling
        self._step_down()
        if self._drain_task is not None and not self._drain_task.done():
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._drain_task), drain_timeout)
            self._drain_task.cancel()
        if was_leader:
            with contextlib.suppress(Exception):
                await asyncio.to_thread(in_write, do_release_lease, holder=self.holder, now=utc_now(), name=self.name)
            log.info("[SYSTEM] Scheduler stopped, lease released (%s)", self.holder)

    async def _lease_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            asked = loop.time()
            try:
                ok = await asyncio.to_thread(in_write, do_take_lease, holder=self.holder, now=utc_now(),
                                             name=self.name, ttl_s=self.ttl_s)
            except Exception as exc:  # DB down or not migrated yet: keep trying
                log.warning("[SCHEDULER] lease check failed: %s", exc)
                ok = None
            if ok:
                self._valid_until = asked + self.ttl_s
                if not self.scheduling:
                    await self._become_leader()
            elif self.scheduling and (ok is False or loop.time() > self._valid_until - self.renew_s):
                # Refused (someone else has it) or we could not renew in time: stop before it lapses.
                log.warning("[SCHEDULER] lease lost (%s): stopping the scheduler", self.holder)
                self._step_down()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.renew_s if self.scheduling else self.retry_s)

    async def _become_leader(self) -> None:
        global _leader
        try:
            store = await asyncio.to_thread(_jobs_store)
        except Exception:
            log.exception("[SCHEDULER] job store unavailable; will retry")
            return
        sched = AsyncIOScheduler(jobstores={"default": store, "memory": MemoryJobStore()},
                                 job_defaults=JOB_DEFAULTS, timezone=UTC, event_loop=asyncio.get_running_loop())
        now = utc_now()
        for func, job_id, every in ((SWEEP, "sweep", self.sweep_s), (RECOVER_ZOMBIES, "zombies", 60.0),
                                    (ALIVE, "alive", 60.0), (NOTICES, "notices", self.notice_s)):
            first = now if job_id != "alive" else now + timedelta(seconds=every)
            sched.add_job(func, "interval", seconds=every, id=job_id, jobstore="memory", next_run_time=first)
        try:
            sched.start()
        except Exception:
            log.exception("[SCHEDULER] could not start APScheduler; will retry")
            return
        self._sched, _leader = sched, self
        log.info("[SYSTEM] ✅ Scheduler is ONLINE (%s)", self.holder)

    def _step_down(self) -> None:
        global _leader
        sched, self._sched = self._sched, None
        if _leader is self:
            _leader = None
        if sched is not None:
            with contextlib.suppress(Exception):
                sched.shutdown(wait=False)

    # jobs ----------------------------------------------------------------------------------
    def kick(self) -> None:
        """Dispatch what is due now; if a pass is running, it does one more (must run on the loop)."""
        self._again = True
        if self._drain_task is None or self._drain_task.done():
            self._drain_task = asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        while self._again and self.scheduling:
            self._again = False
            try:
                if self._adapters is None:
                    self._adapters = self._adapters_factory()
                n = await self._dispatch(adapters=self._adapters, worker=self.holder, limit=self.limit,
                                         **self._dispatch_kw)
            except Exception:
                log.exception("[SCHEDULER] dispatch pass failed")
                return  # the next sweep tries again
            self.dispatched += n
            self._again = self._again or n > 0

    async def sweep(self) -> None:
        try:
            await asyncio.to_thread(self._ensure_slot_jobs)
        except Exception:
            log.exception("[SCHEDULER] slot sync failed")
        self.kick()

    def _ensure_slot_jobs(self) -> None:
        """Date jobs for the slots due within the next sweeps, even if nobody called schedule_slot."""
        sched = self._sched
        if sched is None:
            return
        now = utc_now()
        horizon = now + timedelta(seconds=3 * self.sweep_s)
        slots = in_read(lambda s: s.exec(
            select(CampaignSlot.id, CampaignSlot.due_at).join(Campaign, Campaign.id == CampaignSlot.campaign_id)
            .where(CampaignSlot.fired_at.is_(None), CampaignSlot.due_at > now, CampaignSlot.due_at <= horizon,
                   Campaign.status != CampaignStatus.draft.value, Campaign.deleted_at.is_(None))).all())
        for slot_id, due_at in slots:
            if sched.get_job(f"slot-{slot_id}") is None:
                sched.add_job(FIRE_SLOT, **_slot_job(slot_id, due_at))

    async def notices(self) -> None:
        """One pass over the transactional messages (skipped while the previous one still runs)."""
        if self._notices_running or not self.scheduling:
            return
        self._notices_running = True
        try:
            if self._adapters is None:
                self._adapters = self._adapters_factory()
            await self._notices(adapters=self._adapters, worker=self.holder)
        except Exception:
            log.exception("[NOTICES] pass failed")
        finally:
            self._notices_running = False

    async def recover_zombies(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.to_thread(recover_notices)
        try:
            n = await asyncio.to_thread(in_write, self._recover, now=utc_now(), older_than=self.zombie_after)
        except Exception:
            log.exception("[ZOMBIE-CLEANUP] failed")
            return
        if n:
            log.warning("[ZOMBIE-CLEANUP] %s delivery(ies) claimed by a dead process put back", n)
            self.kick()
        else:
            log.info("[ZOMBIE-CLEANUP] ✅ Aucune livraison zombie détectée")


def _ensure_log_output() -> None:
    """Reflex's server shows only warnings from our loggers: print the scheduler's info lines too."""
    if not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # not « Running job … » every 5 s


@contextlib.asynccontextmanager
async def scheduler_lifespan():
    """The app's lifespan task (afroboost.py): every worker competes, the leader schedules."""
    if not get_settings().scheduler_enabled:
        yield
        return
    _ensure_log_output()
    service = SchedulerService()
    await service.start()
    try:
        yield
    finally:
        await service.stop()
