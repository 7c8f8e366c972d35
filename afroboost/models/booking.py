"""Reservations (one headset each) and the waitlist."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class ReservationStatus(enum.StrEnum):
    pending_payment = "pending_payment"
    confirmed = "confirmed"
    cancelled = "cancelled"
    checked_in = "checked_in"


# Statuses that hold a headset for the session.
HOLDING_STATUSES = (
    ReservationStatus.pending_payment.value,
    ReservationStatus.confirmed.value,
    ReservationStatus.checked_in.value,
)


class Reservation(sqlmodel.SQLModel, table=True):
    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    code: str = sqlmodel.Field(max_length=16, unique=True, index=True)
    session_id: int = sqlmodel.Field(foreign_key="class_session.id", index=True)
    offer_id: int = sqlmodel.Field(foreign_key="offer.id")
    contact_id: int = sqlmodel.Field(foreign_key="contact.id", index=True)
    # The email typed for this booking (normalized). The contact may keep an older one when
    # it was matched by phone; the participant's lookup accepts either.
    email: str = sqlmodel.Field(default="", max_length=254)
    status: str = sqlmodel.Field(default=ReservationStatus.pending_payment.value, max_length=20, index=True)
    price_cents: int = 0  # what the participant pays, after the promo code
    list_price_cents: int = 0
    promo_code_id: int | None = sqlmodel.Field(default=None, foreign_key="promo_code.id")
    payment_method: str = sqlmodel.Field(default="", max_length=10)  # stripe | paypal | twint | free
    # Set when a browser retries the same submit (double click): the second call returns
    # the first reservation instead of creating another one.
    request_key: str | None = sqlmodel.Field(default=None, max_length=64, unique=True)
    headset_number: str = sqlmodel.Field(default="", max_length=20)  # handed out at check-in
    checked_in_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    headset_returned_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    paid_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    cancelled_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    # An unpaid booking keeps its headset until then (services/booking/holds.py); NULL: no limit
    # (paid, free, or booked before holds existed).
    hold_until: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime, index=True)


class WaitlistStatus(enum.StrEnum):
    waiting = "waiting"
    promoted = "promoted"
    cancelled = "cancelled"


class WaitlistEntry(sqlmodel.SQLModel, table=True):
    """A person waiting for a spot; promoted in arrival order when a spot frees up."""

    __tablename__ = "waitlist_entry"
    __table_args__ = (sqlmodel.UniqueConstraint("session_id", "contact_id", name="uq_waitlist_session_contact"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    session_id: int = sqlmodel.Field(foreign_key="class_session.id", index=True)
    contact_id: int = sqlmodel.Field(foreign_key="contact.id")
    offer_id: int = sqlmodel.Field(foreign_key="offer.id")
    status: str = sqlmodel.Field(default=WaitlistStatus.waiting.value, max_length=10, index=True)
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)
    promoted_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    reservation_id: int | None = sqlmodel.Field(default=None, foreign_key="reservation.id")
    notified_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    # A promoted person has until `offer_until` to answer « Je confirme » / « Je laisse ma place »;
    # `answered_at` is set by the answer (or by the expiry that passes the spot on).
    offer_until: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    answered_at: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
