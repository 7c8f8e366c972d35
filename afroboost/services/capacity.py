"""Headset capacity: spots = min(seats, headsets), taken only by conditional UPDATEs.

SQLite ignores SELECT ... FOR UPDATE, so no read-then-write here: the UPDATE's WHERE
clause is the check. On Postgres a concurrent UPDATE of the same row waits for the
first to commit, then re-evaluates the WHERE against the new row (READ COMMITTED), so
exactly `capacity` updates ever succeed. On SQLite writers are serialized by the lock.
"""

from __future__ import annotations

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
    session.execute(
        sa.update(ClassSession)
        .where(ClassSession.id == session_id)
        .where(ClassSession.taken > 0)
        .values(taken=ClassSession.taken - 1)
    )
