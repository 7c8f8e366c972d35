"""The dated sessions of a course, as the coach manages them (Cours tab): list, edit, cancel.

They live with booking, not the catalog: an edit moves capacity that bookings hold, so
it re-checks `taken` at write time and hands new spots to the waitlist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, func, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Course, Reservation, WaitlistEntry, WaitlistStatus
from afroboost.models.booking import HOLDING_STATUSES
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_promote_waitlist
from afroboost.services.booking.capacity import forget_full
from afroboost.services.booking.notices import plan_session_cancelled
from afroboost.services.catalog.courses import MAX_SEATS
from afroboost.services.catalog.listing import format_day, format_time
from afroboost.services.forms import Checker, parse_int

MAX_SESSIONS_SHOWN = 100


@dataclass
class SessionRow:
    """One dated session in the coach's list; seats/headsets are the edit inputs."""

    id: int = 0
    label: str = ""
    seats: str = ""
    headsets: str = ""
    taken: int = 0
    reservations: int = 0
    cancelled: bool = False
    full: bool = False
    status: str = ""
    err: str = ""


def _holding_counts(session: Session, session_ids: list[int]) -> dict[int, int]:
    if not session_ids:
        return {}
    return dict(session.exec(
        select(Reservation.session_id, func.count()).where(Reservation.session_id.in_(session_ids))
        .where(Reservation.status.in_(HOLDING_STATUSES)).group_by(Reservation.session_id)
    ).all())


def session_row(cls: ClassSession, reservations: int) -> SessionRow:
    label = f"{format_day(cls.starts_at).capitalize()} · {format_time(cls.starts_at)}"
    status = (texts.SESSION_CANCELLED if cls.cancelled
              else texts.SESSION_TAKEN.format(taken=cls.taken, capacity=cls.capacity))
    return SessionRow(id=cls.id, label=label, seats=str(cls.seats), headsets=str(cls.headsets), taken=cls.taken,
                      reservations=reservations, cancelled=cls.cancelled, full=cls.spots_left == 0, status=status)


def access_course_sessions(session: Session, *, course_id: int, now: datetime | None = None) -> list[SessionRow]:
    """The course's upcoming sessions (cancelled ones included), by date."""
    now = now or utc_now()
    course = session.get(Course, int(course_id or 0))
    if course is None:
        raise ServiceError("course_unknown")
    rows = session.exec(
        select(ClassSession).where(ClassSession.course_id == course.id).where(ClassSession.starts_at > now)
        .order_by(ClassSession.starts_at).limit(MAX_SESSIONS_SHOWN)
    ).all()
    counts = _holding_counts(session, [r.id for r in rows])
    return [session_row(r, counts.get(r.id, 0)) for r in rows]


def _open_session(session: Session, session_id: int, now: datetime) -> ClassSession:
    cls = session.get(ClassSession, int(session_id or 0))
    if cls is None:
        raise ServiceError("session_unknown")
    if cls.cancelled:
        raise ServiceError("session_cancelled_edit")
    if as_utc(cls.starts_at) <= now:
        raise ServiceError("session_started_edit")
    return cls


def do_update_session(session: Session, *, session_id: int, seats: str, headsets: str,
                      now: datetime | None = None) -> int:
    """Change a future session's seats and headsets, never below the headsets already taken.

    The WHERE clause re-checks `taken` at write time (a booking may land meanwhile). When
    the capacity grows, the waitlist gets the new spots. Returns how many were promoted.
    """
    now = now or utc_now()
    cls = _open_session(session, session_id, now)
    c = Checker()
    new_seats = c.take("seats", parse_int, seats, lo=0, hi=MAX_SEATS)
    new_headsets = c.take("headsets", parse_int, headsets, lo=0, hi=MAX_SEATS)
    for field, value in (("seats", new_seats), ("headsets", new_headsets)):
        if value is not None and value < cls.taken:
            c.fail(field, "session_below_taken", taken=cls.taken)
    c.done()
    done = session.execute(
        sa.update(ClassSession).where(ClassSession.id == cls.id).where(ClassSession.cancelled.is_(False))
        .where(ClassSession.taken <= new_seats).where(ClassSession.taken <= new_headsets)
        .values(seats=new_seats, headsets=new_headsets)
    )
    if done.rowcount != 1:
        session.refresh(cls)
        raise ServiceError("session_below_taken", field="seats", taken=cls.taken)
    forget_full(cls.id)
    promoted = 0
    while do_promote_waitlist(session, session_id=cls.id, now=now) is not None:
        promoted += 1
    return promoted


def do_cancel_session(session: Session, *, session_id: int, now: datetime | None = None) -> int:
    """Mark a future session cancelled and tell every booked and waiting person (services/notices/).

    Reservations are kept as they are (refunds and credits belong to the door view).
    Returns the number of reservations still holding a headset on it.
    """
    now = now or utc_now()
    cls = _open_session(session, session_id, now)
    session.execute(sa.update(ClassSession).where(ClassSession.id == cls.id).values(cancelled=True))
    forget_full(cls.id)
    holders = list(session.exec(select(Reservation).where(Reservation.session_id == cls.id)
                                .where(Reservation.status.in_(HOLDING_STATUSES))).all())
    waiting = list(session.exec(select(WaitlistEntry.id, WaitlistEntry.contact_id)
                                .where(WaitlistEntry.session_id == cls.id)
                                .where(WaitlistEntry.status == WaitlistStatus.waiting.value)).all())
    plan_session_cancelled(session, cls=cls, reservations=holders, waiting=waiting, now=now)
    return len(holders)
