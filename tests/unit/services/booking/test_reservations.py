"""The coach's reservation tools: check-in, headsets, delete, search, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, time, timedelta

import pytest

from afroboost.db import in_read, in_write, write_session
from afroboost.models import ClassSession, Reservation, WaitlistEntry
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book, do_join_waitlist
from afroboost.services.booking.reservations import (
    do_check_in,
    do_delete,
    do_return_headset,
    filter_rows,
    list_reservations,
    rows_csv,
)
from tests import frdate
from tests.factories import NOW, make_offer, make_session, person


def _world(headsets=5):
    with write_session() as s:
        cls = make_session(s, seats=10, headsets=headsets)
        return cls.id, make_offer(s).id


def _book(sid, oid, n):
    return book(BookingRequest(session_id=sid, offer_id=oid, person=person(n), payment_method="twint"), now=NOW)


def test_check_in_by_code_records_the_headset_and_refuses_twice(db):
    sid, oid = _world()
    res = _book(sid, oid, 1)
    done = in_write(do_check_in, code=f" {res.code.lower()} ", headset_number="12", now=NOW)
    assert (done.status, done.headset_number, done.checked_in_at) == ("checked_in", "12", NOW)
    with pytest.raises(ServiceError) as exc:
        in_write(do_check_in, code=res.code, headset_number="13", now=NOW)
    assert exc.value.key == "checkin_already"
    with pytest.raises(ServiceError) as exc:
        in_write(do_check_in, code="AFR-NOPE22", now=NOW)
    assert exc.value.key == "checkin_unknown"


def test_headset_out_then_returned_once(db):
    sid, oid = _world()
    res = _book(sid, oid, 1)
    in_write(do_check_in, code=res.code, headset_number="7", now=NOW)
    row = next(r for r in in_read(list_reservations) if r.id == res.id)
    assert row.headset_out and row.headset == "7"
    in_write(do_return_headset, reservation_id=res.id, now=NOW)
    assert not next(r for r in in_read(list_reservations) if r.id == res.id).headset_out
    with pytest.raises(ServiceError) as exc:
        in_write(do_return_headset, reservation_id=res.id, now=NOW)
    assert exc.value.key == "headset_not_out"


def test_cancelled_reservation_cannot_check_in(db):
    from afroboost.services.booking.booking import do_cancel

    sid, oid = _world()
    res = _book(sid, oid, 1)
    in_write(do_cancel, reservation_id=res.id, now=NOW)
    with pytest.raises(ServiceError) as exc:
        in_write(do_check_in, code=res.code, now=NOW)
    assert exc.value.key == "checkin_cancelled"


def test_delete_frees_the_headset_and_promotes_the_waitlist(db):
    sid, oid = _world(headsets=1)
    res = _book(sid, oid, 1)
    with write_session() as s:
        entry, _ = do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(2), now=NOW)
    in_write(do_delete, reservation_id=res.id, now=NOW)
    assert in_read(lambda s: s.get(Reservation, res.id)) is None
    promoted = in_read(lambda s: s.get(WaitlistEntry, entry.id))
    assert promoted.status == "promoted" and promoted.reservation_id is not None
    assert in_read(lambda s: s.get(ClassSession, sid).taken) == 1  # now held by the promoted person


def test_search_matches_name_email_phone_code_course_and_date(db):
    sid, oid = _world()
    a, b = _book(sid, oid, 1), _book(sid, oid, 2)
    rows = in_read(list_reservations)
    assert [r.id for r in filter_rows(rows, query=a.code.lower())] == [a.id]
    assert [r.id for r in filter_rows(rows, query="p2@example")] == [b.id]
    assert {r.id for r in filter_rows(rows, query="awa diallo")} == {a.id, b.id}
    assert filter_rows(rows, query="+41791000001")[0].id == a.id
    assert filter_rows(rows, query="introuvable") == []
    assert len(filter_rows(rows, status="pending_payment", session_id=sid)) == 2
    assert filter_rows(rows, status="checked_in") == []


def test_csv_has_french_headers_and_neutralises_formulas(db):
    sid, oid = _world()
    res = _book(sid, oid, 1)
    rows = in_read(list_reservations)
    rows[0].name = "=HYPERLINK(\"x\")"
    parsed = list(csv.reader(io.StringIO(rows_csv(rows)), delimiter=";"))
    assert parsed[0][:3] == ["Code", "Nom", "Email"]
    assert parsed[1][0] == res.code
    assert parsed[1][1].startswith("'=")


def test_search_by_date_uses_the_studio_date(db):
    # a session at 00:30 in Zurich three days after NOW's studio day (4 Dec 2026 on the default
    # clock): in UTC it is still the day before (3 Dec 23:30 in winter, 22:30 in summer)
    day = frdate.local(NOW).date() + timedelta(days=3)
    starts_at = datetime.combine(day, time(0, 30), tzinfo=frdate.ZURICH).astimezone(UTC)
    assert starts_at.date() == day - timedelta(days=1)
    with write_session() as s:
        late = make_session(s, seats=5, headsets=5, starts_at=starts_at)
        sid, oid = late.id, make_offer(s).id
    res = _book(sid, oid, 1)
    rows = in_read(list_reservations)
    assert [r.id for r in filter_rows(rows, query=f"{day:%d.%m.%Y}")] == [res.id]  # « 04.12.2026 »
    assert filter_rows(rows, query=f"{starts_at:%d.%m.%Y}") == []  # the UTC date, « 03.12.2026 »
