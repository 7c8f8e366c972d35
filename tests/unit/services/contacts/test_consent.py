"""Consent per contact and channel: opt-out / opt-in, the WhatsApp 24 h window, unsubscribe tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write, write_session
from afroboost.models.campaign import Consent
from afroboost.services.chat.identity import identity_token
from afroboost.services.contacts.consent import (
    contact_from_unsubscribe_token,
    do_inbound_whatsapp,
    do_opt_in,
    do_opt_out,
    do_record_inbound,
    do_unsubscribe,
    in_whatsapp_window,
    is_opted_out,
    keyword,
    opted_out_ids,
    unsubscribe_token,
    unsubscribe_url,
    whatsapp_window_ids,
)
from afroboost.services.contacts.contacts import do_upsert_contact
from tests import ai_world
from tests.factories import NOW, person

ai_env = ai_world.ai_env


@pytest.fixture
def people(db) -> list[int]:
    with write_session() as s:
        return [do_upsert_contact(s, person=person(n)).id for n in (1, 2, 3)]


def consents(contact_id: int) -> list[Consent]:
    return in_read(lambda s: s.exec(select(Consent).where(Consent.contact_id == contact_id)).all())


def test_opt_out_then_in_is_idempotent_and_per_channel(people):
    awa, ben, _ = people
    assert in_write(do_opt_out, contact_id=awa, channel="whatsapp", source="whatsapp STOP") is True
    assert in_write(do_opt_out, contact_id=awa, channel="whatsapp", source="whatsapp STOP") is False
    assert in_write(do_opt_out, contact_id=ben, channel="email", source="email link") is True
    assert in_read(opted_out_ids, channel="whatsapp") == {awa}
    assert in_read(opted_out_ids, channel="email") == {ben}
    assert len(consents(awa)) == 1  # one row per contact and channel, never two
    assert in_write(do_opt_in, contact_id=awa, channel="whatsapp", source="whatsapp START") is True
    assert in_read(opted_out_ids, channel="whatsapp") == set()
    row = consents(awa)[0]
    assert row.source == "whatsapp START" and row.opted_out is False
    assert in_read(is_opted_out, contact_id=ben, channel="email") is True


@pytest.mark.parametrize("address", ["whatsapp:+41791000001", "+41 79 100 00 01", "079 100 00 01"])
def test_an_inbound_message_opens_the_24h_window(people, address):
    awa = people[0]
    assert in_read(in_whatsapp_window, contact_id=awa, now=NOW) is False
    assert in_write(do_record_inbound, phone=address, at=NOW) == awa
    assert in_read(in_whatsapp_window, contact_id=awa, now=NOW + timedelta(hours=23, minutes=59)) is True
    assert in_read(in_whatsapp_window, contact_id=awa, now=NOW + timedelta(hours=24, minutes=1)) is False
    assert in_read(whatsapp_window_ids, contact_ids=people, now=NOW + timedelta(hours=1)) == {awa}


def test_an_older_inbound_never_moves_the_window_back(people):
    awa = people[0]
    in_write(do_record_inbound, phone="+41791000001", at=NOW)
    in_write(do_record_inbound, phone="+41791000001", at=NOW - timedelta(hours=20))  # late webhook
    assert in_read(in_whatsapp_window, contact_id=awa, now=NOW + timedelta(hours=23)) is True


def test_unknown_numbers_are_ignored(people):
    assert in_write(do_record_inbound, phone="whatsapp:+41790000099", at=NOW) is None
    assert in_write(do_inbound_whatsapp, phone="whatsapp:+41790000099", body="STOP", at=NOW) == "unknown"
    assert in_write(do_record_inbound, phone="not a number", at=NOW) is None


@pytest.mark.parametrize("body", ["STOP", " stop ", "Stop.", "ARRET", "arrêt", "ARRÊT !", "A r r ê t", "s t o p"])
def test_stop_words_in_any_case_spacing_or_accent_opt_out(people, body):
    awa = people[0]
    assert in_write(do_inbound_whatsapp, phone="whatsapp:+41791000001", body=body, at=NOW) == "stop"
    assert in_read(opted_out_ids, channel="whatsapp") == {awa}
    assert in_read(in_whatsapp_window, contact_id=awa, now=NOW) is True  # a STOP is an inbound message too


@pytest.mark.parametrize("body", ["stopper", "Je veux arrêter le cours", "STOP à la pluie", "", "Bonjour"])
def test_other_messages_only_open_the_window(people, body):
    assert in_write(do_inbound_whatsapp, phone="whatsapp:+41791000001", body=body, at=NOW) == "message"
    assert in_read(opted_out_ids, channel="whatsapp") == set()


def test_start_opts_back_in(people):
    awa = people[0]
    in_write(do_inbound_whatsapp, phone="whatsapp:+41791000001", body="STOP", at=NOW)
    assert in_write(do_inbound_whatsapp, phone="whatsapp:+41791000001", body="Start", at=NOW) == "start"
    assert awa not in in_read(opted_out_ids, channel="whatsapp")


def test_keyword_normalisation():
    assert keyword(" ARRÊT ! ") == keyword("arret") == "arret"
    assert keyword("S T O P") == "stop"


def test_unsubscribe_token_round_trip_and_tampering(people, ai_env):
    ai_env(SECRET_KEY="secret-one", SITE_URL="https://afroboost.example/")
    awa = people[0]
    token = unsubscribe_token(awa)
    assert contact_from_unsubscribe_token(token) == awa
    assert unsubscribe_url(awa) == f"https://afroboost.example/api/unsubscribe/{token}"
    assert contact_from_unsubscribe_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")) is None
    assert contact_from_unsubscribe_token(identity_token(awa)) is None  # another salt: not an unsubscribe link
    assert contact_from_unsubscribe_token("") is None and contact_from_unsubscribe_token("x" * 400) is None
    ai_env(SECRET_KEY="secret-two")
    assert contact_from_unsubscribe_token(token) is None  # signed with another key


def test_unsubscribe_opts_out_of_email_once(people, ai_env):
    ai_env(SECRET_KEY="secret-one")
    awa = people[0]
    token = unsubscribe_token(awa)
    assert in_write(do_unsubscribe, token=token, now=NOW) == awa
    assert in_write(do_unsubscribe, token=token, now=NOW) == awa
    assert in_read(opted_out_ids, channel="email") == {awa}
    assert in_read(opted_out_ids, channel="whatsapp") == set()
    assert [(c.channel, c.source) for c in consents(awa)] == [("email", "email link")]
    assert in_write(do_unsubscribe, token=unsubscribe_token(999_999), now=NOW) is None  # no such contact

