"""Verification codes and « Code oublié ? » through the real Resend SDK, to a fake Resend on 127.0.0.1."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, write_session
from afroboost.models import Contact
from afroboost.models.auth import VerificationCode
from afroboost.services.booking.booking import BookingRequest, book
from afroboost.services.booking.lookup_forgot import send_forgotten_codes
from afroboost.services.verification import live_demo_codes, send_chat_code
from tests import ai_world
from tests.factories import NOW, make_offer, make_session, person
from tests.fakes.resend_server import FakeResend
from tests.fakes.server import LocalServer

ai_env = ai_world.ai_env
KEY = "re_test_afroboost"


@pytest.fixture
def fake(ai_env):
    server = FakeResend(api_key=KEY)
    with LocalServer(server.app) as url:
        ai_env(RESEND_API_KEY=KEY, RESEND_FROM="Coach Bassi <coach@afroboost.example>", RESEND_BASE_URL=url,
               RESEND_RATE_PER_S=1000)
        yield server


async def test_the_chat_code_goes_by_email_to_the_contact_on_file(db, fake):
    with write_session() as s:
        row = Contact(first_name="Awa", email="awa@example.ch")
        s.add(row)
        s.flush()
        cid = row.id
    sent = await send_chat_code(contact_id=cid)
    assert (sent.hint, sent.demo) == ("a•••@e•••.ch", False)
    [email] = [e for r in fake.batch_requests for e in r["json"]]
    assert email["to"] == ["awa@example.ch"]
    [code] = in_read(lambda s: s.exec(select(VerificationCode)).all())
    assert code.channel == "email" and code.demo_code is None and in_read(live_demo_codes) == []
    digits = [w for w in email["text"].replace(".", " ").split() if w.isdigit() and len(w) == 6]
    assert len(digits) == 1 and digits[0] not in code.code_hash


async def test_forgotten_codes_go_to_the_booking_email_never_elsewhere(db, fake):
    with write_session() as s:
        cls = make_session(s, seats=30, headsets=5, starts_at=NOW + timedelta(days=2))
        offer = make_offer(s, price_cents=2500)
    res = book(BookingRequest(session_id=cls.id, offer_id=offer.id, person=person(1), payment_method="twint"),
               now=NOW)
    assert await send_forgotten_codes(contact=res.email, now=NOW) == 1
    assert await send_forgotten_codes(contact="intrus@example.ch", now=NOW) == 0
    [email] = [e for r in fake.batch_requests for e in r["json"]]
    assert email["to"] == [res.email] and res.code in email["text"]
