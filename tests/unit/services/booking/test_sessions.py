"""A course's dated sessions as the coach edits them: never below what is booked, spots to the waitlist."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import ClassSession, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.booking import do_join_waitlist
from afroboost.services.booking.sessions import access_course_sessions, do_cancel_session, do_update_session
from afroboost.services.forms import FormInvalid, error_messages
from tests.factories import NOW, booked_session, make_session, person


def test_session_edit_never_below_taken(db):
    sid, _cid, _oid = booked_session(n=2)
    with write_session() as s, pytest.raises(FormInvalid) as e:
        do_update_session(s, session_id=sid, seats="1", headsets="1", now=NOW)
    assert error_messages(e.value) == {
        "seats": "Impossible : 2 casque(s) déjà réservé(s) sur cette séance.",
        "headsets": "Impossible : 2 casque(s) déjà réservé(s) sur cette séance.",
    }
    with write_session() as s:
        assert do_update_session(s, session_id=sid, seats="2", headsets="5", now=NOW) == 0
    cls = in_read(lambda s: s.get(ClassSession, sid))
    assert (cls.seats, cls.headsets, cls.taken, cls.spots_left) == (2, 5, 2, 0)


def test_session_edit_rechecks_taken_at_write_time(db):
    """A booking landing between the read and the write: the conditional UPDATE refuses."""
    sid, _cid, _oid = booked_session(n=1)
    with write_session() as s:
        cls = s.get(ClassSession, sid)  # loaded with taken = 1: the service's read sees that ...
        # ... while a concurrent booking takes two more (a Core UPDATE leaves the loaded row stale).
        s.execute(ClassSession.__table__.update().where(ClassSession.id == sid).values(taken=3))
        with pytest.raises(ServiceError) as e:
            do_update_session(s, session_id=cls.id, seats="2", headsets="2", now=NOW)
    assert not isinstance(e.value, FormInvalid)  # refused by the UPDATE's WHERE, not the pre-check
    assert (e.value.key, e.value.params) == ("session_below_taken", {"taken": 3})
    assert in_read(lambda s: s.get(ClassSession, sid).seats) == 10


def test_raising_capacity_gives_spots_to_the_waitlist(db):
    sid, _cid, oid = booked_session(headsets=1, n=1)
    with write_session() as s:
        do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(50), now=NOW)
    with write_session() as s:
        assert do_update_session(s, session_id=sid, seats="10", headsets="3", now=NOW) == 1
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 2
    assert in_read(lambda s: s.exec(select(WaitlistEntry)).one().status) == "promoted"


def test_cancel_session_keeps_reservations_and_shows_annulee(db):
    sid, cid, _oid = booked_session(n=2)
    with write_session() as s:
        assert do_cancel_session(s, session_id=sid, now=NOW) == 2
    row = next(r for r in in_read(access_course_sessions, course_id=cid, now=NOW) if r.id == sid)
    assert (row.cancelled, row.status, row.reservations) == (True, "Annulée", 2)
    with write_session() as s, pytest.raises(ServiceError, match="session_cancelled_edit"):
        do_update_session(s, session_id=sid, seats="10", headsets="10", now=NOW)
    with write_session() as s, pytest.raises(ServiceError, match="session_cancelled_edit"):
        do_cancel_session(s, session_id=sid, now=NOW)


def test_past_or_unknown_session_cannot_be_edited(db):
    with write_session() as s:
        past = make_session(s, starts_at=NOW - timedelta(hours=1)).id
    with write_session() as s, pytest.raises(ServiceError, match="session_started_edit"):
        do_update_session(s, session_id=past, seats="5", headsets="5", now=NOW)
    with write_session() as s, pytest.raises(ServiceError, match="session_unknown"):
        do_cancel_session(s, session_id=999999, now=NOW)
