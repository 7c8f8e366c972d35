"""The scheduler lease: which process runs APScheduler (exactly one), and its heartbeat.

Every web worker runs the lifespan task, so every worker competes for one row of
`scheduler_lease`. Taking and renewing are one conditional UPDATE
(`... WHERE holder = me OR until < now`): on PostgreSQL the second of two concurrent UPDATEs
waits, re-reads the row the first one committed and no longer matches; on SQLite writers are
serialised. The very first row is created with INSERT ... ON CONFLICT DO NOTHING, so two
first-comers cannot both win either.

`now` is each process's own clock. Hosts must keep NTP time: the lease lasts 15 s and is
renewed every 5 s, so seconds of skew are harmless. Even an overlap (skew, a frozen leader)
cannot send twice: the delivery ledger's claims are atomic, the lease only avoids waste.
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from afroboost.db import as_utc
from afroboost.models.campaign import SchedulerLease

LEASE_NAME = "campaigns"
LEASE_TTL_S = 15.0

_lease = SchedulerLease.__table__


def new_holder() -> str:
    """A name unique to this process and this run: `hostname:pid:random`."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{secrets.token_hex(4)}"


def _insert_if_absent(session: Session, values: dict) -> bool:
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database: {dialect}")
    # RETURNING, not rowcount: psycopg reports -1 for INSERT .. ON CONFLICT through SQLAlchemy.
    stmt = insert(_lease).values(**values).on_conflict_do_nothing(index_elements=["name"]).returning(_lease.c.name)
    return session.execute(stmt).first() is not None


def do_take_lease(session: Session, *, holder: str, now: datetime, name: str = LEASE_NAME,
                  ttl_s: float = LEASE_TTL_S) -> bool:
    """Take the lease, or renew it when `holder` already has it; writes the heartbeat.

    Args:
        session: a write session (the caller commits).
        holder: this process's name (see `new_holder`).
        now: the current time, UTC.
        name: which lease (one per scheduler).
        ttl_s: how long the lease stays valid without a renewal.

    Returns:
        True when `holder` holds the lease until `now + ttl_s`; False when another live
        holder has it (a leader whose renewal is refused must stop scheduling).
    """
    values = {"holder": holder, "until": now + timedelta(seconds=ttl_s), "heartbeat_at": now}
    taken = session.execute(
        sa.update(_lease)
        .where(_lease.c.name == name, sa.or_(_lease.c.holder == holder, _lease.c.until < now))
        .values(**values)
    ).rowcount
    if taken == 1:
        return True
    return _insert_if_absent(session, {"name": name, **values})


def do_release_lease(session: Session, *, holder: str, now: datetime, name: str = LEASE_NAME) -> bool:
    """Give the lease up (graceful stop) so another worker takes over at once; True if we had it."""
    return session.execute(
        sa.update(_lease).where(_lease.c.name == name, _lease.c.holder == holder).values(holder="", until=now)
    ).rowcount == 1


@dataclass(frozen=True)
class SchedulerStatus:
    """What the « 🟢 Planificateur actif » indicator shows."""

    active: bool  # some process holds a live lease (it renews it with its heartbeat)
    holder: str  # "hostname:pid:random", "" when none
    heartbeat_at: datetime | None  # the leader's last renewal, UTC


def scheduler_status(session: Session, now: datetime, *, name: str = LEASE_NAME) -> SchedulerStatus:
    """Whether a scheduler is running right now, from its lease row (any process can ask)."""
    row = session.execute(sa.select(_lease).where(_lease.c.name == name)).first()
    if row is None:
        return SchedulerStatus(active=False, holder="", heartbeat_at=None)
    until = as_utc(row.until)
    active = bool(row.holder) and until is not None and until > now
    return SchedulerStatus(active=active, holder=row.holder if active else "", heartbeat_at=as_utc(row.heartbeat_at))
