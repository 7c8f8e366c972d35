"""The coach: secret entry, Google sign-in (local provider), the door check-in."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

from tests.e2e.test_booking_journey import _to_summary


def coach_sign_in(page: Page, app_url: str) -> None:
    """Three quick clicks on « © Afroboost 2026 », then « Se connecter avec Google »."""
    page.goto(app_url + "/")
    footer = page.get_by_test_id("footer-copyright")
    for _ in range(3):
        footer.click()
    page.wait_for_url(re.compile(r"/coach/login/?$"))
    page.get_by_test_id("google-login").click()  # the local provider approves the allowlisted coach
    page.wait_for_url(re.compile(r"/coach/?$"))
    expect(page.get_by_test_id("coach-email")).to_have_text("contact.artboost@gmail.com")


def test_two_clicks_do_not_open_the_coach_login(desktop: Page, app_url: str):
    desktop.goto(app_url + "/")
    desktop.get_by_test_id("footer-copyright").click()
    desktop.get_by_test_id("footer-copyright").click()
    desktop.wait_for_timeout(1600)
    desktop.get_by_test_id("footer-copyright").click()
    desktop.wait_for_timeout(500)
    assert "/coach" not in desktop.url
    expect(desktop.locator("a[href*='/coach']")).to_have_count(0)  # nothing public links to it


def test_coach_dashboard_is_closed_to_visitors(desktop: Page, app_url: str):
    desktop.goto(app_url + "/coach")
    desktop.wait_for_url(re.compile(r"/coach/login/?$"))
    expect(desktop.get_by_test_id("tab-bar")).to_have_count(0)


def test_coach_finds_a_booking_by_code_and_checks_it_in(browser, desktop: Page, app_url: str):
    # A visitor books on a phone.
    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _to_summary(visitor, app_url, "Afroboost Outdoor", "Moussa", f"Check{uuid.uuid4().hex[:4]}", "+41 79 444 55 66")
    visitor.get_by_test_id("pay-twint").click()
    code = visitor.get_by_test_id("reservation-code").inner_text()
    visitor.context.close()

    page = desktop
    coach_sign_in(page, app_url)
    page.get_by_test_id("tab-reservations").click()
    page.get_by_test_id("reservations-search").fill(code.lower())
    expect(page.get_by_test_id("results-count")).to_have_text("1 résultat(s)")
    row = page.get_by_test_id("reservation-row")
    expect(row).to_contain_text(code)
    expect(row).to_contain_text("En attente de paiement")

    page.get_by_test_id("checkin-code").fill(code)
    page.get_by_test_id("checkin-headset").fill("17")
    page.get_by_test_id("checkin-submit").click()
    expect(page.get_by_test_id("checkin-ok")).to_contain_text(code)
    expect(row).to_contain_text("Présent·e")
    expect(row).to_contain_text("n°17")
    page.get_by_test_id("headset-returned").click()
    expect(page.get_by_test_id("headset-returned")).to_have_count(0)

    page.get_by_test_id("checkin-code").fill(code)
    page.get_by_test_id("checkin-submit").click()
    expect(page.get_by_test_id("checkin-error")).to_have_text("Déjà enregistré·e à l'entrée.")

    page.get_by_test_id("reservations-search").fill("personne-ne-correspond")
    expect(page.get_by_test_id("no-results")).to_have_text("Aucune réservation correspondante")


def test_scanner_decoder_is_self_hosted_and_matches_the_bundled_zxing(app_url: str):
    import pathlib
    import urllib.request

    from tests.conftest import ROOT

    ponyfill = pathlib.Path(ROOT, ".web/node_modules/barcode-detector/dist/es/ponyfill.js").read_text()
    assert "zxing-wasm@2.1.2" in ponyfill, "another zxing-wasm is bundled: refresh assets/zxing_reader.wasm"
    with urllib.request.urlopen(app_url + "/zxing_reader.wasm", timeout=10) as r:
        assert r.status == 200 and r.read(4) == b"\0asm"


def test_sitemap_does_not_list_the_coach_pages(app_url: str):
    import urllib.request

    with urllib.request.urlopen(app_url + "/sitemap.xml", timeout=10) as r:
        body = r.read().decode()
    assert "/reserver" in body and "/coach" not in body


def _qr_y4m(text: str, path, size: int = 720, frames: int = 10) -> None:
    """A still video (Y4M, what Chromium's fake camera plays) showing the QR code of `text`."""
    import qrcode

    qr = qrcode.QRCode(border=4)
    qr.add_data(text)
    matrix = qr.get_matrix()
    cell = size // len(matrix)
    offset = (size - cell * len(matrix)) // 2
    luma = bytearray([255]) * (size * size)
    for y, line in enumerate(matrix):
        for x, dark in enumerate(line):
            if dark:
                for dy in range(cell):
                    start = (offset + y * cell + dy) * size + offset + x * cell
                    luma[start:start + cell] = bytes(cell)
    chroma = bytes([128]) * ((size // 2) * (size // 2) * 2)
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{size} H{size} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            f.write(b"FRAME\n" + bytes(luma) + chroma)


def test_coach_scans_the_qr_with_the_camera(tmp_path, pw, browser, app_url: str):
    from tests.e2e.conftest import CHROMIUM_ARGS

    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _to_summary(visitor, app_url, "Afroboost Silent", "Yann", f"Scan{uuid.uuid4().hex[:4]}", "+41 79 777 88 99")
    visitor.get_by_test_id("pay-stripe").click()
    code = visitor.get_by_test_id("reservation-code").inner_text()
    visitor.context.close()

    video = tmp_path / "qr.y4m"
    _qr_y4m(code, video)
    camera = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              f"--use-file-for-fake-video-capture={video}"]
    with_camera = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS + camera)
    try:
        page = with_camera.new_context(viewport={"width": 1280, "height": 900}, permissions=["camera"]).new_page()
        page.set_default_timeout(20_000)
        coach_sign_in(page, app_url)
        page.get_by_test_id("tab-reservations").click()
        page.get_by_test_id("open-scanner").click()
        expect(page.get_by_test_id("checkin-code")).to_have_value(code)  # read by the camera
        page.get_by_test_id("checkin-submit").click()
        expect(page.get_by_test_id("checkin-ok")).to_contain_text(code)
    finally:
        with_camera.close()


def test_without_a_camera_the_scanner_falls_back_to_typing(desktop: Page, app_url: str):
    coach_sign_in(desktop, app_url)
    desktop.get_by_test_id("tab-reservations").click()
    desktop.get_by_test_id("open-scanner").click()  # headless chromium has no camera here
    expect(desktop.get_by_test_id("scanner-note")).to_have_text("Caméra indisponible : tape le code de réservation.")
    expect(desktop.get_by_test_id("checkin-code")).to_be_editable()


def test_coach_creates_a_course_a_visitor_books_it_and_is_checked_in_at_the_door(browser, desktop: Page,
                                                                                 app_url: str):
    """The issue's whole journey: secret entry → sign-in → new course with sessions → public page →
    booked by a visitor on a phone → found in Réservations by code → checked in by typing it."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from afroboost import texts

    page, name = desktop, f"Afrobeat Journey {uuid.uuid4().hex[:6]}"
    coach_sign_in(page, app_url)
    page.get_by_test_id("tab-bar").get_by_test_id("tab-cours").click()
    page.get_by_test_id("course-new").click()
    page.get_by_test_id("input-course-name").fill(name)
    page.get_by_test_id("input-course-place").fill("Studio Journey, Lausanne")
    in_two_days = (datetime.now(ZoneInfo("Europe/Zurich")) + timedelta(days=2)).weekday()
    page.get_by_test_id("select-course-weekday").click()
    page.get_by_role("option", name=texts.WEEKDAYS[in_two_days].capitalize()).click()
    page.get_by_test_id("input-course-seats").fill("8")
    page.get_by_test_id("course-save").click()
    row = page.get_by_test_id("course-row").filter(has_text=name)
    row.get_by_test_id("course-sessions").click()
    page.get_by_test_id("input-weeks").fill("2")
    page.get_by_test_id("sessions-generate").click()
    expect(page.get_by_test_id("session-row")).to_have_count(2)

    visitor = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    _to_summary(visitor, app_url, name, "Fatou", f"Door{uuid.uuid4().hex[:4]}", "+41 78 123 45 67")
    visitor.get_by_test_id("pay-twint").click()
    code = visitor.get_by_test_id("reservation-code").inner_text()
    visitor.context.close()

    page.get_by_test_id("tab-bar").get_by_test_id("tab-reservations").click()
    page.get_by_test_id("reservations-search").fill(code)
    booked = page.get_by_test_id("reservation-row")
    expect(booked).to_have_count(1)
    expect(booked).to_contain_text(name)
    page.get_by_test_id("checkin-code").fill(code)
    page.get_by_test_id("checkin-headset").fill("3")
    page.get_by_test_id("checkin-submit").click()
    expect(booked).to_contain_text("Présent·e")
    expect(booked).to_contain_text("n°3")
