"""Transactional messages end to end below the browser: a booking's confirmation reaches the fake
Resend server through the real SDK with its QR code and calendar file, and the participant's chat;
the « Je ne viens pas » link frees the headset for the first waiting person, whose « Je confirme »
makes it theirs; nothing is sent twice, even when a dispatcher dies mid-run."""

from __future__ import annotations

import base64
import re
from datetime import timedelta

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from afroboost.db import in_read, in_write, write_session
from afroboost.models import ChatMessage, Notice, Reservation, WaitlistEntry
from afroboost.services.booking.booking import BookingRequest, book, do_join_waitlist
from afroboost.services.campaigns.channels import adapters_from_settings
from afroboost.services.notices.dispatch import claim, dispatch_notices, do_recover_zombies
from tests import ai_world
from tests.factories import clock_now, make_offer, make_session, person
from tests.fakes.resend_server import FakeResend
from tests.fakes.server import LocalServer

ai_env = ai_world.ai_env
KEY = "re_test_afroboost"
SITE = "https://afroboost.example"


@pytest.fixture
def mailbox(ai_env):
    server = FakeResend(api_key=KEY)
    with LocalServer(server.app) as url:
        ai_env(RESEND_API_KEY=KEY, RESEND_FROM="Coach Bassi <coach@afroboost.example>", RESEND_BASE_URL=url,
               RESEND_RATE_PER_S=1000, SITE_URL=SITE, SECRET_KEY="notice-test-secret")
        yield server


def one_headset_class():
    now = clock_now()
    with write_session() as s:
        cls = make_session(s, seats=5, headsets=1, starts_at=now + timedelta(days=3))
        offer = make_offer(s, price_cents=2500)
        return cls.id, offer.id


def emails_to(server: FakeResend, address: str) -> list[dict]:
    return [e for e in server.emails if e.get("to") == [address]]


async def send_due(worker="w1", now=None) -> int:
    return await dispatch_notices(adapters=adapters_from_settings(), worker=worker, now=now)


async def test_the_loop_confirmation_not_coming_offer_confirm(db, mailbox):
    sid, oid = one_headset_class()
    first = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"))
    with write_session() as s:
        do_join_waitlist(s, session_id=sid, offer_id=oid, person=person(2))
    assert await send_due() == 3  # confirmation: chat, email, WhatsApp (no approved template here: skipped, said so)
    assert in_read(lambda s: sorted((n.channel, n.status, n.error_code) for n in s.exec(
        select(Notice).where(Notice.kind == "confirmation")))) == [
        ("email", "sent", ""), ("internal", "sent", ""), ("whatsapp", "skipped", "no_template")]
    [mail] = emails_to(mailbox, "p1@example.ch")
    assert first.code in mail["text"] and "CHF 25.- à régler ici : https://pay.example/twint" in mail["text"]
    files = {a["filename"]: base64.b64decode(a["content"]) for a in mail["attachments"]}
    assert files[f"afroboost-{first.code}.png"].startswith(b"\x89PNG")
    assert b"BEGIN:VCALENDAR" in files[f"afroboost-{first.code}.ics"]
    assert in_read(lambda s: s.exec(select(ChatMessage).where(ChatMessage.body.contains(first.code))).one())
    assert await send_due() == 0  # nothing twice

    # The nudge's « Je ne viens pas » link, used from the email as a person would: GET shows, POST acts.
    from afroboost.api.app import create_api
    client = TestClient(create_api())
    from afroboost.services.booking.answer_links import NOT_COMING, answer_url
    url = answer_url(first.id, NOT_COMING).removeprefix(SITE)
    assert client.get(url).status_code == 200
    assert in_read(lambda s: s.get(Reservation, first.id).status) == "pending_payment"  # a GET changes nothing
    done = client.post(url)
    assert done.status_code == 200 and "casque est libéré" in done.text
    assert client.post(url).status_code == 409  # twice: refused, says why

    assert await send_due() == 3  # the offer to p2: chat + email (+ WhatsApp skipped), at once
    [offer_mail] = emails_to(mailbox, "p2@example.ch")
    confirm = re.search(r"Je confirme : (\S+)", offer_mail["text"]).group(1)
    assert client.post(confirm.removeprefix(SITE)).status_code == 200
    entry = in_read(lambda s: s.exec(select(WaitlistEntry)).one())
    assert entry.answered_at is not None
    assert client.post(confirm.removeprefix(SITE)).status_code == 409  # a confirm link used twice
    await send_due()
    assert len(emails_to(mailbox, "p2@example.ch")) == 2  # the offer, then the confirmation
    assert "Ta place est réservée" in emails_to(mailbox, "p2@example.ch")[1]["text"]


async def test_a_forged_or_foreign_link_changes_nothing(db, mailbox):
    from afroboost.api.app import create_api
    client = TestClient(create_api())
    assert client.post("/api/reponse/abc").status_code == 400
    sid, oid = one_headset_class()
    r = book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"))
    from afroboost.services.booking.answer_links import NOT_COMING, answer_token
    token = answer_token(r.id, NOT_COMING)
    head, sig = token.rsplit(".", 1)
    assert client.post(f"/api/reponse/{answer_token(r.id + 1, NOT_COMING).rsplit('.', 1)[0]}.{sig}").status_code == 400
    assert in_read(lambda s: s.get(Reservation, r.id).status) == "pending_payment"


async def test_a_dispatcher_killed_mid_run_loses_nothing_and_sends_once(db, mailbox):
    sid, oid = one_headset_class()
    book(BookingRequest(session_id=sid, offer_id=oid, person=person(1), payment_method="twint"))
    now = clock_now()
    dead = in_write(claim, now=now, worker="dead", limit=50)  # claimed, then the process died
    assert len(dead) == 3
    assert await send_due("w2") == 0  # claimed rows are not anyone else's
    later = now + timedelta(minutes=15)  # the lease ran out long ago: the rows go back to the queue
    assert in_write(do_recover_zombies, now=later) == 3
    assert await send_due("w2", now=later) == 3
    assert len(emails_to(mailbox, "p1@example.ch")) == 1
    sent = in_read(lambda s: sorted(s.exec(select(Notice.status).where(Notice.kind == "confirmation")).all()))
    assert sent == ["sent", "sent", "skipped"]
