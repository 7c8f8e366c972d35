"""Catalog: courses and their dated sessions, offers/products, promo codes."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlmodel

from afroboost.db import UTCDateTime, utc_now


class Course(sqlmodel.SQLModel, table=True):
    """A weekly class (e.g. « Afroboost Silent – Mercredi »)."""

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    slug: str = sqlmodel.Field(max_length=80, unique=True, index=True)
    name: str = sqlmodel.Field(max_length=120)
    description: str = sqlmodel.Field(default="", max_length=2000)
    place: str = sqlmodel.Field(default="", max_length=200)
    coach: str = sqlmodel.Field(default="Coach Bassi", max_length=120)
    weekday: int = 0  # 0 = Monday … 6 = Sunday (weekly recurrence)
    start_time: str = sqlmodel.Field(default="18:30", max_length=5)  # local time HH:MM
    duration_min: int = 60
    seats: int = 20
    headsets: int = 20  # working headsets in stock for this course
    active: bool = True
    created_at: datetime = sqlmodel.Field(default_factory=utc_now, sa_type=UTCDateTime)


class ClassSession(sqlmodel.SQLModel, table=True):
    """One dated occurrence of a course. `taken` counts headsets held by live reservations.

    Capacity is min(seats, headsets); `taken` only moves through conditional UPDATEs
    (see services/booking/capacity.py) so it can never pass the capacity, even under races.
    """

    __tablename__ = "class_session"
    __table_args__ = (sqlmodel.UniqueConstraint("course_id", "starts_at", name="uq_session_course_start"),)

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    course_id: int = sqlmodel.Field(foreign_key="course.id", index=True)
    starts_at: datetime = sqlmodel.Field(sa_type=UTCDateTime, index=True)
    seats: int = 20
    headsets: int = 20
    taken: int = 0
    cancelled: bool = False

    @property
    def capacity(self) -> int:
        return max(0, min(self.seats, self.headsets))

    @property
    def spots_left(self) -> int:
        return max(0, self.capacity - self.taken)


class OfferKind(enum.StrEnum):
    single = "single"
    card = "card"
    subscription = "subscription"
    product = "product"


class Offer(sqlmodel.SQLModel, table=True):
    """Something sold: a class offer (single/card/subscription) or a shop product."""

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    name: str = sqlmodel.Field(max_length=120)
    description: str = sqlmodel.Field(default="", max_length=1000)
    kind: str = sqlmodel.Field(default=OfferKind.single.value, max_length=20)
    price_cents: int = 0  # CHF centimes
    visible: bool = True
    image: str = sqlmodel.Field(default="", max_length=300)
    stripe_url: str = sqlmodel.Field(default="", max_length=500)
    paypal_url: str = sqlmodel.Field(default="", max_length=500)
    twint_url: str = sqlmodel.Field(default="", max_length=500)
    sort: int = 0
    # Soft delete: an offer with reservations is archived (hidden everywhere, kept for history).
    archived: bool = False

    @property
    def is_product(self) -> bool:
        return self.kind == OfferKind.product.value


class PromoKind(enum.StrEnum):
    percent = "percent"
    fixed = "fixed"


class PromoCode(sqlmodel.SQLModel, table=True):
    """A promo code. `uses` only moves through a conditional UPDATE (never past max_uses)."""

    __tablename__ = "promo_code"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    code: str = sqlmodel.Field(max_length=40, unique=True, index=True)  # stored upper-case
    kind: str = sqlmodel.Field(default=PromoKind.percent.value, max_length=10)
    value: int = 0  # percent (0-100) or CHF centimes for fixed
    valid_from: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    valid_until: datetime | None = sqlmodel.Field(default=None, sa_type=UTCDateTime)
    max_uses: int | None = None
    uses: int = 0
    # Comma-separated offer ids the code is restricted to; empty = every offer.
    offer_ids: str = sqlmodel.Field(default="", max_length=500)
    active: bool = True

    @property
    def restricted_to(self) -> set[int]:
        return {int(x) for x in self.offer_ids.split(",") if x.strip().isdigit()}
