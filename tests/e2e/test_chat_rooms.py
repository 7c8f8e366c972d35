"""Two people chat in real time in the community group; what they type is shown as text."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def _join(page: Page, app_url: str, name: str) -> None:
    page.goto(app_url + "/chat")
    page.get_by_test_id("chat-first-name").fill(name)
    page.get_by_test_id("chat-contact").fill(f"{name.lower()}.{uuid.uuid4().hex[:6]}@exemple.ch")
    page.get_by_test_id("chat-start").click()
    expect(page.get_by_test_id("chat-me")).to_contain_text(name)
    page.get_by_test_id("chat-room").filter(has_text="Communauté").click()
    expect(page.get_by_test_id("chat-room-title")).to_have_text("Communauté Afroboost")


def test_group_message_reaches_the_other_browser_as_plain_text(browser, app_url: str):
    awa = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    kofi = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _join(awa, app_url, "Awa")
    _join(kofi, app_url, "Kofi")

    hello = f"Salut la team {uuid.uuid4().hex[:6]} {XSS}"
    awa.get_by_test_id("chat-input").fill(hello)
    awa.get_by_test_id("chat-send").click()
    received = kofi.get_by_test_id("chat-message").filter(has_text=hello[:20])
    expect(received).to_contain_text("Awa")  # sender name above a received bubble
    expect(received.get_by_test_id("chat-body")).to_have_text(hello)  # the raw text, not HTML
    expect(awa.get_by_test_id("chat-input")).to_have_value("")
    assert kofi.evaluate("window.__pwned") is None and awa.evaluate("window.__pwned") is None
    assert kofi.locator("[data-testid=chat-messages] img").count() == 0

    # The identity survives a reload: no form again.
    kofi.reload()
    expect(kofi.get_by_test_id("chat-me")).to_contain_text("Kofi")
    expect(kofi.get_by_test_id("chat-identify")).to_have_count(0)
    awa.context.close()
    kofi.context.close()


def test_edited_identity_storage_is_cleaned_up(desktop: Page, app_url: str):
    _join(desktop, app_url, "Léa")
    desktop.evaluate("localStorage.setItem('afro_chat_identity', 'falsifie.' + 'x'.repeat(20))")
    desktop.reload()
    expect(desktop.get_by_test_id("chat-identify")).to_be_visible()  # form again, nothing forged
    desktop.wait_for_function("!(localStorage.getItem('afro_chat_identity') || '').startsWith('falsifie')",
                              timeout=10_000)  # the edited value is cleaned up
    expect(desktop.get_by_test_id("chat-me")).to_have_count(0)
