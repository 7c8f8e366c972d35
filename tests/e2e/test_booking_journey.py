"""A participant books a headset on a phone, from the home page to the QR code."""

from __future__ import annotations

import re
import uuid

import sqlalchemy as sa
from playwright.sync_api import Page, expect


def _open_first_bookable(page: Page, app_url: str, course: str) -> str:
    page.goto(app_url + "/")
    card = page.get_by_test_id("course-card").filter(has_text=course)
    row = card.get_by_test_id("session-row").filter(has_text="places restantes").first
    spots_before = row.get_by_test_id("spots-left").inner_text()
    row.get_by_test_id("book-session").click()
    expect(page.get_by_test_id("chosen-session")).to_contain_text(course)
    return spots_before


def _fill(page: Page, first: str, last: str, email: str, phone: str) -> None:
    page.get_by_test_id("input-first_name").fill(first)
    page.get_by_test_id("input-last_name").fill(last)
    page.get_by_test_id("input-email").fill(email)
    page.get_by_test_id("input-phone").fill(phone)


def _to_summary(page: Page, app_url: str, course: str, first: str, last: str, phone_number: str) -> str:
    """Book the first open session of `course` up to the summary, single class; returns the email."""
    _open_first_bookable(page, app_url, course)
    page.get_by_test_id("offer-choice").filter(has_text="Cours à l'unité").click()
    email = f"{first.lower()}.{uuid.uuid4().hex[:8]}@exemple.ch"
    _fill(page, first, last, email, phone_number)
    page.get_by_test_id("submit-info").click()
    expect(page.get_by_test_id("summary-total")).to_have_text("CHF 25.-")
    return email


def test_new_visitor_books_on_a_phone_with_promo_code(phone: Page, app_url: str):
    page = phone
    spots_before = _open_first_bookable(page, app_url, "Afroboost Silent")
    n_before = int(re.search(r"\d+", spots_before).group())

    page.get_by_test_id("offer-choice").filter(has_text="Cours à l'unité").click()

    # Bad input: clear messages next to the fields, and nothing typed is lost.
    email = f"awa.{uuid.uuid4().hex[:8]}@exemple.ch"
    _fill(page, "", "Diallo", "awa@", "12")
    page.get_by_test_id("submit-info").click()
    expect(page.get_by_test_id("error-first_name")).to_have_text("Indique ton prénom.")
    expect(page.get_by_test_id("error-email")).to_contain_text("n'est pas valide")
    expect(page.get_by_test_id("error-phone")).to_contain_text("n'est pas valide")
    expect(page.get_by_test_id("input-last_name")).to_have_value("Diallo")
    expect(page.get_by_test_id("input-email")).to_have_value("awa@")

    _fill(page, "Awa", "Diallo", email, "079 123 45 67")
    # Promo codes are checked live: an expired one and an unknown one get the same answer (a script
    # guessing codes learns nothing), then a valid one with the new price.
    expect(page.get_by_test_id("input-promo")).to_have_attribute("placeholder", "CODE2026")
    page.get_by_test_id("input-promo").fill("NOEL2025")
    expect(page.get_by_test_id("error-promo")).to_have_text("Ce code promo n'est pas valable.")
    page.get_by_test_id("input-promo").fill("INCONNU")
    expect(page.get_by_test_id("error-promo")).to_have_text("Ce code promo n'est pas valable.")
    page.get_by_test_id("input-promo").fill("bienvenue")
    expect(page.get_by_test_id("promo-ok")).to_contain_text("CHF 20.-")
    page.get_by_test_id("submit-info").click()

    expect(page.get_by_test_id("summary-total")).to_have_text("CHF 20.-")
    expect(page.get_by_test_id("summary")).to_contain_text("Awa Diallo")
    # Payment guardrail: the Twint and Visa marks stay on the payment buttons.
    expect(page.get_by_test_id("pay-twint").get_by_role("img", name="twint")).to_be_visible()
    expect(page.get_by_test_id("pay-stripe").get_by_role("img", name="stripe")).to_be_visible()
    page.get_by_test_id("pay-twint").dblclick()  # a double click must not book twice

    code = page.get_by_test_id("reservation-code")
    expect(code).to_have_text(re.compile(r"^AFR-[A-Z2-9]{6}$"))
    qr = page.get_by_test_id("reservation-qr")
    expect(qr).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml')",
                         qr.element_handle())
    expect(page.get_by_test_id("reservation-status")).to_have_text("En attente de paiement")
    expect(page.get_by_test_id("pay-link")).to_have_attribute("href", re.compile(r"/twint/unite$"))

    with page.expect_download() as dl:
        page.get_by_test_id("download-ics").click()
    ics = open(dl.value.path(), encoding="utf-8").read()
    assert "BEGIN:VEVENT" in ics and code.inner_text() in ics and "Afroboost Silent" in ics

    # Exactly one headset was taken (the double click booked once).
    page.goto(app_url + "/")
    card = page.get_by_test_id("course-card").filter(has_text="Afroboost Silent")
    expect(card.get_by_test_id("spots-left").first).to_have_text(f"{n_before - 1} places restantes")


def test_full_session_offers_the_waitlist(phone: Page, app_url: str):
    page = phone
    page.goto(app_url + "/")
    card = page.get_by_test_id("course-card").filter(has_text="Afroboost Express")
    full_row = card.get_by_test_id("session-row").filter(has_text="Complet").first
    expect(full_row.get_by_test_id("book-session")).to_have_text("Liste d'attente")
    full_row.get_by_test_id("book-session").click()

    expect(page.get_by_test_id("full-notice")).to_be_visible()
    page.get_by_test_id("offer-choice").filter(has_text="Cours à l'unité").click()
    _fill(page, "Kofi", "Asante", f"kofi.{uuid.uuid4().hex[:8]}@exemple.ch", "+41 78 555 12 34")
    expect(page.get_by_test_id("submit-info")).to_have_text("M'inscrire sur la liste d'attente")
    page.get_by_test_id("submit-info").click()
    expect(page.get_by_test_id("waitlist-done")).to_contain_text("liste d'attente")
    expect(page.get_by_test_id("waitlist-done")).to_contain_text(re.compile(r"n°\d+"))


def test_lookup_and_cancel_frees_the_headset(desktop: Page, app_url: str):
    page = desktop
    email = _to_summary(page, app_url, "Afroboost Outdoor", "Lea", "Favre", "+41 76 111 22 33")
    page.get_by_test_id("pay-stripe").click()
    code = page.get_by_test_id("reservation-code")
    expect(code).to_have_text(re.compile(r"^AFR-"))
    code_text = code.inner_text()

    page.goto(app_url + "/ma-reservation")
    page.get_by_test_id("lookup-input-code").fill(code_text)
    page.get_by_test_id("lookup-input-email").fill("quelquun@exemple.ch")
    page.get_by_test_id("lookup-submit").click()
    expect(page.get_by_test_id("lookup-error-code")).to_have_text(
        "Aucune réservation ne correspond à ce code et cet email.")
    expect(page.get_by_test_id("lookup-input-code")).to_have_value(code_text)

    page.get_by_test_id("lookup-input-email").fill(email.upper())
    page.get_by_test_id("lookup-submit").click()
    expect(page.get_by_test_id("lookup-status")).to_have_text("En attente de paiement")
    page.get_by_test_id("cancel-reservation").click()
    page.get_by_test_id("cancel-confirm").click()
    expect(page.get_by_test_id("lookup-status")).to_have_text("Annulée")
    expect(page.get_by_test_id("lookup-message")).to_contain_text("casque a été libéré")
    expect(page.get_by_test_id("cancel-reservation")).to_have_count(0)


def test_home_shows_sessions_with_spots_and_only_visible_offers(desktop: Page, app_url: str):
    page = desktop
    page.goto(app_url + "/")
    expect(page.get_by_test_id("hero")).to_contain_text("Afroboost")
    expect(page.get_by_test_id("course-card")).to_have_count(4)
    expect(page.get_by_test_id("spots-left").first).to_have_text(re.compile(r"places? restantes?|Complet"))
    offers = page.get_by_test_id("offer-card")
    expect(offers).to_have_count(3)
    for name in ("Cours à l'unité", "Carte 10 cours", "Abonnement"):
        expect(offers.filter(has_text=name)).to_have_count(1)
    products = page.get_by_test_id("product-card")
    expect(products.filter(has_text="Café congolais")).to_contain_text("CHF 10.-")
    expect(page.get_by_text("Gourde Afroboost")).to_have_count(0)  # hidden product stays hidden
    expect(page.get_by_test_id("footer-copyright")).to_have_text("© Afroboost 2026")


def test_last_headset_taken_while_on_the_summary_offers_the_waitlist(phone: Page, app_url: str, e2e_db_url: str):
    page = phone
    _to_summary(page, app_url, "Afroboost Family", "Ines", "Benali", "+41 79 222 33 44")

    # Meanwhile other people book every remaining headset of that session.
    chosen = page.get_by_test_id("chosen-session")
    engine = sa.create_engine(e2e_db_url)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "UPDATE class_session SET taken = min(seats, headsets) WHERE id = ("
            " SELECT s.id FROM class_session s JOIN course c ON c.id = s.course_id"
            " WHERE c.name = 'Afroboost Family' AND s.taken < min(s.seats, s.headsets)"
            " ORDER BY s.starts_at LIMIT 1)"))
    engine.dispose()

    page.get_by_test_id("pay-twint").click()
    expect(page.get_by_test_id("error-session")).to_have_text(
        "Plus aucune place sur cette séance : inscris-toi sur la liste d'attente.")
    expect(page.get_by_test_id("reservation-code")).to_have_count(0)
    page.get_by_test_id("summary-join-waitlist").click()
    expect(page.get_by_test_id("waitlist-done")).to_contain_text("n°1")
    expect(chosen).to_contain_text("Afroboost Family")
