"""Chat bubbles in the browser: custom emojis as images, links, times, date separators, inert HTML.

The two participants get a group of their own (so no other test's room sees these images),
with a coach message and an assistant message from yesterday already in it.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect
from sqlmodel import select

from afroboost.db import write_session
from afroboost.models import ChatMessage, Contact, Conversation, ConversationMember, VerificationCode
from tests.e2e.test_chat_rooms import XSS

ZURICH = ZoneInfo("Europe/Zurich")
SHOTS = os.environ.get("AFRO_SHOTS_DIR")  # set to keep screenshots for a human look


def _private_group(db_url: str, names: list[str], title: str) -> None:
    """A group with these (newest) contacts and two messages from yesterday evening (studio time)."""
    yesterday = (datetime.now(ZURICH) - timedelta(days=1)).replace(hour=18, minute=30, second=0, microsecond=0)
    with write_session(db_url) as s:
        conv = Conversation(kind="group", slug=f"fmt-{uuid.uuid4().hex[:8]}", title=title)
        s.add(conv)
        s.flush()
        for name in names:
            contact = s.exec(select(Contact).where(Contact.first_name == name).order_by(Contact.id.desc())).first()
            s.add(ConversationMember(conversation_id=conv.id, contact_id=contact.id))
        s.add(ChatMessage(conversation_id=conv.id, sender_kind="coach", sender_name="Coach Bassi",
                          body="Bravo pour hier soir [emoji:muscle.svg] On remet ça mercredi !",
                          created_at=yesterday))
        s.add(ChatMessage(conversation_id=conv.id, sender_kind="ai", sender_name="Coach Bassi",
                          body="Le planning est sur www.afroboost.ch [emoji:star.svg]",
                          created_at=yesterday + timedelta(minutes=1)))


def _join_verified(page: Page, app_url: str, db_url: str, name: str) -> None:
    """A known participant proves their email with the one-time code: they may read the group's past."""
    email = f"{uuid.uuid4().hex[:8]}@exemple.ch"
    with write_session(db_url) as s:
        s.add(Contact(first_name=name, email=email))
    page.goto(app_url + "/chat")
    page.get_by_test_id("chat-first-name").fill(name)
    page.get_by_test_id("chat-contact").fill(email)
    page.get_by_test_id("chat-start").click()
    expect(page.get_by_test_id("chat-code-hint")).to_be_visible()
    with write_session(db_url) as s:  # no channel on this machine: the code waits for the coach's dashboard
        code = s.exec(select(VerificationCode.demo_code).join(Contact, Contact.id == VerificationCode.contact_id)
                      .where(Contact.email == email).order_by(VerificationCode.id.desc())).first()
    page.get_by_test_id("chat-code").fill(code)
    page.get_by_test_id("chat-code-submit").click()
    expect(page.get_by_test_id("chat-me")).to_contain_text(name)


def _open(page: Page, title: str) -> None:
    page.reload()
    page.get_by_test_id("chat-room").filter(has_text=title).click()
    expect(page.get_by_test_id("chat-room-title")).to_have_text(title)


def test_emojis_links_times_and_day_separators(browser, app_url: str, e2e_db_url: str):
    nala = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sekou = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).new_page()
    for p in (nala, sekou):
        p.set_default_timeout(15_000)
    _join_verified(nala, app_url, e2e_db_url, "Nala")
    _join_verified(sekou, app_url, e2e_db_url, "Sékou")
    title = f"Atelier {uuid.uuid4().hex[:4]}"
    _private_group(e2e_db_url, ["Nala", "Sékou"], title)
    _open(nala, title)
    _open(sekou, title)

    # The picker inserts a tag at the caret of the composer (here between « Go » and « team »).
    box = nala.get_by_test_id("chat-input")
    box.fill("Go team")
    box.evaluate("el => el.setSelectionRange(3, 3)")
    nala.get_by_test_id("chat-emoji-button").click()
    nala.locator('[data-testid=chat-emoji-option][data-emoji="[emoji:fire.svg]"]').click()
    expect(box).to_have_value("Go [emoji:fire.svg]team")
    expect(nala.get_by_test_id("chat-emoji-panel")).to_have_count(0)  # closed, focus back in the input
    assert nala.evaluate("document.activeElement.id") == "chat-composer"

    uid = uuid.uuid4().hex[:6]
    box.fill(box.input_value() + f" {uid} infos : https://afroboost.ch/cours. [emoji:../../x.svg]{XSS}")
    nala.get_by_test_id("chat-send").click()
    expect(box).to_have_value("")

    got = sekou.get_by_test_id("chat-message").filter(has_text=uid)
    expect(got).to_have_count(1)
    expect(got.get_by_test_id("chat-sender")).to_have_text("Nala")
    expect(got.get_by_test_id("chat-sender")).to_have_css("color", "rgb(34, 211, 238)")
    emoji = got.get_by_test_id("chat-emoji")
    expect(emoji).to_have_count(1)  # fire only: the forged tag is dropped
    expect(emoji).to_have_attribute("src", re.compile(r"^/emojis/fire\.svg$"))
    expect(emoji).to_have_attribute("alt", "🔥")
    sekou.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=emoji.element_handle())
    link = got.get_by_test_id("chat-link")
    expect(link).to_have_attribute("href", "https://afroboost.ch/cours")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", re.compile("noopener"))
    expect(link).to_have_text("https://afroboost.ch/cours")
    expect(got.get_by_test_id("chat-body")).to_contain_text(XSS)  # shown as text
    assert got.locator("img").count() == 1 and got.locator("script").count() == 0
    for p in (nala, sekou):
        assert "[emoji:" not in p.locator("[data-testid=chat-messages]").inner_text()
        assert p.evaluate("window.__pwned") is None

    now = datetime.now(ZURICH)
    stamp = got.get_by_test_id("chat-time").inner_text()
    assert stamp in {(now - timedelta(minutes=d)).strftime("%H:%M") for d in (0, 1, 2)}, stamp
    seps = sekou.get_by_test_id("chat-day-separator")
    expect(seps).to_have_text(["Hier", "Aujourd'hui"])

    # Yesterday's coach and assistant messages: badge, violet bubble, robot label, link and emoji.
    coach = sekou.get_by_test_id("chat-message").filter(has_text="Bravo pour hier soir")
    expect(coach.get_by_test_id("chat-coach-badge")).to_have_text("Coach")
    expect(coach.get_by_test_id("chat-body")).to_have_css("background-color", "rgb(139, 92, 246)")
    ai = sekou.get_by_test_id("chat-message").filter(has_text="Le planning")
    expect(ai.get_by_test_id("chat-sender")).to_have_text("🤖 Assistant")
    expect(ai.get_by_test_id("chat-link")).to_have_attribute("href", "https://www.afroboost.ch")

    # Sékou answers with a native emoji from the picker: on Nala's side it is received (left, name).
    sekou.get_by_test_id("chat-input").fill("Trop bien ")
    sekou.get_by_test_id("chat-emoji-button").click()
    sekou.locator('[data-testid=chat-emoji-option][data-emoji="🙌"]').click()
    sekou.get_by_test_id("chat-send").click()
    back = nala.get_by_test_id("chat-message").filter(has_text="Trop bien 🙌")
    expect(back.get_by_test_id("chat-sender")).to_have_text("Sékou")
    mine = nala.get_by_test_id("chat-message").filter(has_text=uid)
    expect(mine.get_by_test_id("chat-sender")).to_have_count(0)  # own message: no name, on the right
    expect(mine).to_have_css("align-self", "flex-end")
    expect(back).to_have_css("align-self", "flex-start")

    if SHOTS:
        nala.screenshot(path=f"{SHOTS}/chat-desktop.png")
        sekou.screenshot(path=f"{SHOTS}/chat-mobile.png")
        for p, name in ((nala, "desktop"), (sekou, "mobile")):
            p.get_by_test_id("chat-emoji-button").click()
            expect(p.get_by_test_id("chat-emoji-panel")).to_be_visible()
            p.wait_for_timeout(500)  # the opening animation
            p.screenshot(path=f"{SHOTS}/chat-{name}-picker.png")
    nala.context.close()
    sekou.context.close()
