"""The coach's 💬 Conversations tab: chat links, groups, search, Agent IA settings, contacts CSV.

Each test seeds its own uniquely named rows (straight into the e2e database) and leaves the
shared settings as it found them.
"""

from __future__ import annotations

import os
import pathlib
import random
import uuid
from datetime import timedelta

import sqlalchemy as sa
from playwright.sync_api import Page, expect

from afroboost import texts
from afroboost.db import utc_now, write_session
from afroboost.models import ChatMessage, Contact, Conversation
from tests.e2e.test_coach_journey import coach_sign_in

SHOTS = os.environ.get("AFRO_SHOTS_DIR")  # set to keep screenshots for a human look


def _shot(target, name: str, **kw) -> None:
    """Keep a screenshot (page or element) when AFRO_SHOTS_DIR is set."""
    if SHOTS:
        pathlib.Path(SHOTS).mkdir(parents=True, exist_ok=True)
        target.screenshot(path=f"{SHOTS}/{name}.png", **kw)


def _tab(page: Page, app_url: str) -> None:
    coach_sign_in(page, app_url)
    page.get_by_test_id("tab-bar").get_by_test_id("tab-conversations").click()
    expect(page.get_by_test_id("panel-conversations")).to_be_visible()


def _contact(db_url: str, first_name: str, **kw) -> int:
    with write_session(db_url) as s:
        row = Contact(first_name=first_name, last_name=kw.pop("last_name", "Testeuse"),
                      phone=f"+4179{random.randrange(10**6, 10**7)}", **kw)
        s.add(row)
        s.flush()
        return row.id


def _conversation(db_url: str, contact_id: int, question: str) -> int:
    """An assistant conversation waiting for the coach, with a question and the assistant's reply."""
    with write_session(db_url) as s:
        conv = Conversation(kind="assistant", contact_id=contact_id, title="Coach Bassi", status="waiting")
        s.add(conv)
        s.flush()
        s.add(ChatMessage(conversation_id=conv.id, sender_kind="member", contact_id=contact_id,
                          sender_name="Awa", body=question))
        s.add(ChatMessage(conversation_id=conv.id, sender_kind="ai", sender_name="Coach Bassi",
                          body="Je préviens le coach, il te répond ici."))
        conv.last_message_at = utc_now()
        s.add(conv)
        return conv.id


def test_strict_link_is_listed_copied_and_deleted_after_confirmation(desktop: Page, app_url: str):
    page, title = desktop, f"Partenaires {uuid.uuid4().hex[:6]}"
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    _tab(page, app_url)
    page.get_by_test_id("link-create").click()
    expect(page.get_by_test_id("error-link-title")).to_have_text("Ce champ est obligatoire.")
    page.get_by_test_id("input-link-title").fill(title)
    page.get_by_test_id("new-link-custom-prompt").fill("Parle uniquement de la collaboration, jamais des prix.")
    page.get_by_test_id("link-create").click()
    row = page.get_by_test_id("link-row").filter(has_text=title)
    expect(row.get_by_test_id("link-mode")).to_have_text("STRICT")
    url = row.get_by_test_id("link-url").inner_text()
    assert url.startswith(app_url + "/chat/l/") and len(url) > len(app_url + "/chat/l/") + 16
    expect(page.get_by_test_id("input-link-title")).to_have_value("")  # ready for the next one
    _shot(page.get_by_test_id("chat-links-card"), "links-card-1280")

    row.get_by_test_id("link-copy").click()
    expect(page.get_by_text(texts.LINK_COPIED)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url

    row.get_by_test_id("link-delete").click()
    expect(row.get_by_test_id("link-delete-sure")).to_contain_text("Êtes-vous sûr ?")
    row.get_by_test_id("link-delete-keep").click()  # changed my mind: still there
    expect(row.get_by_test_id("link-url")).to_have_text(url)
    row.get_by_test_id("link-delete").click()
    row.get_by_test_id("link-delete-confirm").click()
    expect(page.get_by_test_id("link-row").filter(has_text=title)).to_have_count(0)
    page.reload()
    page.get_by_test_id("tab-bar").get_by_test_id("tab-conversations").click()
    expect(page.get_by_test_id("chat-links-card")).to_be_visible()
    expect(page.get_by_test_id("link-row").filter(has_text=title)).to_have_count(0)


def test_group_created_renamed_and_given_a_member(desktop: Page, app_url: str, e2e_db_url: str):
    page, tag = desktop, uuid.uuid4().hex[:6]
    member = f"Nala{tag}"
    _contact(e2e_db_url, member, email=f"nala.{tag}@exemple.ch")
    _tab(page, app_url)
    expect(page.get_by_test_id("group-row").filter(has_text="Communauté Afroboost")).to_be_visible()
    page.get_by_test_id("new-community-name").fill(f"Les Lionnes {tag}")
    page.get_by_test_id("group-create").click()
    row = page.get_by_test_id("group-row").filter(has_text=f"Les Lionnes {tag}")
    expect(row.get_by_test_id("group-member-count")).to_have_text("0 membre(s)")

    row.get_by_test_id("group-rename").click()
    page.get_by_test_id("group-rename-input").fill(f"Lionnes d'Afrique {tag}")
    page.get_by_test_id("group-rename-save").click()
    row = page.get_by_test_id("group-row").filter(has_text=f"Lionnes d'Afrique {tag}")
    expect(row.get_by_test_id("group-title")).to_have_text(f"Lionnes d'Afrique {tag}")

    row.get_by_test_id("group-members").click()
    row.get_by_test_id("member-search").fill(member.upper())
    row.get_by_test_id("member-candidate").filter(has_text=member).get_by_test_id("member-add").click()
    expect(row.get_by_test_id("group-member")).to_have_count(1)
    expect(row.get_by_test_id("group-member")).to_contain_text(f"nala.{tag}@exemple.ch")
    expect(row.get_by_test_id("group-member-count")).to_have_text("1 membre(s)")
    _shot(page.get_by_test_id("groups-card"), "groups-card-1280")
    # The new group is a conversation too: the list on the left shows it.
    page.get_by_test_id("conversations-search").fill(f"Lionnes d'Afrique {tag}")
    expect(page.get_by_test_id("conversation-row")).to_have_count(1)
    expect(page.get_by_test_id("conversation-row")).to_contain_text("1 membre(s)")

    row.get_by_test_id("group-delete").click()
    row.get_by_test_id("group-delete-confirm").click()
    expect(page.get_by_test_id("group-row").filter(has_text=f"Lionnes d'Afrique {tag}")).to_have_count(0)
    expect(page.get_by_test_id("conversations-empty")).to_be_visible()


def test_search_finds_a_conversation_by_message_content_then_soft_delete(desktop: Page, app_url: str,
                                                                          e2e_db_url: str):
    page, tag = desktop, uuid.uuid4().hex[:6]
    awa = _contact(e2e_db_url, f"Awa{tag}")
    _conversation(e2e_db_url, awa, f"Bonjour, il reste un CASQUE {tag} pour jeudi ?")
    _tab(page, app_url)
    expect(page.get_by_test_id("conversations-count")).not_to_have_text("0 conversation(s)")
    page.get_by_test_id("conversations-search").fill(f"casque {tag.upper()}")
    rows = page.get_by_test_id("conversation-row")
    expect(rows).to_have_count(1)
    expect(page.get_by_test_id("conversations-count")).to_have_text("1 conversation(s)")
    expect(rows.get_by_test_id("conversation-title")).to_have_text(f"Awa{tag} Testeuse")
    expect(rows.get_by_test_id("conversation-status")).to_have_text("En attente")
    expect(rows.get_by_test_id("conversation-day")).to_have_text("Aujourd'hui")
    expect(rows.get_by_test_id("conversation-count")).to_have_text("2 message(s)")
    expect(rows.get_by_test_id("conversation-excerpt")).to_have_text("Coach Bassi : Je préviens le coach, il te "
                                                                     "répond ici.")
    rows.click()
    _shot(page, "conversations-1280", full_page=True)

    rows.get_by_test_id("conversation-delete").click()
    rows.get_by_test_id("conversation-delete-confirm").click()
    expect(page.get_by_test_id("conversations-empty")).to_have_text(texts.CONV_NO_MATCH)
    page.get_by_test_id("conversations-search-clear").click()
    expect(page.get_by_test_id("conversations-search")).to_have_value("")
    expect(page.get_by_test_id("conversation-row").first).to_be_visible()
    page.get_by_test_id("conversations-search").fill(tag)  # her name: the conversation stays hidden
    expect(page.get_by_test_id("conversations-empty")).to_be_visible()


def test_a_word_in_every_recent_conversation_shows_a_floor_count_and_more(desktop: Page, app_url: str,
                                                                          e2e_db_url: str):
    page, tag, now = desktop, "partout" + uuid.uuid4().hex[:6], utc_now()
    ids = []
    with write_session(e2e_db_url) as s:  # 230 participants who all wrote the word just now
        for i in range(230):
            c = Contact(first_name=f"Fan{i}", last_name="Partout")
            s.add(c)
            s.flush()
            at = now - timedelta(milliseconds=10 * i)
            conv = Conversation(kind="assistant", contact_id=c.id, title="Coach Bassi", created_at=at,
                                last_message_at=at)
            s.add(conv)
            s.flush()
            s.add(ChatMessage(conversation_id=conv.id, sender_kind="member", contact_id=c.id,
                              sender_name=c.first_name, body=f"Salut {tag} !", created_at=at))
            ids.append(conv.id)
    try:
        _tab(page, app_url)
        page.get_by_test_id("conversations-search").fill(tag.upper())
        rows = page.get_by_test_id("conversation-row")
        expect(rows).to_have_count(20)
        expect(page.get_by_test_id("conversations-count")).to_have_text("Plus de 20 conversations")
        expect(rows.first.get_by_test_id("conversation-title")).to_have_text("Fan0 Partout")  # the newest
        page.get_by_test_id("conversations-more").click()
        expect(rows).to_have_count(40)
        expect(page.get_by_test_id("conversations-count")).to_have_text("Plus de 40 conversations")
        expect(rows.nth(39).get_by_test_id("conversation-title")).to_have_text("Fan39 Partout")
        _shot(page, "conversations-floor-1280", full_page=True)
    finally:  # out of the other tests' lists
        with write_session(e2e_db_url) as s:
            s.execute(sa.update(Conversation).where(Conversation.id.in_(ids)).values(deleted_at=utc_now()))


def test_ai_settings_are_checked_saved_and_survive_a_reload(desktop: Page, app_url: str):
    page, tag = desktop, uuid.uuid4().hex[:6]
    _tab(page, app_url)
    prompt, twint = page.get_by_test_id("campaign-prompt-input"), page.get_by_test_id("twint-payment-url-input")
    notify = page.get_by_test_id("switch-ai-notify")
    expect(page.get_by_test_id("ai-settings-card")).to_be_visible()
    page.wait_for_timeout(500)  # the card's values arrive right after it mounts
    before = (prompt.input_value(), twint.input_value(), notify.get_attribute("aria-checked"))
    try:
        prompt.fill(f"Mets en avant le stage {tag}.")
        twint.fill("http://pay.twint.ch/afroboost")
        page.get_by_test_id("ai-save").click()
        expect(page.get_by_test_id("error-twint-payment-url")).to_contain_text("https://")
        expect(twint).to_have_value("http://pay.twint.ch/afroboost")  # nothing typed is lost
        expect(prompt).to_have_value(f"Mets en avant le stage {tag}.")
        twint.fill("")
        page.get_by_test_id("ai-save").click()
        expect(page.get_by_test_id("twint-empty-warning")).to_contain_text("⚠️")
        twint.fill(f"https://pay.twint.ch/{tag}")
        notify.click()
        page.get_by_test_id("ai-save").click()
        expect(page.get_by_text(texts.AI_SAVED).first).to_be_visible()
        expect(page.get_by_test_id("twint-empty-warning")).to_have_count(0)

        page.reload()
        page.get_by_test_id("tab-bar").get_by_test_id("tab-conversations").click()
        expect(prompt).to_have_value(f"Mets en avant le stage {tag}.")
        expect(twint).to_have_value(f"https://pay.twint.ch/{tag}")
        expect(notify).to_have_attribute("aria-checked", "false" if before[2] == "true" else "true")
    finally:  # the assistant's other journeys expect the settings as they were
        prompt.fill(before[0])
        twint.fill(before[1])
        if notify.get_attribute("aria-checked") != before[2]:
            notify.click()
        page.get_by_test_id("ai-save").click()
        expect(page.get_by_text(texts.AI_SAVED).first).to_be_visible()


def test_contacts_csv_download_has_the_header_and_neutralised_formulas(desktop: Page, app_url: str,
                                                                        e2e_db_url: str):
    page, tag = desktop, uuid.uuid4().hex[:6]
    _contact(e2e_db_url, f"=HYPERLINK(\"http://x\",\"{tag}\")", last_name="Piège", email=f"piege.{tag}@exemple.ch")
    _tab(page, app_url)
    page.get_by_test_id("crm-search").fill(f"piege.{tag}")
    expect(page.get_by_test_id("crm-row")).to_have_count(1)
    expect(page.get_by_test_id("crm-count")).to_have_text("1 contact(s)")
    with page.expect_download() as dl:
        page.get_by_test_id("crm-export-csv").click()
    assert dl.value.suggested_filename == "contacts-afroboost.csv"
    lines = pathlib.Path(dl.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Prénom;Nom;Email;Téléphone;Créé le;Nb réservations;Nb messages"
    assert len(lines) == 2 and lines[1].startswith('"\'=HYPERLINK(""http://x"",""')
    assert f";Piège;piege.{tag}@exemple.ch;'+4179" in lines[1] and lines[1].endswith(";0;0")


def test_phone_stacks_the_columns_and_brings_the_thread_into_view(phone: Page, app_url: str, e2e_db_url: str):
    tag = uuid.uuid4().hex[:6]
    _conversation(e2e_db_url, _contact(e2e_db_url, f"Sékou{tag}"), f"Le cours de samedi {tag} est maintenu ?")
    _tab(phone, app_url)
    first = phone.get_by_test_id("conversation-row").first
    expect(first).to_be_visible()
    listed = phone.get_by_test_id("conversations-list").bounding_box()
    thread = phone.get_by_test_id("conversation-thread").bounding_box()
    assert listed["width"] <= 375 and thread["width"] <= 375
    assert thread["y"] >= listed["y"] + listed["height"] - 1  # one column: the thread comes under the list
    panel = phone.get_by_test_id("panel-conversations")
    assert panel.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the tab scrolls sideways on a phone"
    _shot(phone, "conversations-375-top")
    _shot(phone, "conversations-375-full", full_page=True)
    phone.get_by_test_id("conversation-row").filter(has_text=tag).click()
    expect(phone.get_by_test_id("conversation-thread")).to_be_in_viewport()
    phone.wait_for_timeout(800)  # the smooth scroll ends
    _shot(phone, "conversations-375-thread")
