"""Reservations: the person (contact), the course's dated session (created when missing, its
headset counter kept right), the offer, the code, the status and the price."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from afroboost.legacy.common import CREATED, Malformed, as_dt, cents, contact_of, doc_time, field, lookup, text
from afroboost.legacy.mapping_chat import map_person
from afroboost.models import ClassSession, Course, Offer, OfferKind, Reservation, ReservationStatus
from afroboost.models.booking import HOLDING_STATUSES
from afroboost.services.booking.booking import new_reservation_code

Result = tuple[str, str, int | None]
STATUSES = {"confirmed": ReservationStatus.confirmed, "paid": ReservationStatus.confirmed,
            "validated": ReservationStatus.confirmed, "cancelled": ReservationStatus.cancelled,
            "canceled": ReservationStatus.cancelled, "checked_in": ReservationStatus.checked_in,
            "present": ReservationStatus.checked_in, "pending": ReservationStatus.pending_payment}


def _session_for(session: Session, course: Course, starts_at: datetime) -> ClassSession:
    row = session.exec(select(ClassSession).where(ClassSession.course_id == course.id)
                       .where(ClassSession.starts_at == starts_at)).first()
    if row is None:
        row = ClassSession(course_id=course.id, starts_at=starts_at, seats=course.seats, headsets=course.headsets)
        session.add(row)
        session.flush()
    return row


def _offer_for(session: Session, doc: dict) -> Offer:
    hit = lookup(session, ("offers",), field(doc, "offerId", "offer_id"))
    offer = session.get(Offer, hit[1]) if hit else None
    if offer is None:  # the legacy app often stored only the offer's name
        name = text(doc, "offerName", "offer", limit=120)
        offer = session.exec(select(Offer).where(Offer.name == name)).first() if name else None
    if offer is None:
        offer = session.exec(select(Offer).where(Offer.kind != OfferKind.product.value).order_by(Offer.id)).first()
    if offer is None:
        raise Malformed("no offer to attach the reservation to (import offers first)")
    return offer


def map_reservation(session: Session, doc: dict, now: datetime) -> Result:
    contact_id = contact_of(session, field(doc, "userId", "user_id"))
    if contact_id is None:
        _, _, contact_id = map_person(session, doc, now)  # the booking's own name / email / WhatsApp
    hit = lookup(session, ("courses",), field(doc, "courseId", "course_id"))
    course = session.get(Course, hit[1]) if hit else None
    if course is None:
        raise Malformed("unknown course")
    starts_at = as_dt(field(doc, "sessionDate", "date", "datetime", "startsAt"))
    if starts_at is None:
        raise Malformed("no session date")
    status = STATUSES.get(text(doc, "status", limit=20).lower(), ReservationStatus.confirmed).value
    slot = _session_for(session, course, starts_at)
    code = text(doc, "reservationCode", "code", limit=16).upper()
    if not code or session.exec(select(Reservation.id).where(Reservation.code == code)).first() is not None:
        code = new_reservation_code()
    price = cents(field(doc, "totalPrice", "price", "amount"))
    row = Reservation(code=code, session_id=slot.id, offer_id=_offer_for(session, doc).id, contact_id=contact_id,
                      email=text(doc, "email", "userEmail", limit=254).lower(), status=status, price_cents=price,
                      list_price_cents=price, created_at=doc_time(doc) or now,
                      cancelled_at=now if status == ReservationStatus.cancelled.value else None)
    session.add(row)
    if status in HOLDING_STATUSES:
        slot.taken += 1  # the history is kept even past capacity: these people were booked
        session.add(slot)
    session.flush()
    return CREATED, "reservation", row.id
