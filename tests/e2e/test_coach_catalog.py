"""The coach manages courses, offers, payments and promo codes; participants see the result.

Each test creates its own uniquely named rows and removes them, so the shared e2e database
stays as the other journeys expect it.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from afroboost import texts
from tests.e2e.test_booking_journey import _fill, _open_first_bookable, _to_summary
from tests.e2e.test_coach_journey import coach_sign_in


def _tab(page: Page, key: str) -> None:
    page.get_by_test_id("tab-bar").get_by_test_id(f"tab-{key}").click()
    expect(page.get_by_test_id(f"panel-{key}")).to_be_visible()


def test_course_with_generated_sessions_reaches_the_home_page(browser, desktop: Page, app_url: str):
    page, name = desktop, f"Afroboost Test {uuid.uuid4().hex[:6]}"
    coach_sign_in(page, app_url)
    _tab(page, "cours")
    page.get_by_test_id("course-new").click()
    page.get_by_test_id("input-course-name").fill(name)
    page.get_by_test_id("input-course-place").fill("Salle Test, Lausanne")
    tomorrow = (datetime.now(ZoneInfo("Europe/Zurich")) + timedelta(days=1)).weekday()
    page.get_by_test_id("select-course-weekday").click()
    page.get_by_role("option", name=texts.WEEKDAYS[tomorrow].capitalize()).click()
    page.get_by_test_id("input-course-seats").fill("douze")
    page.get_by_test_id("course-save").click()
    # A clear message next to the field, and what was typed is still there.
    expect(page.get_by_test_id("error-course-seats")).to_have_text("Écris un nombre entier (ex. 20).")
    expect(page.get_by_test_id("input-course-name")).to_have_value(name)
    page.get_by_test_id("input-course-seats").fill("12")
    page.get_by_test_id("course-save").click()
    row = page.get_by_test_id("course-row").filter(has_text=name)
    expect(row).to_contain_text("12 places")

    page.get_by_test_id("course-new").click()  # the same name again: its address would clash
    page.get_by_test_id("input-course-name").fill(name.upper())
    page.get_by_test_id("course-save").click()
    expect(page.get_by_test_id("error-course-name")).to_contain_text("porte déjà ce nom")
    page.get_by_test_id("course-cancel").click()

    row.get_by_test_id("course-sessions").click()
    page.get_by_test_id("input-weeks").fill("2")
    page.get_by_test_id("sessions-generate").click()
    sessions = page.get_by_test_id("session-row")
    expect(sessions).to_have_count(2)
    sessions.nth(1).get_by_test_id("session-cancel").click()
    page.get_by_test_id("session-cancel-confirm").click()
    expect(sessions.nth(1).get_by_test_id("session-annulee")).to_have_text("Annulée")

    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    visitor.goto(app_url + "/")
    card = visitor.get_by_test_id("course-card").filter(has_text=name)
    expect(card.get_by_test_id("session-row")).to_have_count(1)  # the cancelled one is not offered

    row.get_by_test_id("course-delete").click()  # nobody booked: really deleted
    page.get_by_test_id("course-delete-confirm").click()
    expect(page.get_by_test_id("course-row").filter(has_text=name)).to_have_count(0)
    visitor.reload()
    expect(visitor.get_by_test_id("course-card").first).to_be_visible()
    expect(visitor.get_by_test_id("course-card").filter(has_text=name)).to_have_count(0)
    visitor.context.close()


def test_offer_typed_in_chf_shows_on_the_home_page_then_goes(browser, desktop: Page, app_url: str):
    page, name = desktop, f"Stage test {uuid.uuid4().hex[:6]}"
    coach_sign_in(page, app_url)
    _tab(page, "offres")
    page.get_by_test_id("offer-new").click()
    page.get_by_test_id("input-offer-name").fill(name)
    page.get_by_test_id("input-offer-price").fill("12.505")
    page.get_by_test_id("input-offer-twint_url").fill("http://pay.example.ch/stage")
    page.get_by_test_id("offer-save").click()
    expect(page.get_by_test_id("error-offer-price")).to_contain_text("25 ou 12.50")
    expect(page.get_by_test_id("error-offer-twint_url")).to_contain_text("https://")
    expect(page.get_by_test_id("input-offer-twint_url")).to_have_value("http://pay.example.ch/stage")
    page.get_by_test_id("input-offer-price").fill("12.50")
    page.get_by_test_id("input-offer-twint_url").fill("https://pay.example.ch/stage")
    page.get_by_test_id("offer-save").click()
    expect(page.get_by_test_id("offer-row").filter(has_text=name)).to_contain_text("CHF 12.50")
    page.get_by_test_id("offers-search").fill(name[-6:])
    expect(page.get_by_test_id("offer-row")).to_have_count(1)

    visitor = browser.new_context().new_page()
    visitor.goto(app_url + "/")
    expect(visitor.get_by_text(name)).to_be_visible()

    row = page.get_by_test_id("offer-row").filter(has_text=name)
    row.get_by_test_id("offer-delete").click()
    page.get_by_test_id("offer-delete-confirm").click()
    expect(page.get_by_test_id("offers-no-match")).to_be_visible()
    visitor.reload()
    expect(visitor.get_by_test_id("course-card").first).to_be_visible()
    expect(visitor.get_by_text(name)).to_have_count(0)
    visitor.context.close()


def test_pending_payment_marked_paid_and_twint_link_checked(browser, desktop: Page, app_url: str):
    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _to_summary(visitor, app_url, "Afroboost Family", "Léa", f"Pay{uuid.uuid4().hex[:4]}", "+41 79 555 66 77")
    visitor.get_by_test_id("pay-twint").click()
    code = visitor.get_by_test_id("reservation-code").inner_text()
    visitor.context.close()

    page = desktop
    coach_sign_in(page, app_url)
    _tab(page, "paiements")
    row = page.get_by_test_id("pending-row").filter(has_text=code)
    expect(row).to_contain_text("CHF 25.-")
    row.get_by_test_id("pending-mark-paid").click()
    expect(page.get_by_test_id("pending-row").filter(has_text=code)).to_have_count(0)

    twint = page.get_by_test_id("twint-payment-url-input")
    twint.fill("http://pay.twint.ch/bassi")
    page.get_by_test_id("twint-save").click()
    expect(page.get_by_test_id("error-twint")).to_have_text(texts.err("form_url_https"))
    expect(twint).to_have_value("http://pay.twint.ch/bassi")
    twint.fill("https://pay.twint.ch/bassi")
    page.get_by_test_id("twint-save").click()
    expect(page.get_by_test_id("twint-empty-warning")).to_have_count(0)
    page.reload()
    _tab(page, "paiements")
    expect(page.get_by_test_id("twint-payment-url-input")).to_have_value("https://pay.twint.ch/bassi")
    page.get_by_test_id("twint-payment-url-input").fill("")  # back to the demo state
    page.get_by_test_id("twint-save").click()
    expect(page.get_by_test_id("twint-empty-warning")).to_be_visible()


def test_promo_code_created_by_the_coach_applies_at_booking(browser, desktop: Page, app_url: str):
    page, code = desktop, f"E2E{uuid.uuid4().hex[:5].upper()}"
    coach_sign_in(page, app_url)
    _tab(page, "codes")
    page.get_by_test_id("code-new").click()
    page.get_by_test_id("input-code-code").fill(code.lower())
    page.get_by_test_id("input-code-value").fill("140")
    page.get_by_test_id("code-save").click()
    expect(page.get_by_test_id("error-code-value")).to_have_text("Choisis un nombre entre 1 et 100.")
    page.get_by_test_id("input-code-value").fill("40")
    page.get_by_test_id("input-code-max_uses").fill("5")
    page.get_by_test_id("code-save").click()
    row = page.get_by_test_id("code-row").filter(has_text=code)
    expect(row.get_by_test_id("code-usage")).to_have_text("0 / 5")

    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _open_first_bookable(visitor, app_url, "Afroboost Silent")
    visitor.get_by_test_id("offer-choice").filter(has_text="Cours à l'unité").click()
    _fill(visitor, "Nadia", "Promo", f"nadia.{uuid.uuid4().hex[:8]}@exemple.ch", "079 666 77 88")
    visitor.get_by_test_id("input-promo").fill(code.lower())
    expect(visitor.get_by_test_id("promo-ok")).to_contain_text("CHF 15.-")  # 25.- minus 40 %
    visitor.context.close()

    row.get_by_test_id("code-delete").click()  # never used: really deleted
    page.get_by_test_id("code-delete-confirm").click()
    expect(page.get_by_test_id("code-row").filter(has_text=code)).to_have_count(0)
