"""Aperçu figures: week bounds in Zurich time, fill rates, weekly counts, revenue, headsets out."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from afroboost.db import in_read, write_session
from afroboost.models import Contact, Reservation
from afroboost.services.overview import (
    access_overview,
    fill_pct,
    headsets_out,
    revenue_by_course,
    week_bounds,
    week_sessions,
    weekly_bookings,
)
from tests.factories import make_course, make_offer, make_session

_n = itertools.count(1)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# These tests are about calendar weeks (Zurich midnights, a CEST week in October, a CET one in
# December): they run on a fixed clock, Tuesday 1 December 2026 12:00 UTC, not the travelled one.
NOW = utc(2026, 12, 1, 12)


@pytest.fixture(autouse=True)
def _fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def book(s, cls, offer, *, status="confirmed", price=2500, created_at=NOW, name=("Awa", "Diallo"), **kw):
    n = next(_n)
    contact = Contact(first_name=name[0], last_name=name[1], email=f"ov{n}@example.ch")
    s.add(contact)
    s.flush()
    res = Reservation(code=f"AFR-OV{n:04d}", session_id=cls.id, offer_id=offer.id, contact_id=contact.id,
                      status=status, price_cents=price, list_price_cents=price, created_at=created_at, **kw)
    s.add(res)
    s.flush()
    return res


def test_week_bounds_follow_zurich_midnight():
    # NOW is Tuesday 1 Dec 2026 12:00 UTC: the week is Mon 30 Nov 00:00 → Mon 7 Dec 00:00 (UTC+1).
    monday, start, end = week_bounds(NOW)
    assert monday == date(2026, 11, 30)
    assert (start, end) == (utc(2026, 11, 29, 23), utc(2026, 12, 6, 23))
    # Sunday 22:30 UTC is 23:30 in Zurich: still this week. 23:00 UTC is Monday 00:00: the next one.
    assert week_bounds(utc(2026, 12, 6, 22, 30))[0] == date(2026, 11, 30)
    assert week_bounds(utc(2026, 12, 6, 23, 0))[0] == date(2026, 12, 7)


def test_fill_pct():
    assert fill_pct(9, 18) == 50
    assert fill_pct(2, 3) == 67
    assert fill_pct(0, 0) == 0
    assert fill_pct(25, 20) == 100


def test_week_sessions_fill_rate_and_bounds(db):
    with write_session() as s:
        course = make_course(s, name="Silent")
        make_session(s, course=course, starts_at=utc(2026, 11, 29, 22, 30), taken=5)        # Sun 23:30: last week
        first = make_session(s, course=course, starts_at=utc(2026, 11, 29, 23, 30),        # Mon 00:30
                             seats=20, headsets=18, taken=9)
        last = make_session(s, course=course, starts_at=utc(2026, 12, 6, 22, 30),          # Sun 23:30
                            seats=3, headsets=10, taken=2)
        make_session(s, course=course, starts_at=utc(2026, 12, 6, 23, 0))                  # Mon 7 Dec 00:00
        make_session(s, course=course, starts_at=utc(2026, 12, 2, 17, 30), cancelled=True)  # cancelled
        empty = make_session(s, course=course, starts_at=utc(2026, 12, 3, 17, 30), headsets=0)
        ids = [first.id, empty.id, last.id]
    rows = in_read(week_sessions, now=NOW)
    assert [r.id for r in rows] == ids
    assert (rows[0].taken, rows[0].capacity, rows[0].pct, rows[0].fill_label) == (9, 18, 50, "9 / 18")
    assert rows[0].label == "Lundi 30 novembre · 00h30"
    assert (rows[1].capacity, rows[1].pct) == (0, 0)
    assert (rows[2].pct, rows[2].fill_label, rows[2].label) == (67, "2 / 3", "Dimanche 6 décembre · 23h30")


def test_weekly_bookings_buckets_by_local_week(db):
    with write_session() as s:
        cls, offer = make_session(s), make_offer(s)
        book(s, cls, offer, created_at=utc(2026, 11, 29, 23, 30))                    # Mon 30 Nov 00:30 local
        book(s, cls, offer, created_at=utc(2026, 12, 1, 9), status="pending_payment")
        book(s, cls, offer, created_at=utc(2026, 12, 1, 10), status="cancelled", cancelled_at=NOW)  # not counted
        book(s, cls, offer, created_at=utc(2026, 11, 29, 22, 30))                    # Sun 29 Nov 23:30 local
        book(s, cls, offer, created_at=utc(2026, 10, 11, 22, 30), status="checked_in")  # Mon 12 Oct 00:30 (CEST)
        book(s, cls, offer, created_at=utc(2026, 10, 11, 21, 30))                    # Sun 11 Oct 23:30: too old
        book(s, cls, offer, created_at=utc(2026, 12, 8, 9))                          # next week: not shown
    weeks = in_read(weekly_bookings, now=NOW)
    assert [w.label for w in weeks] == ["12.10", "19.10", "26.10", "02.11", "09.11", "16.11", "23.11", "30.11"]
    assert [w.count for w in weeks] == [1, 0, 0, 0, 0, 0, 1, 2]
    assert weeks[-1].monday == "2026-11-30"


def test_revenue_counts_only_confirmed_and_checked_in(db):
    with write_session() as s:
        a, b = make_course(s, name="Silent"), make_course(s, name="Outdoor")
        make_course(s, name="Family")                       # active, no booking: listed at 0
        make_course(s, name="Ancien", active=False)         # inactive, no revenue: hidden
        old = make_course(s, name="Retraite", active=False)  # inactive but earned money: listed
        offer = make_offer(s)
        sa_, sb, so = make_session(s, course=a), make_session(s, course=b), make_session(s, course=old)
        book(s, sa_, offer, status="confirmed", price=2500)
        book(s, sa_, offer, status="checked_in", price=2000)
        book(s, sa_, offer, status="pending_payment", price=2500)
        book(s, sa_, offer, status="cancelled", price=2500)
        book(s, sb, offer, status="confirmed", price=1250)
        book(s, so, offer, status="checked_in", price=500)
    rows = in_read(revenue_by_course)
    assert [(r.course, r.cents, r.amount, r.bookings) for r in rows] == [
        ("Silent", 4500, "CHF 45.-", 2), ("Outdoor", 1250, "CHF 12.50", 1), ("Retraite", 500, "CHF 5.-", 1),
        ("Family", 0, "CHF 0.-", 0),
    ]
    assert rows[1].chf == 12.5
    assert in_read(access_overview, now=NOW).revenue_total == "CHF 62.50"


def test_headsets_out(db):
    t0 = NOW - timedelta(hours=2)
    with write_session() as s:
        cls = make_session(s, course=make_course(s, name="Silent"), starts_at=utc(2026, 12, 1, 17, 30))
        offer = make_offer(s)
        late = book(s, cls, offer, status="checked_in", headset_number="7", checked_in_at=t0 + timedelta(minutes=5),
                    name=("Kofi", "Mensah"))
        book(s, cls, offer, status="checked_in", headset_number="3", checked_in_at=t0, headset_returned_at=NOW)
        book(s, cls, offer, status="checked_in", headset_number="", checked_in_at=t0)   # no headset given
        book(s, cls, offer, status="confirmed", headset_number="5")                       # not checked in
        early = book(s, cls, offer, status="checked_in", headset_number="12", checked_in_at=t0,
                     name=("Awa", "Diallo"))
        ids = [early.id, late.id]
    out = in_read(headsets_out)
    assert [h.reservation_id for h in out] == ids
    assert (out[0].headset, out[0].person, out[0].since) == ("12", "Awa Diallo", "11h00")
    assert out[1].session == "Silent · Mardi 1 décembre 18h30"
    overview = in_read(access_overview, now=NOW)
    assert len(overview.headsets) == 2
    assert overview.week_label == "Semaine du 30 nov. au 6 déc."
    assert [s.id for s in overview.sessions] == [cls.id]
