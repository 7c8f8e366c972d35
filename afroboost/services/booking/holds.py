"""Headsets that come back by themselves: unpaid holds that end, waitlist offers and their answers.

- An unpaid booking keeps its headset until `hold_until` (notices.hold_deadline); then it is
  cancelled, the headset goes to the waitlist and the person is told (« hold_expired »).
- A promoted waiting person holds the headset until `offer_until`: « Je confirme » turns it
  into a normal booking (confirmation, reminders, unpaid-hold clock from now); « Je laisse ma
  place » or no answer in time passes it to the next person at once.
- « Je ne viens pas » (from the « Tu viens toujours ? » message) cancels the booking.

Every race is settled by one conditional UPDATE: the entry's `answered_at IS NULL` (an answer
against the expiry, two answers) and the reservation's status flip in `do_cancel` (« Je ne
viens pas » against the expiry, two taps): exactly one side wins, the other changes nothing
and sends nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.db import as_utc, in_read, in_write, utc_now
from afroboost.models import ClassSession, NoticeKind, Reservation, ReservationStatus, WaitlistEntry, WaitlistStatus
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_cancel
from afroboost.services.booking.notices import hold_deadline, plan_booking, queue

log = logging.getLogger("afroboost.notices")
PENDING = ReservationStatus.pending_payment.value
_W = WaitlistEntry.__table__


def _offer(session: Session, reservation_id: int) -> WaitlistEntry | None:
    return session.exec(select(WaitlistEntry).where(WaitlistEntry.reservation_id == reservation_id)
                        .where(WaitlistEntry.status == WaitlistStatus.promoted.value)).first()


def _answer(session: Session, reservation_id: int, now: datetime, *, until_after: datetime | None) -> bool:
    """Mark the offer of `reservation_id` answered, if still open (and still running at `until_after`)."""
    stmt = sa.update(_W).where(_W.c.reservation_id == reservation_id, _W.c.status == WaitlistStatus.promoted.value,
                               _W.c.answered_at.is_(None))
    if until_after is not None:
        stmt = stmt.where(_W.c.offer_until > until_after)
    return session.execute(stmt.values(answered_at=now)).rowcount == 1


def offer_state(session: Session, *, reservation_id: int, now: datetime | None = None) -> str:
    """« open » (waiting for an answer), « answered », « expired », or « none » (not an offer)."""
    now = now or utc_now()
    entry = _offer(session, reservation_id)
    if entry is None:
        return "none"
    if entry.answered_at is not None:
        return "answered"
    return "open" if entry.offer_until is not None and as_utc(entry.offer_until) > now else "expired"


def do_confirm_offer(session: Session, *, reservation_id: int, now: datetime | None = None) -> Reservation:
    """« Je confirme »: the held headset becomes a booking (confirmation and reminders follow)."""
    now = now or utc_now()
    if not _answer(session, reservation_id, now, until_after=now):
        raise ServiceError("offer_gone")
    res = session.get(Reservation, reservation_id)
    if res is None or res.status != PENDING:  # cancelled meanwhile (e.g. from « Mon espace »)
        raise ServiceError("offer_gone")
    cls = session.get(ClassSession, res.session_id)
    res.hold_until = hold_deadline(starts_at=cls.starts_at, now=now) if res.price_cents else None
    if not res.price_cents:
        res.status, res.paid_at = ReservationStatus.confirmed.value, now
    session.add(res)
    session.flush()
    plan_booking(session, reservation=res, cls=cls, now=now)
    return res


def do_decline_offer(session: Session, *, reservation_id: int, now: datetime | None = None) -> Reservation | None:
    """« Je laisse ma place »: the headset goes to the next waiting person now (their reservation, if any)."""
    now = now or utc_now()
    if not _answer(session, reservation_id, now, until_after=now):
        raise ServiceError("offer_gone")
    return do_cancel(session, reservation_id=reservation_id, now=now)


def do_not_coming(session: Session, *, reservation_id: int, now: datetime | None = None) -> Reservation | None:
    """« Je ne viens pas »: cancel (frees the headset for the waitlist at once)."""
    now = now or utc_now()
    _answer(session, reservation_id, now, until_after=None)  # an open offer counts as answered
    return do_cancel(session, reservation_id=reservation_id, now=now)


def do_expire_hold(session: Session, *, reservation_id: int, now: datetime | None = None) -> bool:
    """End one unpaid hold whose time is up; False when someone else settled it first (nothing done)."""
    now = now or utc_now()
    res = session.get(Reservation, reservation_id)
    if res is None or res.status != PENDING or res.hold_until is None or as_utc(res.hold_until) > now:
        return False
    offered = _offer(session, reservation_id)
    kind = NoticeKind.hold_expired
    if offered is not None and offered.answered_at is None:
        if not _answer(session, reservation_id, now, until_after=None):
            return False  # answered a moment ago
        kind = NoticeKind.offer_expired
    try:
        do_cancel(session, reservation_id=reservation_id, now=now, before_start=False)
    except ServiceError:
        return False  # cancelled by its owner meanwhile
    queue(session, kind=kind, contact_id=res.contact_id, session_id=res.session_id, reservation_id=res.id,
          due_at=now, now=now)
    return True


def due_holds(session: Session, *, now: datetime, limit: int = 200) -> list[int]:
    return list(session.exec(select(Reservation.id).where(Reservation.status == PENDING)
                             .where(Reservation.hold_until.is_not(None)).where(Reservation.hold_until <= now)
                             .order_by(Reservation.hold_until, Reservation.id).limit(limit)).all())


def expire_holds(now: datetime | None = None) -> int:
    """Every hold due now, each in its own transaction (one failing never blocks the others)."""
    now = now or utc_now()
    done = 0
    for rid in in_read(due_holds, now=now):
        try:
            done += in_write(do_expire_hold, reservation_id=rid, now=now)
        except Exception:  # the next pass tries again
            log.exception("[HOLDS] could not end the hold of reservation %s", rid)
    return done
