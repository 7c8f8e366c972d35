"""Issue 11 item 8: members see « Awa K. », never a surname; the coach moderates their private thread only."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import select

from afroboost.models import ChatMessage, Contact, Conversation
from tests.e2e.conftest import e2e_session
from tests.e2e.test_chat_live import _join, _new, _send
from tests.e2e.test_coach_journey import coach_sign_in
from tests.wsclient import WsScript


def _surname(first_name: str, last_name: str) -> int:
    """Give the chat contact a surname, as a booking would have (the chat form only asks a first name)."""
    with e2e_session() as s:
        contact = s.exec(select(Contact).where(Contact.first_name == first_name)).one()
        s.execute(sa.update(Contact).where(Contact.id == contact.id).values(last_name=last_name))
        s.commit()
        return contact.id


def test_members_see_initials_and_the_coach_only_moderates_their_private_thread(browser, desktop: Page,
                                                                               app_url: str):
    tag = uuid.uuid4().hex[:4]
    awa_name, kofi_name = f"Awa{tag}", f"Kofi{tag}"
    awa, kofi = _new(browser), _new(browser)
    _join(awa, app_url, awa_name)
    _join(kofi, app_url, kofi_name)
    awa_id, kofi_id = _surname(awa_name, "Konéprivé"), _surname(kofi_name, "Mensahprivé")
    awa.reload()  # her tab learns its name again (the name is read when the identity is restored)
    expect(awa.get_by_test_id("chat-me")).to_contain_text(f"{awa_name} K.")
    awa.get_by_test_id("chat-room").filter(has_text="Communauté").click()
    expect(awa.get_by_test_id("chat-room-title")).to_contain_text("Communauté")

    hello = f"Salut le groupe {tag}"
    _send(awa, hello)
    bubble = kofi.get_by_test_id("chat-message").filter(has_text=hello)
    expect(bubble.get_by_test_id("chat-sender")).to_have_text(f"{awa_name} K.")
    awa.wait_for_timeout(1_100)  # the composer sends one typing event a second: the fill above used this one
    awa.get_by_test_id("chat-input").press_sequentially("ça va", delay=60)
    expect(kofi.get_by_test_id("chat-typing")).to_have_text(f"{awa_name} K. écrit…")

    bubble.get_by_test_id("chat-sender").click()  # Kofi writes to Awa privately
    expect(kofi.get_by_test_id("chat-dm-title")).to_have_text(f"✉️ {awa_name} K.")
    expect(kofi.get_by_test_id("chat-dm-moderated")).to_contain_text("Le coach peut lire cette conversation")
    insult, fine = f"Message à modérer {tag}", f"Message correct {tag}"
    _send(kofi, insult, testid="chat-dm")
    _send(kofi, fine, testid="chat-dm")
    expect(kofi.get_by_test_id("chat-dm-messages")).to_contain_text(fine)
    for page in (awa, kofi):
        assert "Konéprivé" not in page.content() and "Mensahprivé" not in page.content()

    # The coach: the thread is listed under the members' names, readable, with no reply box.
    coach_sign_in(desktop, app_url)
    desktop.get_by_test_id("tab-bar").get_by_test_id("tab-conversations").click()
    desktop.get_by_test_id("conversations-search").fill(f"Message correct {tag}")
    row = desktop.get_by_test_id("conversation-row").filter(has_text=fine)
    expect(row.get_by_test_id("conversation-title")).to_have_text(f"{awa_name} K. ↔ {kofi_name} M.")
    row.click()
    thread = desktop.get_by_test_id("coach-thread")
    expect(thread.get_by_test_id("coach-thread-title")).to_have_text(f"{awa_name} K. ↔ {kofi_name} M.")
    expect(thread.get_by_test_id("chat-message").filter(has_text=fine)).to_be_visible()
    expect(thread.get_by_test_id("coach-pair-note")).to_be_visible()
    expect(thread.get_by_test_id("coach-reply-input")).to_have_count(0)

    # Moderation: one message deleted, gone from Kofi's open private window too.
    thread.get_by_test_id("chat-message").filter(has_text=insult).get_by_test_id("chat-delete-message").click()
    expect(thread.get_by_test_id("chat-message").filter(has_text=insult)).to_have_count(0)
    expect(kofi.get_by_test_id("chat-dm-messages")).not_to_contain_text(insult)
    expect(kofi.get_by_test_id("chat-dm-messages")).to_contain_text(fine)

    # A crafted frame with the coach's own cookie cannot post into the thread either.
    lo, hi = sorted((awa_id, kofi_id))
    with e2e_session() as s:
        pair = s.exec(select(Conversation.id).where(Conversation.slug == f"dm-{lo}-{hi}")).one()
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in desktop.context.cookies())
    with WsScript(app_url, cookie=cookie, path="/coach") as ws:
        assert ws.connect()
        ws.emit("chat_room.open_as_coach", conversation_id=pair)
        ws.wait_for(lambda: ws.var("chat_room", "conversation_id") == pair, what="the coach in the thread")
        ws.emit("chat_room.send", form={"body": f"crafted as coach {tag}"})
        ws.wait_for(lambda: "peut la lire et la mod" in ws.text(), what="refused (coach_private_pair)")
    with e2e_session() as s:
        bodies = s.exec(select(ChatMessage.body).where(ChatMessage.conversation_id == pair)).all()
    assert bodies == [fine]
    for page in (awa, kofi):
        page.context.close()
