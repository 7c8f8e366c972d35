"""A stranger's script that picks its own websocket token reads no room, inbox or thread.

Reflex loads the state stored under the client token the socket names. Shared rooms and inboxes
used to live under `room-<id>` / `inbox-<id>` / `inbox-coach`, so a script connecting with such a
token received that conversation or that person's notifications. Now the handshake refuses any
token that is not a UUID (afroboost/api/guard.py) and every shared key is an HMAC under
SECRET_KEY (afroboost/keys.py): these tests speak the protocol as an anonymous client.
"""

from __future__ import annotations

import uuid

import pytest

from afroboost import texts
from afroboost.models import ChatMessage, Contact, Conversation, ConversationMember
from tests.e2e.conftest import e2e_session
from tests.wsclient import WsScript


@pytest.fixture
def victim():
    """A participant with a private assistant conversation and a group membership, each with a secret."""
    secret = f"Mon code d'entrée est {uuid.uuid4().hex[:8]}"
    with e2e_session() as s:
        person = Contact(first_name="Victime", last_name="Secrète", email=f"v.{uuid.uuid4().hex[:6]}@exemple.ch")
        s.add(person)
        s.flush()
        conv = Conversation(kind="assistant", contact_id=person.id, title="Victime")
        s.add(conv)
        s.flush()
        s.add(ConversationMember(conversation_id=conv.id, contact_id=person.id))
        s.add(ChatMessage(conversation_id=conv.id, sender_kind="member", contact_id=person.id,
                          sender_name="Victime", body=secret))
        s.commit()
        yield {"contact": person.id, "conversation": conv.id, "secret": secret}


@pytest.mark.parametrize("shape", ["room-{conversation}", "inbox-{contact}", "inbox-coach", "room-1",
                                   "{conversation}", "not-a-uuid", "x" * 36, "../../etc/passwd",
                                   "00000000-0000-0000-0000-000000000000"])
def test_a_crafted_token_is_refused_at_the_handshake(app_url, victim, shape):
    token = shape.format(**victim)
    with WsScript(app_url, token=token) as ws:
        assert ws.connect() is False, f"token {token!r} was accepted"
        ws.settle(0.5)
        assert ws.frames == [] and victim["secret"] not in ws.text()


def test_a_valid_token_still_cannot_open_someone_elses_conversation(app_url, victim):
    with WsScript(app_url) as ws:  # a fresh UUID, like any browser tab
        assert ws.connect(), ws.connect_error
        ws.emit("chat_room.open", conversation_id=victim["conversation"])
        ws.emit("private_room.open_thread", conversation_id=victim["conversation"])
        ws.emit("inbox.connect")
        ws.emit("inbox.connect_coach")
        ws.emit("chat_room.open_as_coach", conversation_id=victim["conversation"])
        ws.wait_for(lambda: texts.err("chat_not_member") in ws.text(), what="the refusal")
        ws.settle(1.0)
        assert victim["secret"] not in ws.text()
        assert ws.var("chat_room", "conversation_id", 0) in (0, None)
        assert not ws.var("inbox", "threads")
