"""The booking loop's races on a real database (SQLite and PostgreSQL): each has exactly one winner,
one freed headset, and one set of messages."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlmodel import func, select

from afroboost.db import in_read, in_write, utc_now, write_session
from afroboost.models import ClassSession, Notice, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book, do_join_waitlist
from afroboost.services.booking.holds import do_confirm_offer, do_decline_offer, do_expire_hold, do_not_coming
from tests.factories import make_offer, make_session, person
from tests.race import race


def offered_spot() -> tuple[int, int, int]:
    """One headset: p1 booked it, p2 and p3 wait; p1 says « Je ne viens pas »: (session, p1's, p2's offer)."""
    with write_session() as s:
        cls = make_session(s, seats=5, headsets=1, starts_at=utc_now() + timedelta(days=3))
        sid, oid = cls.id, make_offer(s, price_cents=2500).id
    first = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"))
    for n in (2, 3):
        with write_session() as s:
            do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(n))
    offer = in_write(do_not_coming, reservation_id=first.id)
    return sid, first.id, offer.id


def kinds(reservation_id: int) -> Counter:
    return Counter(in_read(lambda s: s.exec(select(Notice.kind).where(Notice.reservation_id == reservation_id)
                                            .where(Notice.channel == "internal")).all()))


def holders(session_id: int) -> int:
    return in_read(lambda s: s.exec(select(func.count()).select_from(Reservation)
                                    .where(Reservation.session_id == session_id)
                                    .where(Reservation.status.in_(["pending_payment", "confirmed"]))).one())


def test_the_same_confirm_link_tapped_eight_times_at_once(any_db):
    sid, _first, offer = offered_spot()
    outcomes = race(lambda _n: in_write(do_confirm_offer, reservation_id=offer), range(8), workers=8)
    assert sum(o.ok for o in outcomes) == 1
    assert Counter(o.error.key for o in outcomes if not o.ok) == Counter({"offer_gone": 7})
    assert kinds(offer)["confirmation"] == 1
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1 == holders(sid)


def test_confirm_racing_the_offer_expiry(any_db):
    """« Je confirme » in the last instant against the job ending the offer: one of them, never both."""
    for _ in range(4):
        sid, _first, offer = offered_spot()
        deadline = in_read(lambda s, o=offer: s.get(Reservation, o).hold_until)
        at = deadline - timedelta(milliseconds=1)  # still open for the confirm ...
        jobs = [(do_confirm_offer, at), (do_expire_hold, deadline)]  # ... and due for the job
        outcomes = race(lambda job, o=offer: in_write(job[0], reservation_id=o, now=job[1]), jobs, workers=2)
        confirmed = outcomes[0].ok
        expired = outcomes[1].ok and outcomes[1].result is True
        assert confirmed != expired, outcomes
        status = in_read(lambda s, o=offer: s.get(Reservation, o).status)
        assert status == ("pending_payment" if confirmed else "cancelled")
        assert kinds(offer)["confirmation" if confirmed else "offer_expired"] == 1
        assert in_read(lambda s, i=sid: s.get(ClassSession, i).taken) == 1 == holders(sid)


def test_not_coming_racing_the_unpaid_hold_expiry(any_db):
    with write_session() as s:
        cls = make_session(s, seats=5, headsets=1, starts_at=utc_now() + timedelta(days=3))
        sid, oid = cls.id, make_offer(s, price_cents=2500).id
    r = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"))
    with write_session() as s:
        do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(2))
    due = in_read(lambda s: s.get(Reservation, r.id).hold_until)
    jobs = [lambda: in_write(do_not_coming, reservation_id=r.id, now=due),
            lambda: in_write(do_expire_hold, reservation_id=r.id, now=due)]
    outcomes = race(lambda i: jobs[i](), range(2), workers=2)
    won = [outcomes[0].ok, outcomes[1].ok and outcomes[1].result is True]
    assert sum(won) == 1, outcomes
    if not outcomes[0].ok:
        assert isinstance(outcomes[0].error, ServiceError) and outcomes[0].error.key == "cancel_already"
    assert ("hold_expired" in kinds(r.id)) == won[1]
    # One headset freed, given once: the waiting person holds it, nobody else.
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1
    assert in_read(lambda s: s.exec(select(WaitlistEntry.status)).one()) == "promoted"


def test_decline_and_confirm_at_once(any_db):
    sid, _first, offer = offered_spot()
    jobs = [lambda: in_write(do_confirm_offer, reservation_id=offer),
            lambda: in_write(do_decline_offer, reservation_id=offer)]
    outcomes = race(lambda i: jobs[i](), range(2), workers=2)
    assert sum(o.ok for o in outcomes) == 1
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1 == holders(sid)
