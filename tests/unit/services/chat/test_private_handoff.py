"""Private messages (who may write to whom, unread counts, who hears of what) and the handoff to the coach."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write
from afroboost.models import AIConfig, ChatLink, ChatMessage, Conversation, ConversationMember, ConversationStatus
from afroboost.services import ServiceError
from afroboost.services.chat.entry import do_enter_link
from afroboost.services.chat.handoff import (
    do_clear_history,
    do_hand_back,
    do_post_as_coach,
    do_request_coach,
    do_route_to_coach,
)
from afroboost.services.chat.messages import do_identify_and_join, do_post_message
from afroboost.services.chat.private import COACH, do_mark_read, do_open_private, private_threads, recipients
from tests.factories import NOW


def _join(name: str) -> int:
    cid, _token, _name = in_write(do_identify_and_join, first_name=name, contact=f"{name.lower()}@exemple.ch")
    return cid


def _assistant_conv(cid: int) -> Conversation:
    return in_read(lambda s: s.exec(select(Conversation).where(Conversation.contact_id == cid)
                                    .where(Conversation.kind == "assistant")).one())


def test_private_only_between_people_who_share_a_group(db):
    awa, kofi = _join("Awa"), _join("Kofi")
    conv = in_write(do_open_private, contact_id=awa, other_id=kofi)
    assert in_write(do_open_private, contact_id=kofi, other_id=awa).id == conv.id  # one conversation per pair
    # Someone outside every group of Awa's: refused, whatever id a crafted event names.
    lone = _join("Lone")
    in_write(lambda s: [s.delete(m) for m in s.exec(select(ConversationMember)
                                                     .where(ConversationMember.contact_id == lone)).all()])
    with pytest.raises(ServiceError):
        in_write(do_open_private, contact_id=awa, other_id=lone)
    with pytest.raises(ServiceError):
        in_write(do_open_private, contact_id=awa, other_id=awa)
    with pytest.raises(ServiceError):
        in_write(do_open_private, contact_id=awa, other_id=999_999)
    # The coach is always reachable.
    coach_dm = in_write(do_open_private, contact_id=lone, other_id=COACH)
    assert coach_dm.slug == f"dm-coach-{lone}"


def test_unread_counts_and_mark_read(db):
    awa, kofi = _join("Awa"), _join("Kofi")
    conv = in_write(do_open_private, contact_id=awa, other_id=kofi)
    for i in range(3):
        in_write(do_post_message, contact_id=awa, conversation_id=conv.id, body=f"coucou {i}",
                 now=NOW + timedelta(seconds=i))
    [kofi_view] = in_read(private_threads, contact_id=kofi)
    assert (kofi_view.title, kofi_view.unread) == ("Awa", 3)
    [awa_view] = in_read(private_threads, contact_id=awa)
    assert (awa_view.title, awa_view.unread) == ("Kofi", 0)  # one's own messages are never unread
    in_write(do_mark_read, contact_id=kofi, conversation_id=conv.id, now=NOW + timedelta(minutes=1))
    in_write(do_post_message, contact_id=awa, conversation_id=conv.id, body="encore", now=NOW + timedelta(minutes=2))
    assert in_read(private_threads, contact_id=kofi)[0].unread == 1


def test_who_hears_of_a_message(db):
    awa, kofi = _join("Awa"), _join("Kofi")

    def audience(conv_id: int, kind: str, sender: int):
        return in_read(recipients, conversation_id=conv_id, sender_kind=kind, sender_id=sender)

    dm = in_write(do_open_private, contact_id=awa, other_id=kofi)
    assert audience(dm.id, "member", awa) == ([kofi], False, True)  # the coach does not read members' DMs
    coach_dm = in_write(do_open_private, contact_id=awa, other_id=COACH)
    assert audience(coach_dm.id, "member", awa) == ([], True, True)
    assert audience(coach_dm.id, "coach", 0) == ([awa], False, True)
    own = _assistant_conv(awa)
    assert audience(own.id, "member", awa) == ([], True, False)
    assert audience(own.id, "ai", 0) == ([awa], False, False)
    in_write(lambda s: s.add(AIConfig(id=1, notify_ai_replies=True)))  # « notifier aussi les réponses IA »
    assert audience(own.id, "ai", 0) == ([awa], True, False)


def test_coach_reply_pauses_the_assistant_until_handed_back(db):
    awa = _join("Awa")
    own = _assistant_conv(awa)
    assert own.status == ConversationStatus.ai.value
    msg = in_write(do_post_as_coach, conversation_id=own.id, body="Salut Awa, c'est le coach !")
    assert (msg.sender_kind, msg.sender_name) == ("coach", "Coach Bassi")
    assert in_read(lambda s: s.get(Conversation, own.id).status) == "coach"
    back = in_write(do_hand_back, conversation_id=own.id)
    assert back is not None and back.sender_kind == "system"
    assert in_read(lambda s: s.get(Conversation, own.id).status) == "ai"
    assert in_write(do_hand_back, conversation_id=own.id) is None  # already with the assistant


def test_ask_for_the_coach_only_in_ones_own_conversation(db):
    awa, kofi = _join("Awa"), _join("Kofi")
    own = _assistant_conv(awa)
    with pytest.raises(ServiceError):
        in_write(do_request_coach, contact_id=kofi, conversation_id=own.id)
    note = in_write(do_request_coach, contact_id=awa, conversation_id=own.id)
    assert note is not None and in_read(lambda s: s.get(Conversation, own.id).status) == "waiting"
    assert in_write(do_request_coach, contact_id=awa, conversation_id=own.id) is None  # asked once
    # Without the assistant, the conversation waits for the coach.
    other = _assistant_conv(kofi)
    assert in_write(do_route_to_coach, conversation_id=other.id) == "waiting"


def test_clear_history_and_links(db):
    awa = _join("Awa")
    own = _assistant_conv(awa)
    in_write(do_post_message, contact_id=awa, conversation_id=own.id, body="un")
    in_write(do_post_message, contact_id=awa, conversation_id=own.id, body="deux")
    assert in_write(do_clear_history, conversation_id=own.id) == 2
    assert in_read(lambda s: s.exec(select(ChatMessage).where(ChatMessage.conversation_id == own.id)).all()) == []
    in_write(lambda s: s.add(ChatLink(token="tok-lionnes", title="Les Lionnes", custom_prompt="Parle de yoga.")))
    first = in_write(do_enter_link, contact_id=awa, token="tok-lionnes")
    assert first != own.id and in_write(do_enter_link, contact_id=awa, token="tok-lionnes") == first
    assert in_read(lambda s: s.get(Conversation, first).title) == "Les Lionnes"
    with pytest.raises(ServiceError):
        in_write(do_enter_link, contact_id=awa, token="inconnu")
    in_write(lambda s: setattr(s.exec(select(ChatLink)).one(), "deleted_at", NOW))
    with pytest.raises(ServiceError):
        in_write(do_enter_link, contact_id=awa, token="tok-lionnes")
