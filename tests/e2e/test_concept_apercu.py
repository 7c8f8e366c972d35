"""The coach's Aperçu and Concept tabs, and the home page that shows the Concept."""

from __future__ import annotations

import re
import struct
import uuid
import zlib

from playwright.sync_api import Page, expect

from tests.e2e.test_coach_journey import coach_sign_in


def _png(path, w: int = 64, h: int = 32) -> None:
    """A real (tiny) PNG, written without any imaging library."""
    raw = b"".join(b"\0" + bytes((233, 30, 99)) * w for _ in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_home_shows_the_seeded_concept_on_a_phone(phone: Page, app_url: str):
    phone.goto(app_url + "/")
    expect(phone.get_by_test_id("hero-title")).to_have_text("Afroboost Silent")
    expect(phone.get_by_test_id("hero-pitch")).to_contain_text("Coach Bassi")
    expect(phone.get_by_test_id("faq-item")).to_have_count(3)
    phone.get_by_test_id("faq-item").filter(has_text="Le casque est-il fourni ?").click()
    expect(phone.get_by_test_id("faq-item").filter(has_text="casque audio sans fil")).to_be_visible()
    expect(phone.get_by_test_id("contact-email").get_by_role("link")).to_have_attribute(
        "href", "mailto:contact.artboost@gmail.com")
    # Nothing is wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_coach_lands_on_apercu_then_edits_the_concept(desktop: Page, app_url: str, tmp_path):
    page = desktop
    coach_sign_in(page, app_url)
    # Aperçu is the landing tab: this week's sessions, the two charts, headsets out.
    expect(page.get_by_test_id("apercu-tab")).to_be_visible()
    expect(page.get_by_test_id("week-label")).to_have_text(re.compile(r"^Semaine du \d+ \S+ au \d+ \S+$"))
    expect(page.get_by_test_id("weekly-chart").locator(".recharts-bar-rectangle").first).to_be_attached()
    expect(page.get_by_test_id("revenue-chart")).to_contain_text(re.compile(r"Afroboost\s*Express"))  # tick wraps
    expect(page.get_by_test_id("kpi-revenue")).to_have_text(re.compile(r"^CHF \d+"))

    page.get_by_test_id("tab-concept").click()
    expect(page.get_by_test_id("concept-title")).to_have_value("Afroboost Silent")
    # Bad input: a message next to each field, and what was typed stays.
    page.get_by_test_id("concept-contact_email").fill("coach@")
    page.get_by_test_id("concept-contact_phone").fill("12")
    page.get_by_test_id("concept-instagram_url").fill("http://instagram.com/afroboost")
    page.get_by_test_id("concept-save").click()
    expect(page.get_by_test_id("concept-error-contact_email")).to_contain_text("n'est pas valide")
    expect(page.get_by_test_id("concept-error-contact_phone")).to_contain_text("n'est pas valide")
    expect(page.get_by_test_id("concept-error-instagram_url")).to_contain_text("https")
    expect(page.get_by_test_id("concept-contact_email")).to_have_value("coach@")

    question = f"Peut-on venir à deux {uuid.uuid4().hex[:6]} ?"
    page.get_by_test_id("concept-contact_email").fill("contact.artboost@gmail.com")
    page.get_by_test_id("concept-contact_phone").fill("079 123 45 67")
    page.get_by_test_id("concept-instagram_url").fill("https://www.instagram.com/afroboost")
    page.get_by_test_id("faq-add").click()
    expect(page.get_by_test_id("faq-row")).to_have_count(4)
    page.get_by_test_id("faq-q").nth(3).fill(question)
    page.get_by_test_id("faq-a").nth(3).fill("Oui ! <b>Chacun</b> son casque.")
    page.get_by_test_id("concept-save").click()
    expect(page.get_by_test_id("concept-contact_phone")).to_have_value("+41791234567")

    # Hero image: a file that only pretends to be a PNG is refused, a real one is shown.
    fake, real = tmp_path / "faux.png", tmp_path / "hero.png"
    fake.write_bytes(b"<svg onload=alert(1)></svg>")
    _png(real)
    page.locator("#concept-hero input[type=file]").set_input_files(str(fake))
    page.get_by_test_id("concept-hero-upload").click()
    expect(page.get_by_test_id("concept-error-hero_image")).to_have_text("Choisis une image PNG, JPG ou WEBP.")
    page.locator("#concept-hero input[type=file]").set_input_files(str(real))
    page.get_by_test_id("concept-hero-upload").click()
    preview = page.get_by_test_id("concept-hero-preview")
    expect(preview).to_have_attribute("src", re.compile(r"/_upload/concept/[0-9a-f]{32}\.png$"))
    page.wait_for_function("(img) => img.complete && img.naturalWidth === 64", arg=preview.element_handle(),
                           timeout=10_000)  # the uploaded image really loads

    home = page.context.new_page()
    home.goto(app_url + "/")
    expect(home.get_by_test_id("hero-image")).to_have_count(1)
    item = home.get_by_test_id("faq-item").filter(has_text=question)
    item.click()
    expect(item).to_contain_text("Oui ! <b>Chacun</b> son casque.")  # text, never HTML
    expect(home.get_by_test_id("contact-phone")).to_contain_text("+41 79 123 45 67")
    home.close()

    # Back to the neon hero: the image is removed.
    page.get_by_test_id("concept-hero-remove").click()
    expect(page.get_by_test_id("concept-hero-none")).to_be_visible()
