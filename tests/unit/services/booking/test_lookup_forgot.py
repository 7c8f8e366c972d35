"""« Code oublié ? »: reservation codes go to the email or phone on file, never on screen (issue 11, item 4)."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from afroboost import texts
from afroboost.db import in_read, write_session
from afroboost.services import ServiceError
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.booking.lookup_forgot import forgotten_codes, send_forgotten_codes
from afroboost.services.verification import live_demo_codes
from tests.factories import NOW, make_offer, make_session, person


def _book(who, *, days=2, **kw):
    with write_session() as s:
        cls = make_session(s, seats=30, headsets=5, starts_at=NOW + timedelta(days=days))
        offer = make_offer(s, price_cents=2500)
    return book(BookingRequest(session_id=cls.id, offer_id=offer.id, person=person(who, **kw),
                               payment_method="twint"), now=NOW)


def test_booking_again_with_someone_elses_email_shows_no_code(db):
    first = _book(1)
    with pytest.raises(ServiceError) as exc:
        book(BookingRequest(session_id=first.session_id, offer_id=first.offer_id,
                            person=person("intrus", email=first.email), payment_method="twint"), now=NOW)
    message = texts.err(exc.value.key, **exc.value.params)
    assert exc.value.key == "already_booked" and first.code not in message and "AFR-" not in message
    assert "Code oublié ?" in message


def test_codes_of_upcoming_reservations_only_for_that_email_or_phone(db):
    mine, later = _book(1), _book(1, days=5)
    _book(2)  # someone else's
    [entry] = in_read(forgotten_codes, contact=mine.email.upper(), now=NOW)
    assert entry.codes == [mine.code, later.code] and entry.to.email == mine.email
    assert in_read(forgotten_codes, contact="personne@exemple.ch", now=NOW) == []
    assert in_read(forgotten_codes, contact=mine.email, now=NOW + timedelta(days=3))[0].codes == [later.code]
    with pytest.raises(ServiceError):
        in_read(forgotten_codes, contact="pas un contact", now=NOW)


async def test_without_channel_the_codes_are_logged_and_on_the_coachs_dashboard(db, caplog):
    mine, later = _book(1), _book(1, days=5)
    with caplog.at_level(logging.WARNING, logger="afroboost.verification"):
        assert await send_forgotten_codes(contact=mine.email, now=NOW) == 1
        assert await send_forgotten_codes(contact="personne@exemple.ch", now=NOW) == 0
    assert mine.code in caplog.text and later.code in caplog.text
    shown = in_read(live_demo_codes, now=NOW)
    assert sorted(d.code for d in shown) == sorted([mine.code, later.code])
    assert {d.purpose for d in shown} == {"Code oublié"}
