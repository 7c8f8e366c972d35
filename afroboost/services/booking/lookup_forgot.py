"""« Code oublié ? » on « Ma réservation »: the codes of upcoming reservations, sent to their owner.

The person types an email or a WhatsApp number; the codes go only to that address or number
as it is ON FILE for those reservations (and the contact's other channel if the first cannot
carry them), never on screen. The page says the same thing whether or not anything matched.
Without any channel the codes are logged and listed on the coach's dashboard
(services/verification.py, purpose « lookup »).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import run_read, run_write, utc_now
from afroboost.models import ClassSession, Contact, Course, Reservation, ReservationStatus
from afroboost.services.catalog.listing import format_day, format_time
from afroboost.services.contacts.contacts import check_email_or_phone
from afroboost.services.direct_send import EMAIL, WHATSAPP, DirectText, Recipient
from afroboost.services.verification import LOG_CHANNEL, IssuedCode, deliver, do_issue_code, do_note_delivery, log

ACTIVE = (ReservationStatus.pending_payment.value, ReservationStatus.confirmed.value)


@dataclass
class Forgotten:
    """One contact's upcoming reservations, and where their codes may go."""

    contact_id: int
    to: Recipient
    prefer: str
    codes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def forgotten_codes(session: Session, *, contact: str, now: datetime | None = None) -> list[Forgotten]:
    """The upcoming, active reservations booked with this email (or this contact's phone), per contact."""
    now = now or utc_now()
    email, phone = check_email_or_phone(contact)
    match = sa.or_(Reservation.email == email, Contact.email == email) if email else Contact.phone == phone
    rows = session.exec(
        select(Reservation, Contact, ClassSession, Course)
        .join(Contact, Contact.id == Reservation.contact_id)
        .join(ClassSession, ClassSession.id == Reservation.session_id)
        .join(Course, Course.id == ClassSession.course_id)
        .where(match).where(Reservation.status.in_(ACTIVE)).where(ClassSession.starts_at > now)
        .order_by(ClassSession.starts_at)
    ).all()
    out: dict[int, Forgotten] = {}
    for res, person, cls, course in rows:
        entry = out.setdefault(person.id, Forgotten(
            person.id, Recipient(email=email or person.email, phone=phone or person.phone,
                                 first_name=person.first_name),
            EMAIL if email else WHATSAPP))
        entry.codes.append(res.code)
        when = f"{format_day(cls.starts_at)} {format_time(cls.starts_at)}"
        entry.lines.append(texts.FORGOT_LINE.format(code=res.code, course=course.name, when=when))
    return list(out.values())


def do_record_codes(session: Session, *, contact_id: int, codes: list[str], now: datetime | None = None
                    ) -> list[IssuedCode]:
    return [do_issue_code(session, contact_id=contact_id, purpose="lookup", code=c, now=now) for c in codes]


async def send_forgotten_codes(*, contact: str, now: datetime | None = None) -> int:
    """Send each matching contact its upcoming codes; how many contacts were written to (0: none matched)."""
    found = await run_read(forgotten_codes, contact=contact, now=now)
    for entry in found:
        issued = await run_write(do_record_codes, contact_id=entry.contact_id, codes=entry.codes, now=now)
        text = DirectText(subject=texts.FORGOT_EMAIL_SUBJECT, short=", ".join(entry.codes),
                          body=texts.FORGOT_MESSAGE.format(name=entry.to.first_name or "",
                                                           lines="\n".join(entry.lines)))
        first, rest = issued[0], issued[1:]
        first.to = entry.to  # the address that matched, not only the contact's current one
        sent = await deliver(first, text, prefer=entry.prefer, demo_code=first.code)
        for other in rest:  # one message carried every code: record the others the same way
            if sent.demo:
                log.warning("[CODE] no channel could send code #%s: %s (also on the coach's dashboard)", other.id,
                            other.code)
            await run_write(do_note_delivery, code_id=other.id, channel=LOG_CHANNEL if sent.demo else entry.prefer,
                            demo_code=other.code if sent.demo else None)
    return len(found)
