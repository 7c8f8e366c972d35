"""Booking a headset through `book` (the path the UI uses): statuses, payment, promo, duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import func, select

from afroboost import texts
from afroboost.db import in_read, write_session
from afroboost.models import ClassSession, PromoCode, Reservation
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book, do_cancel
from tests.factories import NOW, make_course, make_offer, make_promo, make_session, person


@dataclass
class World:
    session_id: int
    offer_id: int
    twint_only_offer_id: int


@pytest.fixture
def world(db) -> World:
    with write_session() as s:
        cls = make_session(s, seats=20, headsets=20)
        offer = make_offer(s, price_cents=2500)
        twint_only = make_offer(s, price_cents=2200, twint_url="https://pay.example/t", stripe_url="")
        return World(cls.id, offer.id, twint_only.id)


def req(w: World, who=1, **kw) -> BookingRequest:
    values = dict(session_id=w.session_id, offer_id=w.offer_id, person=person(who), payment_method="twint")
    values.update(kw)
    return BookingRequest(**values)


def refused(r: BookingRequest) -> ServiceError:
    with pytest.raises(ServiceError) as exc:
        book(r, now=NOW)
    return exc.value


def reservations() -> list[Reservation]:
    return in_read(lambda s: s.exec(select(Reservation).order_by(Reservation.id)).all())


def taken(w: World) -> int:
    return in_read(lambda s: s.get(ClassSession, w.session_id).taken)


def promo_uses(code: str) -> int:
    return in_read(lambda s: s.exec(select(PromoCode).where(PromoCode.code == code)).one().uses)


def test_booking_holds_a_headset_pending_payment(world):
    res = book(req(world, payment_method="stripe"), now=NOW)
    assert res.status == "pending_payment"
    assert res.payment_method == "stripe"
    assert (res.price_cents, res.list_price_cents, res.paid_at) == (2500, 2500, None)
    assert res.code.startswith("AFR-") and len(res.code) == 10
    assert taken(world) == 1
    assert [r.id for r in reservations()] == [res.id]


def test_free_booking_with_100_percent_promo_is_confirmed(world):
    with write_session() as s:
        make_promo(s, "ESSAI", kind="percent", value=100, max_uses=20)
    res = book(req(world, promo_code="essai", payment_method=""), now=NOW)
    assert res.status == "confirmed"
    assert res.payment_method == "free"
    assert (res.price_cents, res.list_price_cents) == (0, 2500)
    assert res.paid_at is not None
    assert promo_uses("ESSAI") == 1


def test_discounted_booking_records_the_price_paid(world):
    with write_session() as s:
        make_promo(s, "AMIS10", kind="fixed", value=1000)
    res = book(req(world, promo_code="AMIS10"), now=NOW)
    assert (res.status, res.price_cents, res.list_price_cents) == ("pending_payment", 1500, 2500)


@pytest.mark.parametrize("method", ["paypal", "", "cash"])
def test_payment_method_not_offered_is_refused(world, method):
    err = refused(req(world, offer_id=world.twint_only_offer_id, payment_method=method))
    assert (err.key, err.field) == ("payment_method", "payment")
    assert reservations() == [] and taken(world) == 0


def test_same_person_same_session_twice_is_already_booked(world):
    first = book(req(world, who=1), now=NOW)
    # Same person, email typed differently: still the same contact.
    again = req(world, who=1, person=person(1, email="P1@EXAMPLE.CH"))
    err = refused(again)
    assert err.key == "already_booked"
    # Whoever typed this email may not be its owner: the error never carries the code.
    assert "code" not in err.params
    message = texts.err(err.key, **err.params)
    assert first.code not in message and "AFR-" not in message and "Code oublié ?" in message
    assert len(reservations()) == 1 and taken(world) == 1


def test_booking_again_after_cancelling_is_allowed(world):
    first = book(req(world), now=NOW)
    with write_session() as s:
        do_cancel(s, reservation_id=first.id, now=NOW)
    second = book(req(world), now=NOW)
    assert second.id != first.id and second.status == "pending_payment"
    assert taken(world) == 1


def test_double_submit_with_request_key_returns_same_reservation(world):
    a = book(req(world, request_key="k-123"), now=NOW)
    b = book(req(world, request_key="k-123"), now=NOW)
    assert (a.id, a.code) == (b.id, b.code)
    assert len(reservations()) == 1
    assert taken(world) == 1


def test_promo_use_is_counted_once_per_booking(world):
    with write_session() as s:
        make_promo(s, "BIENVENUE", kind="percent", value=20, max_uses=10)
    book(req(world, who=1, promo_code="BIENVENUE", request_key="r1"), now=NOW)
    book(req(world, who=1, promo_code="BIENVENUE", request_key="r1"), now=NOW)  # same submit again
    book(req(world, who=2, promo_code="BIENVENUE"), now=NOW)
    assert promo_uses("BIENVENUE") == 2


def test_used_up_promo_is_refused_and_nothing_is_held(world):
    with write_session() as s:
        make_promo(s, "UNE", kind="percent", value=50, max_uses=1)
    book(req(world, who=1, promo_code="UNE"), now=NOW)
    err = refused(req(world, who=2, promo_code="UNE"))
    assert (err.key, err.field) == ("promo_used_up", "promo")
    assert len(reservations()) == 1 and taken(world) == 1
    assert promo_uses("UNE") == 1


def test_cancelling_unpaid_booking_gives_promo_use_back(world):
    with write_session() as s:
        make_promo(s, "UNE", kind="percent", value=50, max_uses=1)
    first = book(req(world, who=1, promo_code="UNE"), now=NOW)
    with write_session() as s:
        do_cancel(s, reservation_id=first.id, now=NOW)
    assert promo_uses("UNE") == 0
    second = book(req(world, who=2, promo_code="UNE"), now=NOW)
    assert second.price_cents == 1250
    assert promo_uses("UNE") == 1


def test_cancelling_paid_booking_keeps_promo_use(world):
    with write_session() as s:
        make_promo(s, "ESSAI", kind="percent", value=100, max_uses=1)
    free = book(req(world, promo_code="ESSAI", payment_method=""), now=NOW)
    with write_session() as s:
        do_cancel(s, reservation_id=free.id, now=NOW)
    assert promo_uses("ESSAI") == 1


def test_full_session_is_refused(db):
    with write_session() as s:
        cls = make_session(s, seats=30, headsets=2)
        offer = make_offer(s)
        w = World(cls.id, offer.id, offer.id)
    book(req(w, who=1), now=NOW)
    book(req(w, who=2), now=NOW)
    err = refused(req(w, who=3))
    assert err.key == "session_full"
    assert len(reservations()) == 2 and taken(w) == 2


@pytest.mark.parametrize("setup, key", [
    (dict(starts_at=NOW - timedelta(minutes=1)), "session_past"),
    (dict(starts_at=NOW), "session_past"),
    (dict(cancelled=True), "session_cancelled"),
])
def test_unbookable_sessions(db, setup, key):
    with write_session() as s:
        cls = make_session(s, **setup)
        offer = make_offer(s)
        w = World(cls.id, offer.id, offer.id)
    assert refused(req(w)).key == key
    assert reservations() == []


def test_inactive_course_and_unknown_session(db):
    with write_session() as s:
        cls = make_session(s, course=make_course(s, active=False))
        offer = make_offer(s)
        w = World(cls.id, offer.id, offer.id)
    assert refused(req(w)).key == "session_unknown"
    assert refused(req(w, session_id=cls.id + 999)).key == "session_unknown"
    assert refused(req(w, session_id=None)).key == "session_required"


@pytest.mark.parametrize("offer_kw", [dict(visible=False), dict(kind="product")])
def test_hidden_offers_and_products_cannot_be_booked(world, offer_kw):
    with write_session() as s:
        bad = make_offer(s, **offer_kw).id
    assert refused(req(world, offer_id=bad)).key == "offer_unknown"
    assert refused(req(world, offer_id=None)).key == "offer_required"
    assert in_read(lambda s: s.exec(select(func.count()).select_from(Reservation)).one()) == 0
