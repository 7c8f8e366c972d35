"""The coach's view of reservations: list, check-in at the door, headsets, delete, CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Contact, Course, Notice, Offer, Reservation, ReservationStatus, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_cancel
from afroboost.services.booking.capacity import release_spot
from afroboost.services.booking.notices import notice_summaries
from afroboost.services.catalog.listing import format_day, format_time, local_tz
from afroboost.services.catalog.pricing import format_chf


@dataclass
class ReservationRow:
    id: int = 0
    code: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    course: str = ""
    session_id: int = 0
    when: str = ""
    offer: str = ""
    price: str = ""
    status: str = ""
    status_label: str = ""
    headset: str = ""
    headset_out: bool = False
    messages: str = ""  # what the booking was told (services/booking/notices.py)
    search: str = ""  # lower-cased text the search box matches


def list_reservations(session: Session, *, limit: int = 2000) -> list[ReservationRow]:
    """Newest sessions first; everything the table shows and searches."""
    rows = session.exec(
        select(Reservation, Contact, ClassSession, Course, Offer)
        .join(Contact, Contact.id == Reservation.contact_id)
        .join(ClassSession, ClassSession.id == Reservation.session_id)
        .join(Course, Course.id == ClassSession.course_id)
        .join(Offer, Offer.id == Reservation.offer_id)
        .order_by(ClassSession.starts_at.desc(), Reservation.created_at.desc())
        .limit(limit)
    ).all()
    told = notice_summaries(session, [r[0].id for r in rows])
    out = []
    for res, contact, cls, course, offer in rows:
        name = f"{contact.first_name} {contact.last_name}".strip() or contact.email or texts.UNNAMED_CONTACT
        when = f"{format_day(cls.starts_at)} {format_time(cls.starts_at)}"
        local = as_utc(cls.starts_at).astimezone(local_tz()).strftime("%d.%m.%Y")  # the studio's date
        row = ReservationRow(
            id=res.id, code=res.code, name=name[:60], email=res.email or contact.email or "",
            phone=contact.phone or "", course=course.name, session_id=cls.id, when=when, offer=offer.name,
            price=format_chf(res.price_cents), status=res.status,
            status_label=texts.STATUS_LABELS.get(res.status, res.status), headset=res.headset_number,
            headset_out=bool(res.headset_number) and res.headset_returned_at is None, messages=told.get(res.id, ""),
        )
        row.search = " ".join([row.code, row.name, row.email, row.phone, row.course, when, local]).lower()
        out.append(row)
    return out


def filter_rows(rows: list[ReservationRow], *, query: str = "", status: str = "", session_id: int = 0
                ) -> list[ReservationRow]:
    words = query.lower().split()
    return [r for r in rows
            if all(w in r.search for w in words)
            and (not status or r.status == status)
            and (not session_id or r.session_id == session_id)]


def do_check_in(session: Session, *, code: str, headset_number: str = "", now: datetime | None = None
                ) -> Reservation:
    """Check a participant in at the door by reservation code (typed or scanned)."""
    now = now or utc_now()
    code = "".join((code or "").split()).upper()
    headset_number = (headset_number or "").strip()[:20]
    res = session.exec(select(Reservation).where(Reservation.code == code)).first() if code else None
    if res is None:
        raise ServiceError("checkin_unknown", field="code")
    if res.status == ReservationStatus.cancelled.value:
        raise ServiceError("checkin_cancelled", field="code")
    if res.status == ReservationStatus.checked_in.value:
        raise ServiceError("checkin_already", field="code")
    done = session.execute(
        sa.update(Reservation).where(Reservation.id == res.id)
        .where(Reservation.status.in_([ReservationStatus.pending_payment.value, ReservationStatus.confirmed.value]))
        .values(status=ReservationStatus.checked_in.value, checked_in_at=now, headset_number=headset_number)
    )
    if done.rowcount != 1:
        raise ServiceError("checkin_already", field="code")
    session.refresh(res)
    return res


def do_return_headset(session: Session, *, reservation_id: int, now: datetime | None = None) -> None:
    done = session.execute(
        sa.update(Reservation).where(Reservation.id == reservation_id).where(Reservation.headset_number != "")
        .where(Reservation.headset_returned_at.is_(None)).values(headset_returned_at=now or utc_now())
    )
    if done.rowcount != 1:
        raise ServiceError("headset_not_out")


def do_delete(session: Session, *, reservation_id: int, now: datetime | None = None) -> None:
    """Delete a reservation; a live one is cancelled first (frees the headset, promotes the waitlist)."""
    res = session.get(Reservation, reservation_id)
    if res is None:
        raise ServiceError("lookup_no_match")
    if res.status in (ReservationStatus.pending_payment.value, ReservationStatus.confirmed.value):
        do_cancel(session, reservation_id=res.id, now=now, before_start=False)
    elif res.status == ReservationStatus.checked_in.value:
        release_spot(session, session_id=res.session_id)
    session.execute(sa.update(WaitlistEntry).where(WaitlistEntry.reservation_id == res.id).values(reservation_id=None))
    session.execute(sa.delete(Notice).where(Notice.reservation_id == res.id))  # its messages go with it
    session.delete(res)
    session.flush()


CSV_COLUMNS = list(texts.RES_CSV_COLUMNS.items())  # (ReservationRow field, header)


def rows_csv(rows: list[ReservationRow]) -> str:
    """CSV (semicolon, Excel-friendly in Switzerland) of the given rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow([label for _, label in CSV_COLUMNS])
    for r in rows:
        # A leading =,+,-,@ would make a spreadsheet evaluate participant-typed text.
        writer.writerow([_safe_cell(str(getattr(r, c))) for c, _ in CSV_COLUMNS])
    return buf.getvalue()


def _safe_cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
