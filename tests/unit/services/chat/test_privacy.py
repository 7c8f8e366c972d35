"""Members see each other as « Awa K. »; the coach moderates members' private threads but never writes in them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from afroboost import texts
from afroboost.db import in_read, in_write, write_session
from afroboost.models import ChatMessage, Contact, Conversation
from afroboost.services import ServiceError
from afroboost.services.chat.conversations import access_conversations
from afroboost.services.chat.handoff import do_delete_message, do_post_as_coach
from afroboost.services.chat.messages import (
    display_name,
    do_ensure_default_groups,
    do_join_group,
    do_post_message,
    recent_messages,
)
from afroboost.services.chat.private import (
    COACH,
    do_open_private,
    is_member_pair,
    pair_title,
    private_threads,
    private_title,
)
from afroboost.services.chat.visibility import Viewer, room_history
from afroboost.services.contacts.contacts import do_upsert_contact
from tests.factories import NOW, person


@pytest.mark.parametrize("first, last, shown", [
    ("Awa", "Koné", "Awa K."), ("Awa", "", "Awa"), ("  Kofi  ", "mensah", "Kofi M."),
    ("Marie Claire", "de Souza", "Marie Claire D."), ("Yaw", "'t Hooft", "Yaw T."), ("", "", "Contact sans nom"),
])
def test_members_are_shown_by_first_name_and_initial(first, last, shown):
    assert display_name(Contact(first_name=first, last_name=last)) == shown


def _member(n: int, first: str, last: str) -> int:
    with write_session() as s:
        cid = do_upsert_contact(s, person=person(n, first_name=first, last_name=last)).id
        do_ensure_default_groups(s)
        do_join_group(s, contact_id=cid, slug="community")
        return cid


def _community() -> int:
    return in_read(lambda s: s.exec(select(Conversation.id).where(Conversation.slug == "community")).one())


def test_group_bubbles_never_carry_a_surname_even_for_old_messages(db):
    awa = _member(1, "Awa", "Koné")
    group = _community()
    sent = in_write(do_post_message, contact_id=awa, conversation_id=group, body="Salut !", now=NOW)
    with write_session() as s:  # written before the change: the full name was stored
        s.add(ChatMessage(conversation_id=group, sender_kind="member", contact_id=awa, sender_name="Awa Koné",
                          body="Ancien message", created_at=NOW))
    assert sent.sender_name == "Awa K."
    views = in_read(recent_messages, conversation_id=group)
    assert [v.sender_name for v in views] == ["Awa K.", "Awa K."]
    assert "Koné" not in repr(views)
    # What the rooms really load (state/chat/room.py): also for a newcomer on their own copy.
    kofi = _member(2, "Kofi", "Mensah")
    for viewer in (None, Viewer(kofi, NOW - timedelta(hours=1)), Viewer(kofi, NOW + timedelta(hours=1))):
        shown, _whole = in_read(room_history, conversation_id=group, viewer=viewer)
        assert "Koné" not in repr(shown) and {v.sender_name for v in shown} <= {"Awa K.", "Kofi M."}, viewer


def test_private_titles_and_the_coach_list_use_names_not_slugs(db):
    awa, kofi = _member(1, "Awa", "Koné"), _member(2, "Kofi", "Mensah")
    pair = in_write(do_open_private, contact_id=awa, other_id=kofi)
    with write_session() as s:
        conv = s.get(Conversation, pair.id)
        assert conv.slug.startswith("dm-") and is_member_pair(conv)
        assert private_title(s, conv, awa) == "Kofi M." and private_title(s, conv, kofi) == "Awa K."
    assert [t.title for t in in_read(private_threads, contact_id=awa)] == ["Kofi M."]
    assert in_read(pair_title, conversation_id=pair.id) == "Awa K. ↔ Kofi M."
    row = next(r for r in in_read(access_conversations, now=NOW).rows if r.id == pair.id)
    assert row.title == "Awa K. ↔ Kofi M." and "dm-" not in row.title


def test_the_coach_never_posts_into_two_members_private_thread(db):
    awa, kofi = _member(1, "Awa", "Koné"), _member(2, "Kofi", "Mensah")
    pair = in_write(do_open_private, contact_id=awa, other_id=kofi).id
    with pytest.raises(ServiceError) as exc:
        in_write(do_post_as_coach, conversation_id=pair, body="Bonjour à vous deux")
    assert exc.value.key == "coach_private_pair" and texts.err(exc.value.key) != texts.err("generic")
    assert in_read(recent_messages, conversation_id=pair) == []
    to_coach = in_write(do_open_private, contact_id=awa, other_id=COACH).id  # her thread with the coach: fine
    assert in_write(do_post_as_coach, conversation_id=to_coach, body="Je t'écoute").sender_kind == "coach"


def test_the_coach_deletes_one_message_of_a_members_thread(db):
    awa, kofi = _member(1, "Awa", "Koné"), _member(2, "Kofi", "Mensah")
    pair = in_write(do_open_private, contact_id=awa, other_id=kofi).id
    bad = in_write(do_post_message, contact_id=awa, conversation_id=pair, body="insulte", now=NOW)
    ok = in_write(do_post_message, contact_id=kofi, conversation_id=pair, body="bonjour", now=NOW)
    assert not in_write(do_delete_message, conversation_id=_community(), message_id=bad.id)  # wrong room: no-op
    assert in_write(do_delete_message, conversation_id=pair, message_id=bad.id)
    assert [v.id for v in in_read(recent_messages, conversation_id=pair)] == [ok.id]
