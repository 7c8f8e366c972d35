"""Headset capacity: spots = min(seats, headsets), taken only by conditional UPDATEs.

SQLite ignores SELECT ... FOR UPDATE, so no read-then-write here: the UPDATE's WHERE
clause is the check. On Postgres a concurrent UPDATE of the same row waits for the
first to commit, then re-evaluates the WHERE against the new row (READ COMMITTED), so
exactly `capacity` updates ever succeed. On SQLite writers are serialized by the lock.
"""

from __future__ import annotations

import time
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from afroboost.models import ClassSession


def take_spot(session: Session, *, session_id: int, now: datetime) -> bool:
    """Hold one headset of a future, open session. False when it is full (or not bookable)."""
    result = session.execute(
        sa.update(ClassSession)
        .where(ClassSession.id == session_id)
        .where(ClassSession.cancelled.is_(False))
        .where(ClassSession.starts_at > now)
        .where(ClassSession.taken < ClassSession.seats)
        .where(ClassSession.taken < ClassSession.headsets)
        .values(taken=ClassSession.taken + 1)
    )
    return result.rowcount == 1


def release_spot(session: Session, *, session_id: int) -> None:
    """Give one headset back."""
    forget_full(session_id)
    session.execute(
        sa.update(ClassSession)
        .where(ClassSession.id == session_id)
        .where(ClassSession.taken > 0)
        .values(taken=ClassSession.taken - 1)
    )


# A short-lived, per-process memory of sessions found full. In a rush on the last
# headsets, everyone arriving after the session filled up is refused without touching
# the database. It can only say « full » for FULL_MEMORY_SECONDS after a refusal: a
# headset freed meanwhile in another process goes to the waitlist first anyway, and is
# bookable by everyone at most that long after. Never used to *grant* a spot.
FULL_MEMORY_SECONDS = 1.0
_full_until: dict[int, float] = {}


def known_full(session_id: int) -> bool:
    return _full_until.get(session_id, 0.0) > time.monotonic()


def note_full(session_id: int) -> None:
    _full_until[session_id] = time.monotonic() + FULL_MEMORY_SECONDS


def forget_full(session_id: int) -> None:
    _full_until.pop(session_id, None)


def forget_all_full() -> None:
    """Forget every « full » memory (a database was emptied or switched)."""
    _full_until.clear()
