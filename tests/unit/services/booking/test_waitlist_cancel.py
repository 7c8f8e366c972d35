"""Waitlist, lookup by code + email, and cancellation (with waitlist promotion)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import ClassSession, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.booking import (
    BookingRequest,
    access_reservation,
    book,
    do_cancel,
    do_join_waitlist,
    waitlist_position,
)
from tests.factories import NOW, make_offer, make_session, person


@dataclass
class World:
    session_id: int
    offer_id: int


def make_world(seats=30, headsets=2, starts_at=None) -> World:
    with write_session() as s:
        cls = make_session(s, seats=seats, headsets=headsets, starts_at=starts_at or NOW + timedelta(days=2))
        return World(cls.id, make_offer(s, price_cents=2500).id)


def book_as(w: World, who, now=NOW) -> Reservation:
    return book(BookingRequest(session_id=w.session_id, offer_id=w.offer_id, person=person(who),
                               payment_method="twint"), now=now)


def join(w: World, who, now=NOW) -> tuple[WaitlistEntry, int]:
    with write_session() as s:
        return do_join_waitlist(s, session_id=w.session_id, offer_id=w.offer_id, person=person(who), now=now)


def cancel(res_id: int, now=NOW) -> Reservation | None:
    with write_session() as s:
        return do_cancel(s, reservation_id=res_id, now=now)


def taken(w: World) -> int:
    return in_read(lambda s: s.get(ClassSession, w.session_id).taken)


def entry(entry_id: int) -> WaitlistEntry:
    return in_read(lambda s: s.get(WaitlistEntry, entry_id))


def test_waitlist_only_when_full(db):
    w = make_world(headsets=2)
    book_as(w, 1)
    with pytest.raises(ServiceError) as exc:
        join(w, 9)
    assert exc.value.key == "not_full"
    assert in_read(lambda s: s.exec(select(WaitlistEntry)).all()) == []


def test_waitlist_positions_and_duplicates(db):
    w = make_world(headsets=2)
    book_as(w, 1), book_as(w, 2)
    assert join(w, 3)[1] == 1
    assert join(w, 4, now=NOW + timedelta(seconds=1))[1] == 2
    assert join(w, 5, now=NOW + timedelta(seconds=2))[1] == 3
    with pytest.raises(ServiceError) as exc:
        join(w, 4)
    assert exc.value.key == "already_waiting"
    with pytest.raises(ServiceError) as exc:
        join(w, 1)  # holds a headset already
    assert exc.value.key == "already_booked"


def test_cancel_promotes_first_waiting_person(db):
    w = make_world(headsets=2)
    first = book_as(w, 1)
    book_as(w, 2)
    e3, _ = join(w, 3)
    e4, _ = join(w, 4, now=NOW + timedelta(seconds=1))
    later = NOW + timedelta(hours=1)
    promoted = cancel(first.id, now=later)
    assert promoted is not None
    assert promoted.status == "pending_payment"
    assert promoted.contact_id == e3.contact_id
    assert promoted.price_cents == 2500
    got = entry(e3.id)
    assert got.status == "promoted"
    assert got.promoted_at == later
    assert got.reservation_id == promoted.id
    assert got.notified_at is None  # the notifications layer sends the message later
    second = entry(e4.id)
    assert (second.status, second.promoted_at, second.reservation_id) == ("waiting", None, None)
    assert taken(w) == 2  # the freed headset went straight to the promoted person
    with write_session() as s:  # second in line is now first
        assert waitlist_position(s, entry=s.get(WaitlistEntry, e4.id)) == 1


def test_waitlist_does_not_give_a_second_headset_to_someone_who_already_has_one(db):
    w = make_world(headsets=1)
    first = book_as(w, 1)
    e2, _ = join(w, 2)
    e3, _ = join(w, 3, now=NOW + timedelta(seconds=1))
    with write_session() as s:  # the coach adds a headset; person 2 books it directly
        s.get(ClassSession, w.session_id).headsets = 2
    own = book_as(w, 2)
    promoted = cancel(first.id, now=NOW + timedelta(hours=1))
    assert promoted is not None and promoted.contact_id == e3.contact_id
    held = in_read(lambda s: s.exec(select(Reservation).where(Reservation.contact_id == e2.contact_id)
                                    .where(Reservation.status != "cancelled")).all())
    assert [r.id for r in held] == [own.id]
    assert entry(e2.id).status != "waiting"
    assert taken(w) == 2


def test_access_reservation_needs_code_and_matching_email(db):
    w = make_world()
    res = book_as(w, 1)
    found = in_read(access_reservation, code=res.code, email="p1@example.ch")
    assert found.id == res.id
    assert in_read(access_reservation, code=f"  {res.code.lower()} ", email="P1@Example.CH").id == res.id
    for code, email in [(res.code, "p2@example.ch"), ("AFR-ZZZZZZ", "p1@example.ch")]:
        with pytest.raises(ServiceError) as exc:
            in_read(access_reservation, code=code, email=email)
        assert exc.value.key == "lookup_no_match"  # same message: no hint which one was wrong
    for code, email, key in [("", "p1@example.ch", "code_required"), (res.code, "", "email_required"),
                             (res.code, "nope", "email_invalid")]:
        with pytest.raises(ServiceError) as exc:
            in_read(access_reservation, code=code, email=email)
        assert exc.value.key == key


def test_lookup_accepts_the_email_typed_at_booking_when_the_contact_was_matched_by_phone(db):
    w = make_world(headsets=5)
    first = book_as(w, 1)
    # Same phone, new email: dedupe keeps one contact (matched by phone) with its old email.
    again = book(BookingRequest(session_id=make_world(headsets=5).session_id, offer_id=w.offer_id,
                                person=person(1, email="awa.new@example.ch"), payment_method="twint"), now=NOW)
    assert again.contact_id == first.contact_id
    assert in_read(access_reservation, code=again.code, email="AWA.NEW@example.ch").id == again.id
    assert in_read(access_reservation, code=again.code, email="p1@example.ch").id == again.id  # the contact's
    with pytest.raises(ServiceError) as exc:
        in_read(access_reservation, code=first.code, email="awa.new@example.ch")  # not typed for that one
    assert exc.value.key == "lookup_no_match"


def test_cancel_frees_the_headset_once(db):
    w = make_world(headsets=1)
    res = book_as(w, 1)
    assert taken(w) == 1
    assert cancel(res.id) is None  # nobody waiting
    assert taken(w) == 0
    got = in_read(lambda s: s.get(Reservation, res.id))
    assert got.status == "cancelled" and got.cancelled_at == NOW
    with pytest.raises(ServiceError) as exc:
        cancel(res.id)
    assert exc.value.key == "cancel_already"
    assert taken(w) == 0
    assert book_as(w, 2).status == "pending_payment"  # the headset is bookable again


def test_cancel_refused_once_the_session_started(db):
    w = make_world(headsets=2)
    res = book_as(w, 1)
    for when in (NOW + timedelta(days=2), NOW + timedelta(days=2, minutes=5)):
        with pytest.raises(ServiceError) as exc:
            cancel(res.id, now=when)
        assert exc.value.key == "cancel_started"
    assert in_read(lambda s: s.get(Reservation, res.id)).status == "pending_payment"
    assert taken(w) == 1


def test_cancel_refused_after_check_in_and_for_unknown_reservation(db):
    w = make_world()
    res = book_as(w, 1)
    with write_session() as s:
        s.get(Reservation, res.id).status = "checked_in"
    with pytest.raises(ServiceError) as exc:
        cancel(res.id)
    assert exc.value.key == "cancel_checked_in"
    with pytest.raises(ServiceError) as exc:
        cancel(res.id + 999)
    assert exc.value.key == "lookup_no_match"
    assert taken(w) == 1
