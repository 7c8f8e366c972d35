"""Chat identity (signed, deduplicated) and who may read/write which conversation."""

from __future__ import annotations

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write
from afroboost.models import ChatMessage
from afroboost.services import ServiceError
from afroboost.services.chat.identity import contact_id_from_token, do_claim, do_identify, identity_token
from afroboost.services.chat.messages import (
    access_conversation,
    do_ensure_assistant_conversation,
    do_ensure_default_groups,
    do_join_group,
    do_post_message,
    recent_messages,
    rooms_for,
)
from tests.factories import NOW


def _person(name="Awa", contact="awa@example.ch"):
    contact_row, token = in_write(do_identify, first_name=name, contact=contact)
    return contact_row.id, token


def test_identity_is_signed_and_deduplicated(db):
    cid, token = _person()
    assert contact_id_from_token(token) == cid
    claim, row = in_write(do_claim, first_name="Awa", contact="AWA@example.ch")
    assert (claim.contact_id, claim.token, row) == (cid, "", None)  # one person = one contact, proven by a code
    forged = identity_token(cid)[:-2] + "xx"
    assert contact_id_from_token(forged) is None
    assert contact_id_from_token("not a token") is None
    assert contact_id_from_token(None) is None
    by_phone, _ = _person("Kofi", "079 555 12 34")
    assert by_phone != cid


@pytest.mark.parametrize("name,contact,key", [("", "a@b.ch", "first_name_required"),
                                              ("Awa", "", "chat_contact_required"),
                                              ("Awa", "pas un contact", "chat_contact_invalid")])
def test_identify_refuses_bad_input(db, name, contact, key):
    with pytest.raises(ServiceError) as exc:
        in_write(do_identify, first_name=name, contact=contact)
    assert exc.value.key == key


def test_only_members_read_and_write_a_group(db):
    awa, _ = _person()
    intruder, _ = _person("Intrus", "intrus@example.ch")
    in_write(do_ensure_default_groups)
    in_write(do_join_group, contact_id=awa, slug="vip")
    vip = next(r for r in in_read(rooms_for, contact_id=awa) if r.title == "VIP")
    msg = in_write(do_post_message, contact_id=awa, conversation_id=vip.id, body="  Salut la team  ", now=NOW)
    assert msg.body == "Salut la team" and msg.sender_name == "Awa"
    with pytest.raises(ServiceError) as exc:
        in_write(do_post_message, contact_id=intruder, conversation_id=vip.id, body="je m'invite")
    assert exc.value.key == "chat_not_member"
    with pytest.raises(ServiceError):
        in_read(access_conversation, contact_id=intruder, conversation_id=vip.id)
    assert [m.body for m in in_read(recent_messages, conversation_id=vip.id)] == ["Salut la team"]
    assert in_read(lambda s: len(s.exec(select(ChatMessage)).all())) == 1


def test_assistant_conversation_is_private_to_its_participant(db):
    awa, _ = _person()
    other, _ = _person("Léa", "lea@example.ch")
    conv = in_write(do_ensure_assistant_conversation, contact_id=awa)
    assert in_write(do_ensure_assistant_conversation, contact_id=awa).id == conv.id
    assert in_read(access_conversation, contact_id=awa, conversation_id=conv.id).id == conv.id
    with pytest.raises(ServiceError):
        in_write(do_post_message, contact_id=other, conversation_id=conv.id, body="hello")


@pytest.mark.parametrize("body,key", [("   ", "chat_empty"), ("x" * 2001, "chat_too_long")])
def test_empty_and_too_long_messages_are_refused(db, body, key):
    awa, _ = _person()
    conv = in_write(do_ensure_assistant_conversation, contact_id=awa)
    with pytest.raises(ServiceError) as exc:
        in_write(do_post_message, contact_id=awa, conversation_id=conv.id, body=body)
    assert exc.value.key == key
