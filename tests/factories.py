"""Small row factories shared by unit tests, integration tests and bench/.

Every factory takes the caller's session and flushes, so ids are set and the caller's
transaction decides when rows become visible.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from sqlmodel import Session

from afroboost.db import write_session
from afroboost.models import ClassSession, Course, Offer, PromoCode
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.validation import Participant
from tests import clock

# The tests' "now" (tests/clock.py): the instant the travelled clock starts at, so `now=NOW`
# and the services' own `utc_now()` agree on the day whatever the real date is.
NOW = clock.NOW
_seq = itertools.count(1)


def make_course(session: Session, **kw) -> Course:
    n = next(_seq)
    values = dict(slug=f"course-{n}", name=f"Cours {n}", place="Salle Rythmo, Lausanne",
                  weekday=2, start_time="18:30", seats=20, headsets=20)
    values.update(kw)
    course = Course(**values)
    session.add(course)
    session.flush()
    return course


def make_session(session: Session, *, course: Course | None = None, starts_at: datetime | None = None,
                 seats: int = 20, headsets: int = 20, taken: int = 0, cancelled: bool = False) -> ClassSession:
    course = course or make_course(session)
    cls = ClassSession(course_id=course.id, starts_at=starts_at or NOW + timedelta(days=2),
                       seats=seats, headsets=headsets, taken=taken, cancelled=cancelled)
    session.add(cls)
    session.flush()
    return cls


def make_offer(session: Session, **kw) -> Offer:
    n = next(_seq)
    values = dict(name=f"Offre {n}", kind="single", price_cents=2500,
                  twint_url="https://pay.example/twint", stripe_url="https://pay.example/stripe")
    values.update(kw)
    offer = Offer(**values)
    session.add(offer)
    session.flush()
    return offer


def make_promo(session: Session, code: str, **kw) -> PromoCode:
    promo = PromoCode(code=code, **{"kind": "percent", "value": 20, **kw})
    session.add(promo)
    session.flush()
    return promo


def person(n: int | str = 1, *, email: str | None = None, phone: str | None = None,
           first_name: str = "Awa", last_name: str = "Diallo") -> Participant:
    """A valid, already-normalized participant; distinct `n` give distinct people."""
    if isinstance(n, int):
        default_phone = f"+4179{1000000 + n:07d}"
    else:
        default_phone = None
    return Participant(first_name, last_name, email or f"p{n}@example.ch", phone or default_phone)


COACH_EMAIL = "contact.artboost@gmail.com"


def coach_cookie(email: str = COACH_EMAIL, **row) -> str:
    """The Cookie header of a browser with a coach session row (needs a migrated database).

    `row` overrides columns of the stored session (`expires_at`, `revoked_at`, an `email`
    outside COACH_EMAILS…) to build sessions the service would never create.
    """
    import secrets

    from afroboost.db import in_write
    from afroboost.models import CoachSession
    from afroboost.services.auth import SESSION_COOKIE, SESSION_MAX_AGE, session_hash

    value = secrets.token_urlsafe(32)

    def add(session: Session) -> None:
        now = clock_now()
        session.add(CoachSession(**{"sid_hash": session_hash(value), "email": email, "created_at": now,
                                    "expires_at": now + timedelta(seconds=SESSION_MAX_AGE), **row}))

    in_write(add)
    return f"{SESSION_COOKIE}={value}"


def clock_now() -> datetime:
    from afroboost.db import utc_now

    return utc_now()


def booked_session(headsets: int = 3, n: int = 2) -> tuple[int, int, int]:
    """A session with `n` confirmed-or-pending bookings: (session id, course id, offer id)."""
    with write_session() as s:
        cls = make_session(s, seats=10, headsets=headsets)
        offer = make_offer(s)
        ids = (cls.id, cls.course_id, offer.id)
    for i in range(n):
        book(BookingRequest(session_id=ids[0], offer_id=ids[2], person=person(i), payment_method="twint"), now=NOW)
    return ids
