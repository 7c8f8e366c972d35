"""A participant's own view of a reservation, found by code + email."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from afroboost import texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ClassSession, Course, Offer, Reservation
from afroboost.services.booking.booking import access_reservation, do_cancel
from afroboost.services.catalog.listing import format_day, format_time
from afroboost.services.catalog.pricing import format_chf


@dataclass
class ReservationView:
    code: str = ""
    course: str = ""
    when: str = ""
    place: str = ""
    offer: str = ""
    price: str = ""
    status: str = ""
    status_label: str = ""
    can_cancel: bool = False


def reservation_view(session: Session, *, res: Reservation, now: datetime | None = None) -> ReservationView:
    now = now or utc_now()
    cls = session.get(ClassSession, res.session_id)
    course = session.get(Course, cls.course_id)
    offer = session.get(Offer, res.offer_id)
    return ReservationView(
        code=res.code, course=course.name,
        when=f"{format_day(cls.starts_at).capitalize()} · {format_time(cls.starts_at)}",
        place=course.place, offer=offer.name if offer else "", price=format_chf(res.price_cents),
        status=res.status, status_label=texts.STATUS_LABELS.get(res.status, res.status),
        can_cancel=res.status in ("pending_payment", "confirmed") and as_utc(cls.starts_at) > now,
    )


def lookup(session: Session, *, code: str, email: str) -> ReservationView:
    """The reservation matching code + email (ServiceError otherwise)."""
    return reservation_view(session, res=access_reservation(session, code=code, email=email))


def do_cancel_own(session: Session, *, code: str, email: str) -> ReservationView:
    """Cancel the participant's own reservation: ownership is the code + email match."""
    res = access_reservation(session, code=code, email=email)
    do_cancel(session, reservation_id=res.id)
    session.refresh(res)
    return reservation_view(session, res=res)
