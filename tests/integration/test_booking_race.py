"""Concurrency on a real database: every test runs on SQLite and on PostgreSQL.

All bookings go through `afroboost.services.booking.booking.book`, the same path the UI uses,
from many threads released together (tests/race.py).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlmodel import func, select

from afroboost.db import in_read, in_write, utc_now, write_session
from afroboost.models import ClassSession, Contact, PromoCode, Reservation
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book, do_cancel
from tests.factories import make_offer, make_promo, make_session, person
from tests.race import race


def new_session(**kw) -> tuple[int, int]:
    with write_session() as s:
        cls = make_session(s, starts_at=utc_now() + timedelta(days=7), **kw)
        return cls.id, make_offer(s, price_cents=2500).id


def taken(session_id: int) -> int:
    return in_read(lambda s: s.get(ClassSession, session_id).taken)


def count(model, *where) -> int:
    return in_read(lambda s: s.exec(select(func.count()).select_from(model).where(*where)).one())


def error_keys(outcomes) -> Counter:
    assert all(isinstance(o.error, ServiceError) for o in outcomes if not o.ok), \
        [repr(o.error) for o in outcomes if not o.ok and not isinstance(o.error, ServiceError)][:3]
    return Counter(o.error.key for o in outcomes if not o.ok)


def test_100_bookings_for_10_headsets(any_db):
    sid, oid = new_session(seats=30, headsets=10)
    outcomes = race(lambda n: book(BookingRequest(session_id=sid, offer_id=oid, person=person(n),
                                                  payment_method="twint")), range(100), workers=32)
    winners = [o.result for o in outcomes if o.ok]
    assert len(winners) == 10
    assert error_keys(outcomes) == Counter({"session_full": 90})
    assert taken(sid) == 10
    assert count(Reservation, Reservation.session_id == sid) == 10
    assert len({r.code for r in winners}) == len({r.contact_id for r in winners}) == 10
    assert count(Contact) == 10  # the losers' transactions rolled back whole


def test_promo_with_5_uses_under_20_concurrent_bookings(any_db):
    sid, oid = new_session(seats=50, headsets=50)
    with write_session() as s:
        make_promo(s, "CINQ", kind="percent", value=20, max_uses=5)
    outcomes = race(lambda n: book(BookingRequest(session_id=sid, offer_id=oid, person=person(n),
                                                  promo_code="CINQ", payment_method="twint")), range(20), workers=20)
    winners = [o.result for o in outcomes if o.ok]
    assert len(winners) == 5
    assert all(r.price_cents == 2000 and r.promo_code_id is not None for r in winners)
    assert error_keys(outcomes) == Counter({"promo_used_up": 15})
    assert in_read(lambda s: s.exec(select(PromoCode)).one().uses) == 5
    assert taken(sid) == 5  # a refused promo does not keep the headset it had claimed
    assert count(Reservation) == 5


def test_concurrent_double_cancel_frees_one_headset(any_db):
    sid, oid = new_session(seats=30, headsets=30, taken=5)  # 5 headsets held by others
    res_ids = [book(BookingRequest(session_id=sid, offer_id=oid, person=person(n), payment_method="twint")).id
               for n in range(10)]
    assert taken(sid) == 15
    attempts = [rid for rid in res_ids for _ in range(4)]  # each reservation cancelled 4 times at once
    outcomes = race(lambda rid: in_write(do_cancel, reservation_id=rid), attempts, workers=20)
    ok_per_res = Counter(o.item for o in outcomes if o.ok)
    assert ok_per_res == Counter({rid: 1 for rid in res_ids})
    assert error_keys(outcomes) == Counter({"cancel_already": 30})
    assert taken(sid) == 5
    assert count(Reservation, Reservation.status == "cancelled") == 10


def test_concurrent_double_submit_returns_one_reservation(any_db):
    sid, oid = new_session(seats=30, headsets=1)  # the very last headset
    req = BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint",
                         request_key="submit-42")
    outcomes = race(lambda _i: book(req), range(8), workers=8)
    assert [o.error for o in outcomes if not o.ok] == []
    assert len({o.result.id for o in outcomes}) == 1
    assert count(Reservation) == 1
    assert taken(sid) == 1


def test_same_person_booking_twice_at_once_gets_one_headset(any_db):
    sid, oid = new_session(seats=30, headsets=30)
    with write_session() as s:  # a returning participant: the contact already exists
        p = person(1)  # complete details: nothing to fill in, so no UPDATE of the contact row
        s.add(Contact(first_name=p.first_name, last_name=p.last_name, email=p.email, phone=p.phone))
    outcomes = race(lambda _i: book(BookingRequest(session_id=sid, offer_id=oid, person=person(1),
                                                   payment_method="twint")), range(8), workers=8)
    assert sum(o.ok for o in outcomes) == 1
    assert error_keys(outcomes) == Counter({"already_booked": 7})
    assert count(Reservation) == 1
    assert taken(sid) == 1
