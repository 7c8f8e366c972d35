"""Chat handlers under their limits: messages (kept in the composer when refused), cheap typing events."""

from __future__ import annotations

import uuid

import reflex as rx
from reflex.istate.data import RouterData
from sqlmodel import select

import afroboost.afroboost  # noqa: F401  (registers every page and state)
from afroboost import texts
from afroboost.db import in_read
from afroboost.models import ChatMessage
from afroboost.state.chat import ChatIdentity
from afroboost.state.chat.private import DM_COMPOSER_ID, PrivateRoom
from afroboost.state.chat.room import COMPOSER_ID, ChatRoom
from tests.unit.services.chat.test_privacy import _community, _member
from tests.unit.services.test_throttle import limits_env  # noqa: F401  (fixture)


def _tab(contact_id: int, name: str, conversation_id: int, cls=ChatRoom):
    root = rx.State()
    root.router_data = {"token": str(uuid.uuid4()), "ip": "198.51.100.20", "pathname": "/chat"}
    root.router = RouterData.from_router_data(root.router_data)
    for sub in root.substates.values():
        sub.router = root.router
    me = root.get_substate(ChatIdentity.get_full_name().split(".")[1:])
    me._contact_id, me.name = contact_id, name
    room = root.get_substate(cls.get_full_name().split(".")[1:])
    room.conversation_id = conversation_id
    return room


def _bodies(conversation_id: int) -> list[str]:
    return in_read(lambda s: list(s.exec(select(ChatMessage.body).where(ChatMessage.conversation_id == conversation_id)
                                         .order_by(ChatMessage.id)).all()))


def _set_value(events, input_id: str) -> bool:
    """An rx.set_value(input_id, …) among the events (Reflex names the input's ref `ref_<id with _>`)."""
    ref = "ref_" + input_id.replace("-", "_")
    return any("_set_value" in str(e) and ref in str(e) for e in events)


async def test_a_refused_message_is_not_stored_and_goes_back_into_the_composer(db, limits_env):  # noqa: F811
    limits_env(LIMIT_CHAT_MESSAGE="2/minute")
    awa, group = _member(1, "Awa", "Koné"), _community()
    room = _tab(awa, "Awa K.", group)
    for body in ("un", "deux"):
        assert await room.send({"body": body}) is None
    events = await room.send({"body": "trois, refusé"})
    assert any(texts.err("chat_too_many") in str(e) for e in events)
    assert _set_value(events, COMPOSER_ID) and any("trois, refusé" in str(e) for e in events)
    assert _bodies(group) == ["un", "deux"]


async def test_private_messages_are_limited_too(db, limits_env):  # noqa: F811
    from afroboost.db import in_write
    from afroboost.services.chat.private import do_open_private

    limits_env(LIMIT_CHAT_MESSAGE="1/minute")
    awa, kofi = _member(1, "Awa", "Koné"), _member(2, "Kofi", "Mensah")
    pair = in_write(do_open_private, contact_id=awa, other_id=kofi).id
    dm = _tab(awa, "Awa K.", pair, PrivateRoom)
    assert await dm.send({"body": "coucou"}) is None
    events = await dm.send({"body": "encore"})
    assert _set_value(events, DM_COMPOSER_ID) and _bodies(pair) == ["coucou"]


async def test_typing_pushes_only_when_someone_starts_and_runs_one_sweeper(db, limits_env):  # noqa: F811
    room = _tab(1, "Awa K.", 42)
    first = await room.typed("a")
    assert first is not None and "expire_typing" in str(first)  # the room's sweeper starts
    assert [t.name for t in room.typing] == ["Awa K."]
    room.dirty_vars.clear()
    for _ in range(5):  # more keystrokes: no new task, nothing pushed (only a backend deadline moves)
        assert await room.typed("ab") is None
    assert "typing" not in room.dirty_vars
    other = _tab(2, "Kofi M.", 42)
    other._sweep_until, other._typing_until, other.typing = room._sweep_until, room._typing_until, room.typing
    assert await other.typed("b") is None  # a second typist, same room: still the one sweeper
    assert [t.name for t in other.typing] == ["Awa K.", "Kofi M."]


async def test_typing_events_are_limited(db, limits_env):  # noqa: F811
    limits_env(LIMIT_TYPING="3/minute")
    room = _tab(1, "Awa K.", 42)
    for _ in range(3):
        await room.typed("a")
    until = dict(room._typing_until)
    assert await room.typed("a") is None and room._typing_until == until  # dropped: nothing moved


async def test_the_sweeper_has_an_id_a_crafted_call_cannot_know(db):
    room = _tab(1, "Awa K.", 42)
    started = await room.typed("a")
    assert room._sweeper and room._sweeper in str(started)  # passed from the server, never from the browser


async def test_assistant_requests_are_limited_per_tab_whatever_the_identity(db, limits_env):  # noqa: F811
    """Fresh identities in one tab do not get fresh assistant requests (the per-identity budget is apart)."""
    from afroboost.db import in_write
    from afroboost.services.chat.messages import do_ensure_assistant_conversation

    limits_env(LIMIT_AI_REQUEST="1/minute")
    awa, kofi = _member(1, "Awa", "Koné"), _member(2, "Kofi", "Mensah")
    room = _tab(awa, "Awa K.", in_write(do_ensure_assistant_conversation, contact_id=awa).id)
    room.kind = "assistant"
    assert "ai_reply" in str(await room.send({"body": "Quels cours ?"}))
    me = await room.get_state(ChatIdentity)
    me._ai_pending, me._contact_id = None, kofi  # the same tab, as someone new
    room.conversation_id = in_write(do_ensure_assistant_conversation, contact_id=kofi).id
    refused = await room.send({"body": "Et le prix ?"})
    assert texts.err("ai_too_many") in str(refused) and me._ai_pending is None
    assert _bodies(room.conversation_id) == ["Et le prix ?"]  # stored: the coach sees it
