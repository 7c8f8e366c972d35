"""The booking loop's outbox: which messages a booking event owes its participant, and when.

Called inside the transaction that makes the event happen (a booking, a promotion, a hold
that ends, a cancelled class), so the messages exist exactly when the event does. Each
message is one `Notice` row per channel — the internal chat always, email when the contact
has an address, WhatsApp when they have a number — unique by `dedupe_key`, so planning the
same thing twice (a retried transaction, two workers) inserts it once. Sending is
services/notices/dispatch.py's business.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from afroboost import texts
from afroboost.db import as_utc
from afroboost.models import ClassSession, Contact, Notice, NoticeKind, Reservation
from afroboost.settings import get_settings

INTERNAL, EMAIL, WHATSAPP = "internal", "email", "whatsapp"
_N = Notice.__table__


def contact_channels(contact: Contact | None) -> list[str]:
    """Where this person hears from us: the chat always, plus email and WhatsApp when on file."""
    if contact is None:
        return []
    return [INTERNAL] + ([EMAIL] if contact.email else []) + ([WHATSAPP] if contact.phone else [])


def queue(session: Session, *, kind: NoticeKind, contact_id: int, session_id: int, due_at: datetime,
          reservation_id: int | None = None, waitlist_id: int | None = None, now: datetime | None = None) -> int:
    """One `kind` message per channel of the contact, due at `due_at`; an existing one is kept. Rows added."""
    contact = session.get(Contact, contact_id)
    subject = f"r{reservation_id}" if reservation_id is not None else f"w{waitlist_id}"
    rows = [{"kind": kind.value, "dedupe_key": f"{kind.value}:{subject}:{ch}", "contact_id": contact_id,
             "session_id": session_id, "reservation_id": reservation_id, "waitlist_id": waitlist_id, "channel": ch,
             "status": "queued", "due_at": due_at, "claimed_by": "", "attempts": 0, "provider_id": "",
             "error_code": "", "error_message": "", "created_at": now or due_at}
            for ch in contact_channels(contact)]
    if not rows:
        return 0
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(_N).values(rows).on_conflict_do_nothing(index_elements=["dedupe_key"])
    return session.execute(stmt).rowcount or 0


def hold_deadline(*, starts_at: datetime, now: datetime) -> datetime:
    """Until when an unpaid booking made `now` keeps its headset (services/booking/holds.py)."""
    s = get_settings()
    starts_at = as_utc(starts_at)
    latest = starts_at - timedelta(hours=s.hold_cutoff_hours)
    if latest <= now:  # booked inside the cutoff: pay at the door, the headset stays until class
        return starts_at
    return min(now + timedelta(hours=s.hold_hours), latest)


def plan_booking(session: Session, *, reservation: Reservation, cls: ClassSession, now: datetime) -> None:
    """A booking was made: confirmation now, reminder the day before, « Tu viens toujours ? » a few hours before."""
    s = get_settings()
    starts_at = as_utc(cls.starts_at)
    common = {"contact_id": reservation.contact_id, "session_id": cls.id, "reservation_id": reservation.id,
              "now": now}
    queue(session, kind=NoticeKind.confirmation, due_at=now, **common)
    reminder_at = starts_at - timedelta(hours=s.reminder_hours)
    nudge_at = starts_at - timedelta(hours=s.nudge_hours)
    if reminder_at > now and reminder_at < nudge_at:
        queue(session, kind=NoticeKind.reminder, due_at=reminder_at, **common)
    if nudge_at > now:
        queue(session, kind=NoticeKind.nudge, due_at=nudge_at, **common)


def plan_session_cancelled(session: Session, *, cls: ClassSession, reservations: list[Reservation],
                           waiting: list[tuple[int, int]], now: datetime) -> int:
    """The coach cancelled `cls`: every booked person (by reservation) and every waiting one is told."""
    n = 0
    for r in reservations:
        n += queue(session, kind=NoticeKind.session_cancelled, contact_id=r.contact_id, session_id=cls.id,
                   reservation_id=r.id, due_at=now, now=now)
    for waitlist_id, contact_id in waiting:
        n += queue(session, kind=NoticeKind.session_cancelled, contact_id=contact_id, session_id=cls.id,
                   waitlist_id=waitlist_id, due_at=now, now=now)
    return n


def notice_summaries(session: Session, reservation_ids: list[int]) -> dict[int, str]:
    """reservation id → « Confirmation ✓ · Rappel ⏳ »: what each booking was told (the coach's Réservations).

    Per message kind: ✓ sent on at least one channel, ⏳ still to send, ✗ every channel failed,
    – nothing to send (e.g. skipped because the booking was cancelled).
    """
    found: dict[int, dict[str, set[str]]] = {}
    for start in range(0, len(reservation_ids), 500):
        part = reservation_ids[start:start + 500]
        rows = session.execute(sa.select(_N.c.reservation_id, _N.c.kind, _N.c.status)
                               .where(_N.c.reservation_id.in_(part)).order_by(_N.c.id)).all()
        for rid, kind, status in rows:
            found.setdefault(rid, {}).setdefault(kind, set()).add(status)
    out = {}
    for rid, kinds in found.items():
        parts = []
        for kind, statuses in kinds.items():
            mark = ("✓" if "sent" in statuses else "⏳" if statuses & {"queued", "sending"}
                    else "✗" if "failed" in statuses else "–")
            parts.append(f"{texts.NOTICE_KIND_LABELS.get(kind, kind)} {mark}")
        out[rid] = " · ".join(parts)
    return out
