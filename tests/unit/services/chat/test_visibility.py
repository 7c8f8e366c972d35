"""Unverified chat identities: nobody's past, only their own messages and newer ones (issue 11, item 3)."""

from __future__ import annotations

from datetime import timedelta

from itsdangerous import URLSafeSerializer
from sqlmodel import select

from afroboost.db import in_read, in_write
from afroboost.models import AIConfig, ChatMessage, Conversation
from afroboost.services.assistant.context import build_prompt
from afroboost.services.chat.identity import identity_from_token, identity_token
from afroboost.services.chat.messages import (
    do_claim_and_join,
    do_ensure_assistant_conversation,
    do_post_message,
    rooms_for,
)
from afroboost.services.chat.private import do_open_private, private_threads
from afroboost.services.chat.visibility import Viewer, room_history
from afroboost.settings import get_secret_key
from tests.factories import NOW

PAST = NOW - timedelta(days=3)


def _member(name: str) -> int:
    claim = in_write(do_claim_and_join, first_name=name, contact=f"{name.lower()}@exemple.ch")
    assert claim.token
    return claim.contact_id


def _viewer(cid: int, at=NOW) -> Viewer:
    return Viewer.unverified(cid, at.timestamp())


def _add(conv_id: int, body: str, at, kind="member", contact_id=None) -> None:
    def add(s):
        s.add(ChatMessage(conversation_id=conv_id, sender_kind=kind, contact_id=contact_id, sender_name="x",
                          body=body, created_at=at))
    in_write(add)


def test_claiming_an_existing_contact_gives_no_identity_and_nothing_about_it(db):
    awa = _member("Awa")
    claim = in_write(do_claim_and_join, first_name="Mallory", contact="AWA@exemple.ch")
    assert (claim.token, claim.name, claim.contact_id) == ("", "", awa)  # the id stays on the server


def test_tokens_carry_verified_and_issue_time_and_old_ones_count_as_unverified(db):
    ident = identity_from_token(identity_token(7, verified=True, issued_at=NOW.timestamp()))
    assert (ident.contact_id, ident.verified, ident.issued_at) == (7, True, NOW.timestamp())
    assert identity_from_token(identity_token(7)).verified is False
    legacy = URLSafeSerializer(get_secret_key(), salt="afroboost.chat-identity").dumps({"c": 7})
    assert identity_from_token(legacy) == type(ident)(7, False, 0.0)
    forged = URLSafeSerializer(get_secret_key(), salt="afroboost.chat-identity").dumps({"c": 7, "v": 1})
    assert identity_from_token(forged).verified is False  # « verified » without an issue time is not


def test_an_unverified_viewer_sees_its_own_and_newer_messages_only(db):
    awa, kofi = _member("Awa"), _member("Kofi")
    community = next(r for r in in_read(rooms_for, contact_id=awa) if r.kind == "group").id
    _add(community, "secret d'avant", PAST, contact_id=awa)
    _add(community, "mon vieux message", PAST, contact_id=kofi)
    _add(community, "bienvenue à tous", NOW + timedelta(minutes=1), contact_id=awa)
    rows, whole = in_read(room_history, conversation_id=community, viewer=_viewer(kofi))
    assert not whole and [m.body for m in rows] == ["mon vieux message", "bienvenue à tous"]
    rows, whole = in_read(room_history, conversation_id=community, viewer=None)  # verified: everything
    assert whole and len(rows) == 3
    # A brand-new contact's own assistant conversation holds nothing older: the shared room is fine.
    conv = in_write(do_ensure_assistant_conversation, contact_id=kofi)
    in_write(do_post_message, contact_id=kofi, conversation_id=conv.id, body="salut", now=NOW + timedelta(seconds=1))
    assert in_read(room_history, conversation_id=conv.id, viewer=_viewer(kofi))[1] is True


def test_private_threads_and_previews_hide_what_came_before(db):
    awa, kofi = _member("Awa"), _member("Kofi")
    dm = in_write(do_open_private, contact_id=awa, other_id=kofi)
    _add(dm.id, "mon code wifi est 1234", PAST, contact_id=kofi)
    assert [t.unread for t in in_read(private_threads, contact_id=awa)] == [1]
    assert in_read(private_threads, contact_id=awa, viewer=_viewer(awa)) == []  # not even that it exists
    _add(dm.id, "tu viens ce soir ?", NOW + timedelta(minutes=1), contact_id=kofi)
    [thread] = in_read(private_threads, contact_id=awa, viewer=_viewer(awa))
    assert thread.unread == 1  # the new one only


def test_the_assistant_is_not_given_the_history_an_unverified_viewer_may_not_read(db):
    in_write(lambda s: s.add(AIConfig(id=1, enabled=True)))
    awa = _member("Awa")
    conv = in_read(lambda s: s.exec(select(Conversation).where(Conversation.contact_id == awa)
                                    .where(Conversation.kind == "assistant")).one())
    _add(conv.id, "mon adresse est rue du Lac 5", PAST, contact_id=awa)
    _add(conv.id, "Noté, rue du Lac 5 !", PAST + timedelta(seconds=5), kind="ai")

    def prompt(viewer):
        return in_read(lambda s: build_prompt(s, conversation=s.get(Conversation, conv.id), user_text="où j'habite ?",
                                              now=NOW, viewer=viewer))
    assert "Noté, rue du Lac 5" in str(prompt(None).messages)
    seen = str(prompt(_viewer(awa)).messages)
    assert "Noté, rue du Lac 5" not in seen and "mon adresse est rue du Lac 5" in seen  # its own words only
