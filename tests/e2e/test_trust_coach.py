"""Issue 11, items 6–7 on the production server: the socket handshake, body caps, coach sessions.

Raw sockets to 127.0.0.1 send a request's headers and then HOLD its body: an answer that
arrives before any body byte was sent proves the server refused without reading it.
"""

from __future__ import annotations

import re
import secrets
import socket
import time
import uuid
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.conftest import e2e_session
from tests.e2e.test_coach_journey import coach_sign_in
from tests.wsclient import WsScript, _state_names

UPLOADS = ROOT / "uploaded_files"  # the server's rx.get_upload_dir() (cwd = repo root)
MB = 1024 * 1024
COACH = "contact.artboost@gmail.com"
HOME = re.compile(r"^http://[^/]+/$")


def _files() -> set[str]:
    return {str(p) for p in UPLOADS.rglob("*") if p.is_file()} if UPLOADS.exists() else set()


def _coach_cookie() -> str:
    """A live coach session on the server's database (what a sign-in creates)."""
    from datetime import timedelta

    from afroboost.db import utc_now
    from afroboost.models import CoachSession
    from afroboost.services.auth import SESSION_COOKIE, session_hash

    value = secrets.token_urlsafe(32)
    with e2e_session() as s:
        s.add(CoachSession(sid_hash=session_hash(value), email=COACH, expires_at=utc_now() + timedelta(days=1)))
        s.commit()
    return f"{SESSION_COOKIE}={value}"


def _session_row(value: str):
    from sqlmodel import select

    from afroboost.models import CoachSession
    from afroboost.services.auth import session_hash

    with e2e_session() as s:
        return s.exec(select(CoachSession).where(CoachSession.sid_hash == session_hash(value))).one()


class Raw:
    """One HTTP/1.1 connection driven by hand."""

    def __init__(self, app_url: str):
        parts = urlsplit(app_url)
        self.host = parts.netloc
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=10)

    def head(self, method: str, path: str, headers: dict[str, str]) -> None:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", *(f"{k}: {v}" for k, v in headers.items())]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())

    def status(self, timeout: float = 10) -> int:
        self.sock.settimeout(timeout)
        data = b""
        while b"\r\n" not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            data += chunk
        return int(data.split(b" ", 2)[1])

    def answered(self) -> bool:
        self.sock.settimeout(0)
        try:
            return bool(self.sock.recv(1, socket.MSG_PEEK))
        except (BlockingIOError, OSError):
            return False
        finally:
            self.sock.settimeout(10)

    def close(self) -> None:
        self.sock.close()


def _upload_headers(**extra: str) -> dict[str, str]:
    """What the frontend sends with an upload: a real handler (the Concept hero image)."""
    _, names = _state_names()
    state = next(n for n in names if n.endswith("____concept_state"))
    return {"Content-Type": "multipart/form-data; boundary=afro", "Reflex-Client-Token": str(uuid.uuid4()),
            "Reflex-Event-Handler": f"{state}.upload_hero", **extra}


# --- item 2/7: the websocket handshake --------------------------------------------------------

def test_crafted_tokens_and_foreign_origins_are_refused_at_the_handshake(app_url: str):
    for token in ("room-1", "inbox-coach", "inbox-1", "not-a-uuid", str(uuid.uuid1())):
        ws = WsScript(app_url, token=token)
        try:
            assert ws.connect() is False, token
            assert ws.frames == []
        finally:
            ws.close()
    for origin in ("https://evil.example", "http://127.0.0.1:1", "null"):
        ws = WsScript(app_url, origin=origin)
        try:
            assert ws.connect() is False, origin
        finally:
            ws.close()
    # the site's own origin, and every token shape the frontend's generateUUID makes (variant 8…f)
    for token in (None, "cb806d25-bfe9-4603-f28c-7714c8de4c14", "cb806d25-bfe9-4603-828c-7714c8de4c14"):
        ws = WsScript(app_url, origin=app_url, token=token)
        try:
            assert ws.connect() is True
            ws.wait_for(lambda ws=ws: ws.frames, what="the hydrate answer")
        finally:
            ws.close()


def test_the_refused_handshake_is_an_http_403_and_no_socket(app_url: str):
    for query, origin in (("token=room-1", app_url), (f"token={uuid.uuid4()}", "https://evil.example")):
        raw = Raw(app_url)
        try:
            raw.head("GET", f"/_event/?EIO=4&transport=websocket&{query}", {
                "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": origin})
            assert raw.status() == 403
        finally:
            raw.close()


# --- item 6: bodies capped before anything reads them ----------------------------------------

def test_anonymous_upload_is_refused_before_its_body_is_sent_and_nothing_is_written(app_url: str):
    before = _files()
    for framing in ({"Content-Length": str(4 * MB)}, {"Transfer-Encoding": "chunked"}):
        raw = Raw(app_url)
        try:
            raw.head("POST", "/_upload", _upload_headers(**framing))  # headers only: the body is held
            assert raw.status() == 403
        finally:
            raw.close()
    # and when the client does not wait for an answer, the body is still never written
    raw = Raw(app_url)
    try:
        raw.head("POST", "/_upload", _upload_headers(**{"Content-Length": str(MB)}))
        part = (b"--afro\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.png\"\r\n"
                b"Content-Type: image/png\r\n\r\n")
        try:
            raw.sock.sendall(part + b"\x89PNG" + b"\0" * (MB - len(part) - 4))
        except OSError:
            pass  # the server already answered and closed
        assert raw.status() == 403
    finally:
        raw.close()
    time.sleep(0.5)
    assert _files() == before


def test_coach_upload_over_the_cap_is_413_and_nothing_is_written(app_url: str):
    before, cookie = _files(), _coach_cookie()
    raw = Raw(app_url)
    try:
        raw.head("POST", "/_upload", _upload_headers(**{"Content-Length": str(6 * MB), "Cookie": cookie}))
        assert raw.status() == 413  # declared too large: answered before a byte of the body
    finally:
        raw.close()
    raw = Raw(app_url)  # chunked: counted as it streams, cut at the cap
    try:
        raw.head("POST", "/_upload", _upload_headers(**{"Transfer-Encoding": "chunked", "Cookie": cookie}))
        part = (b"--afro\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.png\"\r\n"
                b"Content-Type: image/png\r\n\r\n\x89PNG")
        sent, chunk = 0, b"\0" * (256 * 1024)
        try:
            raw.sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            while sent < 12 * MB and not raw.answered():
                raw.sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:
            pass  # the server answered and closed the connection
        assert raw.status() == 413
        assert sent < 12 * MB  # the server stopped it, the client did not finish
    finally:
        raw.close()
    time.sleep(0.5)
    assert _files() == before


def test_webhook_bodies_are_capped_before_parsing(app_url: str):
    raw = Raw(app_url)
    try:
        raw.head("POST", "/api/webhooks/twilio", {"Content-Type": "application/x-www-form-urlencoded",
                                                  "X-Twilio-Signature": "x", "Content-Length": str(MB)})
        assert raw.status() == 413
    finally:
        raw.close()
    raw = Raw(app_url)  # chunked: refused while the body is held (no Twilio token here: refused unread)
    try:
        raw.head("POST", "/api/webhooks/twilio", {"Content-Type": "application/x-www-form-urlencoded",
                                                  "X-Twilio-Signature": "x", "Transfer-Encoding": "chunked"})
        assert raw.status() in (403, 413)
    finally:
        raw.close()


# --- item 7: coach sessions live on the server --------------------------------------------------

def _sid(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "afro_sid")


def test_the_session_cookie_is_httponly_and_samesite(desktop: Page, app_url: str):
    coach_sign_in(desktop, app_url)
    cookie = next(c for c in desktop.context.cookies() if c["name"] == "afro_sid")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and not cookie["secure"]  # http SITE_URL
    assert desktop.evaluate("document.cookie").find("afro_sid") == -1


def test_logout_is_a_post_that_ends_the_session_for_good(browser, desktop: Page, app_url: str):
    coach_sign_in(desktop, app_url)
    value = _sid(desktop)
    desktop.get_by_test_id("coach-logout").click()
    desktop.wait_for_url(HOME)
    assert all(c["name"] != "afro_sid" for c in desktop.context.cookies())
    assert _session_row(value).revoked_at is not None
    # a copy of the old cookie opens nothing any more
    thief = browser.new_context()
    try:
        thief.add_cookies([{"name": "afro_sid", "value": value, "url": app_url}])
        page = thief.new_page()
        page.goto(app_url + "/coach")
        page.wait_for_url(re.compile(r"/coach/login/?$"))
    finally:
        thief.close()


def test_logout_everywhere_ends_the_session_in_another_open_browser(browser, desktop: Page, app_url: str):
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        laptop = desktop
        phone = other.new_page()
        phone.set_default_timeout(15_000)
        coach_sign_in(phone, app_url)
        coach_sign_in(laptop, app_url)
        phone.get_by_test_id("tab-bar").get_by_test_id("tab-codes").click()  # the phone's tab is in use

        laptop.get_by_test_id("coach-logout-everywhere").click()
        laptop.wait_for_url(HOME)
        assert _session_row(_sid(phone)).revoked_at is not None

        phone.wait_for_timeout(2_500)  # COACH_SESSION_RECHECK_S: an open tab trusts its last check this long
        phone.get_by_test_id("tab-bar").get_by_test_id("tab-offres").click()  # its next action
        expect(phone.get_by_test_id("coach-session-ended")).to_be_visible()
        expect(phone.get_by_test_id("tab-bar")).to_have_count(0)
        phone.reload()
        phone.wait_for_url(re.compile(r"/coach/login/?$"))
    finally:
        other.close()
