"""Booking a headset for a dated session, the waitlist, lookup and cancellation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from afroboost.db import as_utc, in_read, in_write, utc_now
from afroboost.models import (
    ClassSession,
    Contact,
    Course,
    NoticeKind,
    Offer,
    Reservation,
    ReservationStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from afroboost.models.booking import HOLDING_STATUSES
from afroboost.services import ServiceError
from afroboost.services.booking.capacity import known_full, note_full, release_spot, take_spot
from afroboost.services.booking.notices import hold_deadline, plan_booking, queue
from afroboost.services.catalog.pricing import Quote, claim_promo_use, quote, release_promo_use
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.validation import Participant, normalize_email
from afroboost.settings import get_settings

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I look-alikes
PAYMENT_METHODS = ("twint", "stripe", "paypal")


def new_reservation_code() -> str:
    return "AFR-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def payment_links(offer: Offer) -> dict[str, str]:
    """The payment links this offer has, in display order (Twint first: it is Swiss)."""
    links = {"twint": offer.twint_url, "stripe": offer.stripe_url, "paypal": offer.paypal_url}
    return {k: v for k, v in links.items() if v}


def check_bookable(session: Session, *, session_id: int | None, now: datetime) -> ClassSession:
    """The session if it can be booked now (ignoring capacity), else ServiceError."""
    if not session_id:
        raise ServiceError("session_required", field="session")
    cls = session.get(ClassSession, session_id)
    course = session.get(Course, cls.course_id) if cls else None
    if cls is None or course is None or not course.active:
        raise ServiceError("session_unknown", field="session")
    if cls.cancelled:
        raise ServiceError("session_cancelled", field="session")
    if as_utc(cls.starts_at) <= now:
        raise ServiceError("session_past", field="session")
    return cls


def check_offer(session: Session, *, offer_id: int | None) -> Offer:
    """A visible class offer (not a shop product, not archived)."""
    if not offer_id:
        raise ServiceError("offer_required", field="offer")
    offer = session.get(Offer, offer_id)
    if offer is None or not offer.visible or offer.archived or offer.is_product:
        raise ServiceError("offer_unknown", field="offer")
    return offer


def quote_offer(session: Session, *, offer_id: int, code: str = "", now: datetime | None = None) -> Quote:
    """The price of a bookable offer with an optional promo code (ServiceError if refused)."""
    return quote(session, offer=check_offer(session, offer_id=offer_id), code=code, now=now)


def offer_payment_methods(session: Session, *, offer_id: int) -> list[str]:
    """The payment methods (twint/stripe/paypal) the offer has a link for."""
    return list(payment_links(check_offer(session, offer_id=offer_id)))


def _holding_reservation(session: Session, *, session_id: int, contact_id: int) -> Reservation | None:
    return session.exec(
        select(Reservation)
        .where(Reservation.session_id == session_id)
        .where(Reservation.contact_id == contact_id)
        .where(Reservation.status.in_(HOLDING_STATUSES))
    ).first()


@dataclass
class BookingRequest:
    session_id: int
    offer_id: int
    person: Participant
    promo_code: str = ""
    payment_method: str = ""
    request_key: str | None = None


def _get_reservation(session: Session, *, reservation_id: int) -> Reservation | None:
    return session.get(Reservation, reservation_id)


def _by_request_key(session: Session, key: str | None) -> Reservation | None:
    if not key:
        return None
    return session.exec(select(Reservation).where(Reservation.request_key == key)).first()


def do_book(session: Session, *, req: BookingRequest, now: datetime) -> Reservation:
    """Create a reservation holding one headset, in the caller's write transaction.

    The headset is claimed first: when the session is full the transaction ends after one
    UPDATE, so a rush of late bookings holds the write lock (SQLite) or the session row
    (Postgres) only briefly. Any later refusal raises and rolls the claim back.
    """
    # (An identical submit that already committed was answered by precheck; one racing
    # with us is caught below, after take_spot or at the contact lock.)
    if not take_spot(session, session_id=req.session_id or 0, now=now):
        # Waiting on the session row may have been waiting on our own first submit, which
        # took the last headset: on Postgres this new statement sees its commit.
        if (done := _by_request_key(session, req.request_key)) is not None:
            return done
        check_bookable(session, session_id=req.session_id, now=now)  # past / cancelled / unknown first
        raise ServiceError("session_full", field="session")
    cls = check_bookable(session, session_id=req.session_id, now=now)
    offer = check_offer(session, offer_id=req.offer_id)
    price = quote(session, offer=offer, code=req.promo_code, now=now)
    free = price.total_cents == 0
    if not free and req.payment_method not in payment_links(offer):
        raise ServiceError("payment_method", field="payment")
    contact = do_upsert_contact(session, person=req.person)
    # One person's concurrent submits queue on their contact row (Postgres; SQLite writers
    # are serialized already), so the check below sees the other one's reservation.
    # NO KEY UPDATE: the FK checks of other inserts (waitlist promotion) do not wait on it.
    session.execute(sa.select(Contact.id).where(Contact.id == contact.id).with_for_update(key_share=True))
    existing = _holding_reservation(session, session_id=cls.id, contact_id=contact.id)
    if existing is not None:
        if req.request_key and existing.request_key == req.request_key:
            raise _SameSubmit(existing.id)  # the same submit raced with itself: undo our claim
        raise ServiceError("already_booked", field="session")
    if price.promo_id is not None:
        claim_promo_use(session, promo_id=price.promo_id)
    reservation = Reservation(
        code=new_reservation_code(), session_id=cls.id, offer_id=offer.id, contact_id=contact.id,
        status=(ReservationStatus.confirmed if free else ReservationStatus.pending_payment).value,
        price_cents=price.total_cents, list_price_cents=price.list_price_cents, promo_code_id=price.promo_id,
        payment_method="free" if free else req.payment_method, request_key=req.request_key,
        email=req.person.email or "", created_at=now, paid_at=now if free else None,
        hold_until=None if free else hold_deadline(starts_at=cls.starts_at, now=now),
    )
    session.add(reservation)
    session.flush()
    plan_booking(session, reservation=reservation, cls=cls, now=now)
    return reservation


def precheck(session: Session, *, req: BookingRequest, now: datetime) -> Reservation | None:
    """The lock-free read before the write transaction, in one round of queries.

    Returns the reservation an identical earlier submit created (double click, retry).
    Refuses an open session that is already full, so a rush on the last headsets costs
    late comers one read instead of a wait for the write lock; past, cancelled or unknown
    sessions are left to do_book's precise checks.
    """
    if (done := _by_request_key(session, req.request_key)) is not None:
        return done
    row = session.execute(
        sa.select(ClassSession.seats, ClassSession.headsets, ClassSession.taken, ClassSession.cancelled,
                  ClassSession.starts_at).where(ClassSession.id == (req.session_id or 0))
    ).first()
    if row is not None and not row.cancelled and as_utc(row.starts_at) > now \
            and row.taken >= min(row.seats, row.headsets):
        # A twin submit may have taken the last headset and committed between the two reads
        # (Postgres: each statement sees the latest commits): its reservation is ours.
        if (done := _by_request_key(session, req.request_key)) is not None:
            return done
        raise ServiceError("session_full", field="session")
    return None


class _SameSubmit(Exception):
    """Internal: a duplicate submit found the first one's reservation (roll back, return it)."""

    def __init__(self, reservation_id: int):
        super().__init__(reservation_id)
        self.reservation_id = reservation_id


def book(req: BookingRequest, now: datetime | None = None) -> Reservation:
    """`do_book` in one write transaction, after a lock-free « already full? » read.

    A duplicate submit — double click, retry, even raced with itself — returns the first
    reservation. (The booking page sends one only after its first submit has been
    answered, so the « known full » shortcut cannot hide a twin's success from it.)
    """
    now = now or utc_now()
    if known_full(req.session_id or 0):  # found full a moment ago (capacity.py)
        raise ServiceError("session_full", field="session")
    try:
        if (done := in_read(precheck, req=req, now=now)) is not None:
            return done
        for _attempt in range(3):
            try:
                return in_write(do_book, req=req, now=now)
            except _SameSubmit as same:
                return in_read(_get_reservation, reservation_id=same.reservation_id)
            except IntegrityError:
                # Lost a race on a unique column (request_key, or the rare code collision):
                # the retry either finds the winner's reservation or draws a new code.
                continue
    except ServiceError as e:
        if e.key == "session_full":
            note_full(req.session_id)
        raise
    raise ServiceError("generic")


def do_join_waitlist(session: Session, *, session_id: int, offer_id: int, person: Participant,
                     now: datetime | None = None) -> tuple[WaitlistEntry, int]:
    """Put a person on a full session's waitlist; returns the entry and its position."""
    now = now or utc_now()
    cls = check_bookable(session, session_id=session_id, now=now)
    offer = check_offer(session, offer_id=offer_id)
    if cls.spots_left > 0:
        raise ServiceError("not_full", field="session")
    contact = do_upsert_contact(session, person=person)
    held = _holding_reservation(session, session_id=cls.id, contact_id=contact.id)
    if held is not None:
        raise ServiceError("already_booked", field="session")
    entry = session.exec(
        select(WaitlistEntry).where(WaitlistEntry.session_id == cls.id).where(WaitlistEntry.contact_id == contact.id)
    ).first()
    if entry is not None and entry.status == WaitlistStatus.waiting.value:
        raise ServiceError("already_waiting", field="session")
    if entry is None:
        entry = WaitlistEntry(session_id=cls.id, contact_id=contact.id, offer_id=offer.id, created_at=now)
    else:  # came back after a cancelled entry: back of the queue
        entry.status, entry.offer_id, entry.created_at = WaitlistStatus.waiting.value, offer.id, now
        entry.promoted_at = entry.reservation_id = entry.notified_at = None
    session.add(entry)
    session.flush()
    return entry, waitlist_position(session, entry=entry)


def waitlist_position(session: Session, *, entry: WaitlistEntry) -> int:
    ahead = session.exec(
        select(func.count()).select_from(WaitlistEntry)
        .where(WaitlistEntry.session_id == entry.session_id)
        .where(WaitlistEntry.status == WaitlistStatus.waiting.value)
        .where(sa.or_(WaitlistEntry.created_at < entry.created_at,
                      sa.and_(WaitlistEntry.created_at == entry.created_at, WaitlistEntry.id < entry.id)))
    ).one()
    return int(ahead) + 1


def do_promote_waitlist(session: Session, *, session_id: int, now: datetime | None = None) -> Reservation | None:
    """Give a free spot to the first waiting person (pending payment, list price).

    The promotion is recorded on the entry (`promoted_at`, `reservation_id`, and
    `notified_at` left empty) so the notifications layer can tell the person.
    """
    now = now or utc_now()
    waiting = session.exec(
        select(WaitlistEntry)
        .where(WaitlistEntry.session_id == session_id)
        .where(WaitlistEntry.status == WaitlistStatus.waiting.value)
        .order_by(WaitlistEntry.created_at, WaitlistEntry.id)
    ).all()
    entry = None
    for candidate in waiting:
        # Someone who got a headset another way since joining (e.g. the coach added
        # headsets and they booked directly) must not be given a second one.
        if _holding_reservation(session, session_id=session_id, contact_id=candidate.contact_id) is None:
            entry = candidate
            break
        candidate.status = WaitlistStatus.cancelled.value
        session.add(candidate)
    offer = session.get(Offer, entry.offer_id) if entry else None
    if entry is None or offer is None or not take_spot(session, session_id=session_id, now=now):
        return None
    cls = session.get(ClassSession, session_id)
    offer_until = min(now + timedelta(minutes=get_settings().waitlist_offer_minutes), as_utc(cls.starts_at))
    reservation = Reservation(
        code=new_reservation_code(), session_id=session_id, offer_id=offer.id, contact_id=entry.contact_id,
        status=ReservationStatus.pending_payment.value, price_cents=offer.price_cents,
        list_price_cents=offer.price_cents, created_at=now, hold_until=offer_until,
    )
    session.add(reservation)
    session.flush()
    entry.status, entry.promoted_at, entry.reservation_id = WaitlistStatus.promoted.value, now, reservation.id
    entry.offer_until, entry.answered_at = offer_until, None
    session.add(entry)
    session.flush()
    queue(session, kind=NoticeKind.waitlist_offer, contact_id=entry.contact_id, session_id=session_id,
          reservation_id=reservation.id, waitlist_id=entry.id, due_at=now, now=now)
    return reservation


def access_reservation(session: Session, *, code: str, email: str) -> Reservation:
    """The reservation matching code AND the booker's email (same message for any mismatch)."""
    code = "".join((code or "").split()).upper()
    if not code:
        raise ServiceError("code_required", field="code")
    norm = normalize_email(email)
    if not (email or "").strip():
        raise ServiceError("email_required", field="email")
    if norm is None:
        raise ServiceError("email_invalid", field="email")
    found = session.exec(
        select(Reservation, Contact.email).join(Contact, Contact.id == Reservation.contact_id)
        .where(Reservation.code == code)
    ).first()
    if found is None or norm not in (found[0].email, found[1]):
        raise ServiceError("lookup_no_match", field="code")
    return found[0]


def do_cancel(session: Session, *, reservation_id: int, now: datetime | None = None,
              before_start: bool = True) -> Reservation | None:
    """Cancel a reservation, free its headset and promote the waitlist.

    The status flip is a conditional UPDATE, so two concurrent cancels free one headset.
    Returns the promoted waitlist reservation, if any.
    """
    now = now or utc_now()
    res = session.get(Reservation, reservation_id)
    if res is None:
        raise ServiceError("lookup_no_match", field="code")
    cls = session.get(ClassSession, res.session_id)
    if res.status == ReservationStatus.cancelled.value:
        raise ServiceError("cancel_already")
    if res.status == ReservationStatus.checked_in.value:
        raise ServiceError("cancel_checked_in")
    if before_start and as_utc(cls.starts_at) <= now:
        raise ServiceError("cancel_started")
    flipped = session.execute(
        sa.update(Reservation)
        .where(Reservation.id == res.id)
        .where(Reservation.status.in_([ReservationStatus.pending_payment.value, ReservationStatus.confirmed.value]))
        .values(status=ReservationStatus.cancelled.value, cancelled_at=now)
    )
    if flipped.rowcount != 1:
        raise ServiceError("cancel_already")
    if res.promo_code_id is not None and res.paid_at is None:
        release_promo_use(session, promo_id=res.promo_code_id)  # an unpaid booking gives its use back
    release_spot(session, session_id=res.session_id)
    session.refresh(res)
    if as_utc(cls.starts_at) > now and not cls.cancelled:
        return do_promote_waitlist(session, session_id=res.session_id, now=now)
    return None


def do_mark_paid(session: Session, *, reservation_id: int, now: datetime | None = None) -> bool:
    """pending_payment → confirmed (once)."""
    now = now or utc_now()
    result = session.execute(
        sa.update(Reservation)
        .where(Reservation.id == reservation_id)
        .where(Reservation.status == ReservationStatus.pending_payment.value)
        .values(status=ReservationStatus.confirmed.value, paid_at=now)
    )
    return result.rowcount == 1
