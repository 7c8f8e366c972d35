"""💬 Conversations tab tools: chat links (STRICT/STANDARD), community groups, Agent IA settings."""

from __future__ import annotations

import pytest
from sqlmodel import select

from afroboost.db import in_read, in_write, write_session
from afroboost.models import AIConfig, ChatLink, Conversation, SiteConcept
from afroboost.services import ServiceError
from afroboost.services.assistant.ai import AISettings, access_ai_settings, do_save_ai_settings
from afroboost.services.assistant.context import ai_enabled, campaign_prompt, link_prompt
from afroboost.services.chat.conversations import do_delete_conversation
from afroboost.services.chat.groups import (
    access_group_members,
    access_groups,
    access_member_candidates,
    do_add_member,
    do_create_group,
    do_remove_member,
    do_rename_group,
)
from afroboost.services.chat.links import access_chat_links, do_create_chat_link, do_delete_chat_link
from afroboost.services.chat.messages import do_ensure_default_groups
from afroboost.services.contacts.contacts import do_upsert_contact
from afroboost.services.forms import FormInvalid, error_messages
from afroboost.settings import get_settings
from tests import frdate
from tests.factories import NOW, person


# --- chat links ------------------------------------------------------------------------------
def test_link_with_a_prompt_is_strict_and_has_a_full_unguessable_url(db):
    strict = in_write(do_create_chat_link, title="  Partenaires  Lausanne ", custom_prompt=" Parle du concept.\n\n\n",
                      now=NOW)
    plain = in_write(do_create_chat_link, title="Pub Instagram", custom_prompt="   ")
    assert strict.custom_prompt == "Parle du concept." and plain.custom_prompt is None
    assert len(strict.token) >= 20 and strict.token != plain.token
    rows = {r.title: r for r in in_read(access_chat_links)}
    assert set(rows) == {"Partenaires Lausanne", "Pub Instagram"}
    assert rows["Partenaires Lausanne"].strict and not rows["Pub Instagram"].strict
    assert rows["Partenaires Lausanne"].url == get_settings().site_url.rstrip("/") + f"/chat/l/{strict.token}"
    assert rows["Partenaires Lausanne"].prompt == "Parle du concept."
    assert rows["Partenaires Lausanne"].created == f"Créé le {frdate.dotted(NOW)}"  # « 01.12.2026 » by default
    conv = Conversation(kind="assistant", link_id=strict.id)
    assert in_read(link_prompt, conversation=conv) == "Parle du concept."  # what the assistant will obey


def test_link_form_is_checked(db):
    with pytest.raises(FormInvalid) as e:
        in_write(do_create_chat_link, title=" ", custom_prompt="x" * 8001)
    assert error_messages(e.value) == {"title": "Ce champ est obligatoire.",
                                       "custom_prompt": "8000 caractères maximum."}
    assert in_read(access_chat_links) == []


def test_deleted_link_leaves_the_list_but_its_conversations_stay_strict(db):
    link = in_write(do_create_chat_link, title="Partenaires", custom_prompt="Aucun prix.")
    with write_session() as s:
        conv = Conversation(kind="assistant", link_id=link.id)
        s.add(conv)
    assert in_read(access_chat_links)[0].conversations == 1
    assert in_write(do_delete_chat_link, link_id=link.id, now=NOW) == "Partenaires"
    assert in_read(access_chat_links) == []
    assert in_read(lambda s: s.get(ChatLink, link.id)).deleted_at is not None
    assert in_read(link_prompt, conversation=conv) == "Aucun prix."
    for bad in (link.id, 0, 424242):
        with pytest.raises(ServiceError, match="coach_link_unknown"):
            in_write(do_delete_chat_link, link_id=bad)


# --- community groups -------------------------------------------------------------------------
def _contact(n: int, **kw) -> int:
    with write_session() as s:
        return do_upsert_contact(s, person=person(n, **kw)).id


def test_groups_list_defaults_first_with_member_counts(db):
    in_write(do_ensure_default_groups)
    lionnes = in_write(do_create_group, title="Les Lionnes")
    awa = _contact(1)
    in_write(do_add_member, group_id=lionnes.id, contact_id=awa)
    rows = in_read(access_groups)
    assert [(r.slug, r.is_default, r.members) for r in rows] == [
        ("community", True, 0), ("vip", True, 0), ("promo", True, 0), ("les-lionnes", False, 1)]


def test_group_slug_is_unique_and_stays_when_renamed(db):
    first = in_write(do_create_group, title="Les Lionnes")
    second = in_write(do_create_group, title="les  lionnes!")
    assert (first.slug, second.slug) == ("les-lionnes", "les-lionnes-2")
    in_write(do_delete_conversation, conversation_id=second.id)
    third = in_write(do_create_group, title="Les Lionnes")
    assert third.slug == "les-lionnes-3"  # a deleted group's slug is not given out again
    renamed = in_write(do_rename_group, group_id=first.id, title="  Lionnes  d'Afrique ")
    assert (renamed.title, renamed.slug) == ("Lionnes d'Afrique", "les-lionnes")
    assert [r.title for r in in_read(access_groups)] == ["Lionnes d'Afrique", "Les Lionnes"]


@pytest.mark.parametrize("title,key", [("", "form_required"), ("x" * 121, "form_too_long"),
                                       ("!!!", "coach_group_slug_empty")])
def test_group_title_is_checked(db, title, key):
    with pytest.raises(ServiceError) as e:
        in_write(do_create_group, title=title)
    assert e.value.key == key and e.value.field == "title"
    assert in_read(access_groups) == []


def test_rename_refuses_unknown_deleted_and_non_group_ids(db):
    group = in_write(do_create_group, title="Temp")
    with write_session() as s:
        assistant = Conversation(kind="assistant")
        s.add(assistant)
        s.flush()
        assistant_id = assistant.id
    in_write(do_delete_conversation, conversation_id=group.id)
    for bad in (group.id, assistant_id, 999):
        with pytest.raises(ServiceError, match="coach_group_unknown"):
            in_write(do_rename_group, group_id=bad, title="X")
        with pytest.raises(ServiceError, match="coach_group_unknown"):
            in_write(do_add_member, group_id=bad, contact_id=1)


def test_members_added_searched_and_removed(db):
    group = in_write(do_create_group, title="VIP Lausanne")
    awa = _contact(1, first_name="Awa", email="awa@example.ch")
    kofi = _contact(2, first_name="Kofi", last_name="Mensah")
    assert [m.id for m in in_read(access_member_candidates, group_id=group.id, query="AWA")] == [awa]
    assert in_write(do_add_member, group_id=group.id, contact_id=awa) == "Awa Diallo"
    in_write(do_add_member, group_id=group.id, contact_id=awa)  # twice: still one membership
    assert in_read(access_member_candidates, group_id=group.id, query="awa") == []  # already in
    assert in_read(access_member_candidates, group_id=group.id, query="") == []
    in_write(do_add_member, group_id=group.id, contact_id=kofi)
    members = in_read(access_group_members, group_id=group.id)
    assert [(m.name, m.detail) for m in members] == [("Awa Diallo", "awa@example.ch"), ("Kofi Mensah", "p2@example.ch")]
    assert in_read(access_groups)[0].members == 2
    assert in_write(do_remove_member, group_id=group.id, contact_id=awa) == "Awa Diallo"
    assert [m.id for m in in_read(access_group_members, group_id=group.id)] == [kofi]
    with pytest.raises(ServiceError, match="coach_contact_unknown"):
        in_write(do_add_member, group_id=group.id, contact_id=31337)


# --- Agent IA settings ------------------------------------------------------------------------
def test_ai_settings_default_then_saved_and_read_by_the_assistant(db):
    assert in_read(access_ai_settings) == AISettings(campaign_prompt="", twint_url="", enabled=True,
                                                     notify_ai_replies=False)
    saved = in_write(do_save_ai_settings, form=AISettings(campaign_prompt="  Mets en avant le stage.  ",
                                                          twint_url=" https://pay.twint.ch/afroboost ",
                                                          enabled=False, notify_ai_replies=True), now=NOW)
    assert saved == AISettings("Mets en avant le stage.", "https://pay.twint.ch/afroboost", False, True)
    assert in_read(access_ai_settings) == saved
    assert in_read(campaign_prompt) == "Mets en avant le stage." and in_read(ai_enabled) is False
    assert in_read(lambda s: s.get(SiteConcept, 1)).twint_url == "https://pay.twint.ch/afroboost"
    in_write(do_save_ai_settings, form=AISettings(twint_url="", enabled=True))
    assert in_read(access_ai_settings) == AISettings("", "", True, False)
    assert len(in_read(lambda s: s.exec(select(AIConfig)).all())) == 1


def test_ai_settings_refused_fields_store_nothing(db):
    in_write(do_save_ai_settings, form=AISettings(campaign_prompt="avant", twint_url="https://twint.ch/ok"))
    with pytest.raises(FormInvalid) as e:
        in_write(do_save_ai_settings, form=AISettings(campaign_prompt="x" * 8001, twint_url="http://twint.ch/pay",
                                                      enabled=False))
    assert error_messages(e.value) == {"campaign_prompt": "8000 caractères maximum.",
                                       "twint_url": "Le lien doit commencer par https:// (connexion sécurisée)."}
    assert in_read(access_ai_settings) == AISettings("avant", "https://twint.ch/ok", True, False)
    with pytest.raises(FormInvalid) as e:
        in_write(do_save_ai_settings, form=AISettings(twint_url="javascript:alert(1)"))
    assert set(error_messages(e.value)) == {"twint_url"}
