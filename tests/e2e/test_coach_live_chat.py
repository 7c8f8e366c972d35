"""The coach answers a participant live from 💬 Conversations; the assistant then stays silent."""

from __future__ import annotations

import time
import uuid

from playwright.sync_api import Page, expect

from tests.e2e.test_chat_live import REPLY, _join, _new, _send
from tests.e2e.test_coach_journey import coach_sign_in


def test_coach_reply_pauses_the_assistant_until_handed_back(browser, desktop: Page, app_url: str, fake_ai):
    tag = uuid.uuid4().hex[:6]
    name = f"Zoé{tag}"
    zoe = _new(browser)
    _join(zoe, app_url, name, room=None)
    _send(zoe, f"Bonjour, je voudrais un cours privé {tag}")
    expect(zoe.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(1)

    coach_sign_in(desktop, app_url)
    desktop.get_by_test_id("tab-bar").get_by_test_id("tab-conversations").click()
    desktop.get_by_test_id("conversations-search").fill(tag)
    row = desktop.get_by_test_id("conversation-row").filter(has_text=tag)
    expect(row).to_have_count(1)
    row.click()
    thread = desktop.get_by_test_id("coach-thread")
    expect(thread.get_by_test_id("chat-message").filter(has_text=f"cours privé {tag}")).to_be_visible()

    # A new participant message reaches the coach's open thread live, with a ping (toast).
    live = f"Vous êtes là ? {tag}"
    _send(zoe, live)
    expect(thread.get_by_test_id("chat-message").filter(has_text=live)).to_be_visible()
    expect(desktop.get_by_test_id("chat-toast").first).to_contain_text(name[:10])
    expect(zoe.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(2)  # the assistant still on

    # The coach answers as a human: the participant sees it live, violet with the « Coach » badge.
    answer = f"Oui Zoé, je suis là {tag}"
    desktop.get_by_test_id("coach-reply-input").fill(answer)
    desktop.get_by_test_id("coach-reply-send").click()
    got = zoe.get_by_test_id("chat-message").filter(has_text=answer)
    expect(got.get_by_test_id("chat-coach-badge")).to_be_visible()
    expect(zoe.get_by_test_id("chat-status")).to_contain_text("Avec le coach")

    # From now on the assistant stays silent in this conversation.
    asked = len(fake_ai.requests)
    _send(zoe, f"Super, merci ! {tag}")
    expect(thread.get_by_test_id("chat-message").filter(has_text=f"Super, merci ! {tag}")).to_be_visible()
    time.sleep(1.5)
    assert len(fake_ai.requests) == asked
    expect(zoe.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(2)

    # Handed back: the assistant answers again.
    desktop.get_by_test_id("coach-hand-back").click()
    expect(zoe.get_by_test_id("chat-status")).to_contain_text("Assistant IA")
    _send(zoe, f"Et le prix ? {tag}")
    expect(zoe.get_by_test_id("chat-message").filter(has_text=REPLY)).to_have_count(3)
    assert len(fake_ai.requests) == asked + 1
    zoe.context.close()


def test_the_coach_can_reset_the_widget_identity_and_history(desktop: Page, app_url: str):
    coach_sign_in(desktop, app_url)
    desktop.goto(app_url + "/")
    desktop.get_by_test_id("chat-widget-button").click()
    desktop.get_by_test_id("chat-first-name").fill("Coach test")
    desktop.get_by_test_id("chat-contact").fill(f"essai.{uuid.uuid4().hex[:6]}@exemple.ch")
    desktop.get_by_test_id("chat-start").click()
    expect(desktop.get_by_test_id("chat-room-title")).to_have_text("Coach Bassi")
    note = f"essai du widget {uuid.uuid4().hex[:4]}"
    _send(desktop, note)
    expect(desktop.get_by_test_id("chat-message").filter(has_text=REPLY)).to_be_visible()  # answered first
    desktop.get_by_test_id("chat-clear-history").click()
    desktop.get_by_test_id("chat-clear-confirm").click()
    expect(desktop.get_by_test_id("chat-message")).to_have_count(0)
    desktop.get_by_test_id("chat-switch-identity").click()
    expect(desktop.get_by_test_id("chat-identify")).to_be_visible()  # the form again, as a new visitor
    desktop.wait_for_function("!localStorage.getItem('afro_chat_identity')", timeout=10_000)
