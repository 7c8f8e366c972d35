"""The booking loop closes itself: unpaid holds end, a freed headset is offered to the next
waiting person, who confirms or lets it go; every step leaves the messages it owes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write, write_session
from afroboost.models import ClassSession, Notice, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.answer_links import CONFIRM, NOT_COMING, answer_token, read_answer_token
from afroboost.services.booking.booking import BookingRequest, book, do_join_waitlist
from afroboost.services.booking.holds import (
    do_confirm_offer,
    do_decline_offer,
    do_expire_hold,
    do_not_coming,
    expire_holds,
    offer_state,
)
from afroboost.services.booking.notices import hold_deadline
from afroboost.services.booking.sessions import do_cancel_session
from afroboost.settings import get_settings
from tests.factories import NOW, make_offer, make_session, person


def notices(**where) -> list[tuple[str, str, str]]:
    """(kind, channel, due in hours from NOW) of the queued messages matching `where`."""
    def read(s):
        q = select(Notice).order_by(Notice.id)
        for k, v in where.items():
            q = q.where(getattr(Notice, k) == v)
        return [(n.kind, n.channel, round((n.due_at - NOW).total_seconds() / 3600, 2)) for n in s.exec(q).all()]
    return in_read(read)


def full_session(*, starts_in=timedelta(days=2), price=2500):
    """A one-headset session booked by p1 (pending payment) with p2 and p3 waiting."""
    with write_session() as s:
        cls = make_session(s, seats=10, headsets=1, starts_at=NOW + starts_in)
        offer = make_offer(s, price_cents=price)
        sid, oid = cls.id, offer.id
    first = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"), now=NOW)
    for n in (2, 3):
        with write_session() as s:
            do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(n), now=NOW)
    return sid, first.id


def test_a_booking_queues_confirmation_reminder_and_nudge_on_every_channel_on_file(db):
    sid, rid = full_session()
    assert notices(reservation_id=rid) == [
        ("confirmation", "internal", 0), ("confirmation", "email", 0), ("confirmation", "whatsapp", 0),
        ("reminder", "internal", 24), ("reminder", "email", 24), ("reminder", "whatsapp", 24),
        ("nudge", "internal", 44), ("nudge", "email", 44), ("nudge", "whatsapp", 44),
    ]
    hold = in_read(lambda s: s.get(Reservation, rid).hold_until)
    assert hold == NOW + timedelta(hours=get_settings().hold_hours)


def test_a_late_booking_gets_no_reminder_and_keeps_its_headset_until_class(db):
    sid, rid = full_session(starts_in=timedelta(hours=2))
    assert {k for k, _, _ in notices(reservation_id=rid)} == {"confirmation"}
    assert in_read(lambda s: s.get(Reservation, rid).hold_until) == NOW + timedelta(hours=2)
    assert hold_deadline(starts_at=NOW + timedelta(hours=10), now=NOW) == NOW + timedelta(hours=7)  # cutoff 3 h


def test_an_expired_hold_frees_the_headset_and_offers_it_to_the_first_waiting_person(db):
    sid, rid = full_session()
    later = NOW + timedelta(hours=get_settings().hold_hours, seconds=1)
    assert expire_holds(now=later) == 1
    assert in_read(lambda s: s.get(Reservation, rid).status) == "cancelled"
    assert [k for k, ch, _ in notices(reservation_id=rid) if ch == "internal"][-1] == "hold_expired"
    entry = in_read(lambda s: s.exec(select(WaitlistEntry).where(WaitlistEntry.status == "promoted")).one())
    offered = entry.reservation_id
    assert in_read(lambda s: s.get(Reservation, offered).contact_id) == entry.contact_id
    assert ("waitlist_offer", "email", round((later - NOW).total_seconds() / 3600, 2)) in notices(
        reservation_id=offered)
    assert in_read(offer_state, reservation_id=offered, now=later) == "open"
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1  # the headset is held for the offer
    assert expire_holds(now=later) == 0  # nothing twice


def test_confirming_an_offer_makes_it_a_booking_with_its_confirmation(db):
    sid, rid = full_session()
    with write_session() as s:
        promoted = do_not_coming(s, reservation_id=rid, now=NOW)
    in_write(do_confirm_offer, reservation_id=promoted.id, now=NOW + timedelta(minutes=5))
    kinds = [k for k, ch, _ in notices(reservation_id=promoted.id) if ch == "internal"]
    assert kinds == ["waitlist_offer", "confirmation", "reminder", "nudge"]
    with pytest.raises(ServiceError) as e:  # a confirm link used twice
        in_write(do_confirm_offer, reservation_id=promoted.id, now=NOW + timedelta(minutes=6))
    assert e.value.key == "offer_gone"
    assert in_read(offer_state, reservation_id=promoted.id, now=NOW) == "answered"


def test_a_confirm_after_the_deadline_is_refused_and_the_spot_goes_on(db):
    sid, rid = full_session()
    with write_session() as s:
        promoted = do_not_coming(s, reservation_id=rid, now=NOW)
    late = NOW + timedelta(minutes=get_settings().waitlist_offer_minutes, seconds=1)
    with pytest.raises(ServiceError):
        in_write(do_confirm_offer, reservation_id=promoted.id, now=late)
    assert in_write(do_expire_hold, reservation_id=promoted.id, now=late) is True
    assert [k for k, ch, _ in notices(reservation_id=promoted.id) if ch == "internal"][-1] == "offer_expired"
    third = in_read(lambda s: s.exec(select(WaitlistEntry).where(WaitlistEntry.status == "promoted")
                                     .where(WaitlistEntry.answered_at.is_(None))).one())
    assert third.contact_id != in_read(lambda s: s.get(Reservation, promoted.id).contact_id)


def test_declining_passes_the_headset_to_the_next_person_at_once(db):
    sid, rid = full_session()
    with write_session() as s:
        second = do_not_coming(s, reservation_id=rid, now=NOW)
    with write_session() as s:
        third = do_decline_offer(s, reservation_id=second.id, now=NOW + timedelta(minutes=1))
    assert third is not None and third.contact_id != second.contact_id
    assert in_read(lambda s: s.get(Reservation, second.id).status) == "cancelled"
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1


def test_not_coming_twice_frees_one_headset(db):
    sid, rid = full_session()
    in_write(do_not_coming, reservation_id=rid, now=NOW)
    with pytest.raises(ServiceError) as e:
        in_write(do_not_coming, reservation_id=rid, now=NOW)
    assert e.value.key == "cancel_already"
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1  # the one promoted person


def test_expiry_after_not_coming_does_nothing_and_sends_nothing(db):
    sid, rid = full_session()
    in_write(do_not_coming, reservation_id=rid, now=NOW)
    assert in_write(do_expire_hold, reservation_id=rid, now=NOW + timedelta(days=1, seconds=1)) is False
    assert "hold_expired" not in {k for k, _, _ in notices(reservation_id=rid)}


def test_a_cancelled_class_tells_every_booked_and_waiting_person(db):
    sid, rid = full_session()
    with write_session() as s:
        do_cancel_session(s, session_id=sid, now=NOW)
    told = in_read(lambda s: s.exec(select(Notice.contact_id).where(Notice.kind == "session_cancelled")
                                    .where(Notice.channel == "internal")).all())
    assert len(told) == 3 and len(set(told)) == 3


def test_answer_links_are_signed_per_booking_and_action(db):
    token = answer_token(12, CONFIRM)
    assert read_answer_token(token) == (12, CONFIRM)
    assert read_answer_token(answer_token(12, NOT_COMING)) == (12, NOT_COMING)
    forged = token.replace(token.split(".")[0], answer_token(13, CONFIRM).split(".")[0])
    assert read_answer_token(forged) is None
    assert read_answer_token("") is None and read_answer_token("x" * 500) is None


def test_the_coach_sees_what_each_booking_was_told(db):
    from afroboost.services.booking.reservations import list_reservations

    sid, rid = full_session()
    in_write(do_not_coming, reservation_id=rid, now=NOW)
    rows = {r.id: r.messages for r in in_read(list_reservations)}
    assert rows[rid] == "Confirmation ⏳ · Rappel ⏳ · « Tu viens toujours ? » ⏳"  # not sent yet
    offered = in_read(lambda s: s.exec(select(WaitlistEntry.reservation_id).where(
        WaitlistEntry.status == "promoted")).one())
    assert rows[offered] == "Place proposée ⏳"
