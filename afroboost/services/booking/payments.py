"""Paiements tab: payment links per offer, the global Twint link, payments to confirm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import ClassSession, Contact, Course, Offer, Reservation, ReservationStatus, SiteConcept
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_mark_paid
from afroboost.services.catalog.listing import format_day, format_time
from afroboost.services.catalog.offers import check_links
from afroboost.services.catalog.pricing import format_chf
from afroboost.services.forms import Checker, check_https_url

CONCEPT_ID = 1  # SiteConcept is a single row
MAX_PENDING_SHOWN = 300


@dataclass
class LinksRow:
    """One offer's payment links, as typed in the tab (errors next to each field)."""

    id: int = 0
    name: str = ""
    kind_label: str = ""
    stripe_url: str = ""
    paypal_url: str = ""
    twint_url: str = ""
    err_stripe_url: str = ""
    err_paypal_url: str = ""
    err_twint_url: str = ""


@dataclass
class PendingRow:
    id: int = 0
    code: str = ""
    name: str = ""
    course: str = ""
    when: str = ""
    offer: str = ""
    amount: str = ""
    method: str = ""


@dataclass
class _Links:
    stripe_url: str = ""
    paypal_url: str = ""
    twint_url: str = ""


def access_links_rows(session: Session) -> list[LinksRow]:
    """Every offer that is not archived, in the catalog's order."""
    offers = session.exec(select(Offer).where(Offer.archived.is_(False)).order_by(Offer.sort, Offer.id)).all()
    return [LinksRow(id=o.id, name=o.name, kind_label=texts.OFFER_KIND_LABELS.get(o.kind, o.kind),
                     stripe_url=o.stripe_url, paypal_url=o.paypal_url, twint_url=o.twint_url) for o in offers]


def do_save_offer_links(session: Session, *, offer_id: int, stripe_url: str, paypal_url: str,
                        twint_url: str) -> Offer:
    """Store an offer's three payment links (each empty, or https to a real host)."""
    offer = session.get(Offer, int(offer_id or 0))
    if offer is None or offer.archived:
        raise ServiceError("coach_offer_unknown")
    c = Checker()
    links = check_links(c, _Links(stripe_url, paypal_url, twint_url))
    c.done()
    # Only the link columns: the Offres tab may be saving the rest of this row meanwhile.
    session.execute(sa.update(Offer).where(Offer.id == offer.id).values(**links))
    session.refresh(offer)
    return offer


def access_global_twint(session: Session) -> str:
    row = session.get(SiteConcept, CONCEPT_ID)
    return row.twint_url if row else ""


def do_save_global_twint(session: Session, *, url: str, now: datetime | None = None) -> str:
    """Store the site-wide Twint link (SiteConcept row 1, created when missing)."""
    c = Checker()
    clean = c.take("twint", check_https_url, url) or ""
    c.done()
    now = now or utc_now()
    if session.get(SiteConcept, CONCEPT_ID) is None:
        try:
            with session.begin_nested():  # the Concept tab may be creating it at the same moment
                session.add(SiteConcept(id=CONCEPT_ID))
                session.flush()
        except IntegrityError:
            pass
    # One column: texts edited in the Concept tab are never overwritten from here.
    session.execute(sa.update(SiteConcept).where(SiteConcept.id == CONCEPT_ID)
                    .values(twint_url=clean, updated_at=now))
    return clean


def access_pending_payments(session: Session) -> list[PendingRow]:
    """Reservations waiting for payment, the oldest booking first."""
    rows = session.exec(
        select(Reservation, Contact, ClassSession, Course, Offer)
        .join(Contact, Contact.id == Reservation.contact_id)
        .join(ClassSession, ClassSession.id == Reservation.session_id)
        .join(Course, Course.id == ClassSession.course_id)
        .join(Offer, Offer.id == Reservation.offer_id)
        .where(Reservation.status == ReservationStatus.pending_payment.value)
        .order_by(Reservation.created_at, Reservation.id)
        .limit(MAX_PENDING_SHOWN)
    ).all()
    return [
        PendingRow(id=r.id, code=r.code, name=contact.display_name, course=course.name,
                   when=f"{format_day(cls.starts_at).capitalize()} · {format_time(cls.starts_at)}",
                   offer=offer.name, amount=format_chf(r.price_cents),
                   method=texts.PAYMENT_METHODS.get(r.payment_method, r.payment_method or "—"))
        for r, contact, cls, course, offer in rows
    ]


def do_confirm_payment(session: Session, *, reservation_id: int, now: datetime | None = None) -> str:
    """« Marquer payé »: pending_payment → confirmed, once. Returns the reservation code."""
    res = session.get(Reservation, int(reservation_id or 0))
    if res is None:
        raise ServiceError("pay_reservation_unknown")
    if not do_mark_paid(session, reservation_id=res.id, now=now):
        raise ServiceError("pay_not_pending")
    return res.code
