"""Headset capacity: spots = min(seats, headsets); a spot is taken only when one is left."""

from __future__ import annotations

from datetime import timedelta

import pytest

from afroboost.db import in_read, write_session
from afroboost.models import ClassSession
from afroboost.services.booking.capacity import release_spot, take_spot
from tests.factories import NOW, make_session


@pytest.mark.parametrize("seats, headsets, cap", [(20, 18, 18), (12, 30, 12), (10, 10, 10), (5, 0, 0), (-1, 5, 0)])
def test_capacity_is_min_of_seats_and_headsets(seats, headsets, cap):
    cls = ClassSession(course_id=1, starts_at=NOW, seats=seats, headsets=headsets, taken=0)
    assert cls.capacity == cap
    assert cls.spots_left == cap


def new_session(**kw) -> int:
    with write_session() as s:
        return make_session(s, **kw).id


def take(sid, now=NOW) -> bool:
    with write_session() as s:
        return take_spot(s, session_id=sid, now=now)


def taken(sid) -> int:
    return in_read(lambda s: s.get(ClassSession, sid).taken)


def test_take_until_headsets_run_out(db):
    sid = new_session(seats=30, headsets=3)
    assert [take(sid) for _ in range(5)] == [True, True, True, False, False]
    assert taken(sid) == 3


def test_take_until_seats_run_out(db):
    sid = new_session(seats=2, headsets=30)
    assert [take(sid) for _ in range(3)] == [True, True, False]
    assert taken(sid) == 2


def test_refuses_past_and_started_sessions(db):
    past = new_session(starts_at=NOW - timedelta(hours=1))
    now_starting = new_session(starts_at=NOW)
    assert take(past) is False
    assert take(now_starting) is False
    assert taken(past) == taken(now_starting) == 0


def test_refuses_cancelled_session(db):
    sid = new_session(cancelled=True)
    assert take(sid) is False
    assert taken(sid) == 0


def test_release_gives_a_spot_back_and_never_goes_negative(db):
    sid = new_session(seats=1, headsets=1)
    assert take(sid) is True
    assert take(sid) is False
    with write_session() as s:
        release_spot(s, session_id=sid)
    assert taken(sid) == 0
    with write_session() as s:
        release_spot(s, session_id=sid)
    assert taken(sid) == 0
    assert take(sid) is True


def _full_world():
    from tests.factories import make_offer, person

    with write_session() as s:
        cls = make_session(s, seats=10, headsets=1)
        sid, oid = cls.id, make_offer(s).id
    from afroboost.services.booking.booking import BookingRequest, book

    def attempt(n):
        return book(BookingRequest(session_id=sid, offer_id=oid, person=person(n), payment_method="twint"), now=NOW)

    return sid, attempt


def test_full_memory_is_forgotten_when_a_headset_is_released_here(db):
    from afroboost.services import ServiceError
    from afroboost.services.booking.booking import do_cancel

    sid, attempt = _full_world()
    first = attempt(1)
    with pytest.raises(ServiceError) as exc:
        attempt(2)
    assert exc.value.key == "session_full"
    with write_session() as s:
        do_cancel(s, reservation_id=first.id, now=NOW)
    assert attempt(3).session_id == sid  # bookable at once, no stale « full »


def test_full_memory_is_short_for_headsets_freed_elsewhere(db, monkeypatch):
    import time

    import sqlalchemy as sa

    from afroboost.services import ServiceError
    from afroboost.services.booking import capacity

    monkeypatch.setattr(capacity, "FULL_MEMORY_SECONDS", 0.2)
    sid, attempt = _full_world()
    attempt(1)
    with pytest.raises(ServiceError):
        attempt(2)  # remembered as full
    with write_session() as s:  # another process frees the headset (no release_spot here)
        s.execute(sa.update(ClassSession).where(ClassSession.id == sid).values(taken=0))
    with pytest.raises(ServiceError) as exc:
        attempt(3)
    assert exc.value.key == "session_full"  # still remembered, for at most FULL_MEMORY_SECONDS
    time.sleep(0.25)
    assert attempt(4).session_id == sid
