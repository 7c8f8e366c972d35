"""Coach sessions live on the server: sign-in stores a hash, logout (POST) and « partout » end them.

Through the app's own routes (`create_api()`, one-time links) on the real SQLite database.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlmodel import select
from starlette.testclient import TestClient

from afroboost.db import in_read, in_write
from afroboost.models import CoachSession
from afroboost.services.auth import (
    SESSION_COOKIE,
    access_coach_session,
    do_create_login_link,
    do_end_coach_session,
    do_start_coach_session,
)
from afroboost.settings import get_secret_key
from tests import ai_world
from tests.factories import COACH_EMAIL, NOW

ai_env = ai_world.ai_env
SITE = "http://127.0.0.1:3000"
OWN = {"Origin": SITE}
OTHER_COACH = "assistant.coach@example.ch"


@pytest.fixture
def client(db, ai_env):
    from afroboost.api.app import create_api

    ai_env(COACH_EMAILS=f"{COACH_EMAIL},{OTHER_COACH}", SITE_URL=SITE)
    with TestClient(create_api(), base_url=SITE) as c:
        yield c


def sign_in(client: TestClient, email: str = COACH_EMAIL) -> str:
    """A browser signs in with a one-time link; returns its session cookie value."""
    client.cookies.clear()
    resp = client.get(f"/api/auth/link?t={in_write(do_create_login_link, email=email)}", follow_redirects=False)
    assert resp.status_code == 303
    return client.cookies[SESSION_COOKIE]


def coach_of(value: str | None) -> str | None:
    return in_read(access_coach_session, value=value)


def rows() -> list[CoachSession]:
    return in_read(lambda s: list(s.exec(select(CoachSession).order_by(CoachSession.id)).all()))


def test_the_cookie_is_a_random_id_and_only_its_hash_is_stored(client):
    first, second = sign_in(client), sign_in(client)
    assert first != second and len(first) == 43
    stored = rows()
    assert [r.sid_hash for r in stored] == [hashlib.sha256(v.encode()).hexdigest() for v in (first, second)]
    assert all(first not in r.sid_hash and r.email == COACH_EMAIL for r in stored)
    assert stored[0].expires_at - stored[0].created_at == timedelta(days=7)
    assert coach_of(first) == coach_of(second) == COACH_EMAIL


def test_cookie_flags_follow_site_url(client, ai_env):
    cookie = client.get(f"/api/auth/link?t={in_write(do_create_login_link)}", follow_redirects=False) \
        .headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie.replace("httponly", "")
    ai_env(SITE_URL="https://afroboost.example")
    cookie = client.get(f"/api/auth/link?t={in_write(do_create_login_link)}", follow_redirects=False) \
        .headers["set-cookie"].lower()
    assert "; secure" in cookie and "httponly" in cookie
    ai_env(COOKIE_SECURE="false")  # the explicit setting wins (e.g. TLS ends before a local proxy)
    cookie = client.get(f"/api/auth/link?t={in_write(do_create_login_link)}", follow_redirects=False) \
        .headers["set-cookie"].lower()
    assert "; secure" not in cookie


def test_logout_is_a_post_from_the_site_that_ends_the_session(client):
    value = sign_in(client)
    assert client.get("/api/auth/logout", follow_redirects=False).status_code == 405  # a link or <img> cannot
    assert coach_of(value) == COACH_EMAIL
    foreign = client.post("/api/auth/logout", headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403 and "Déconnexion refusée" in foreign.text
    no_origin = client.post("/api/auth/logout", follow_redirects=False)
    assert no_origin.status_code == 403
    assert coach_of(value) == COACH_EMAIL and client.cookies.get(SESSION_COOKIE) == value
    via_referer = client.post("/api/auth/logout", headers={"Referer": SITE + "/coach"}, follow_redirects=False)
    assert via_referer.status_code == 303 and via_referer.headers["location"] == "/"
    assert f'{SESSION_COOKIE}=""' in via_referer.headers["set-cookie"]
    assert coach_of(value) is None  # the cookie is dead even if a copy was kept
    assert rows()[0].revoked_at is not None


def test_logout_everywhere_ends_every_session_of_that_coach_only(client):
    laptop, phone = sign_in(client), sign_in(client)
    colleague = sign_in(client, OTHER_COACH)
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, phone)
    out = client.post("/api/auth/logout/everywhere", headers=OWN, follow_redirects=False)
    assert out.status_code == 303 and f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
    assert coach_of(laptop) is None and coach_of(phone) is None
    assert coach_of(colleague) == OTHER_COACH


def test_logout_of_one_browser_leaves_the_others(client):
    laptop, phone = sign_in(client), sign_in(client)
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, phone)
    client.post("/api/auth/logout", headers=OWN, follow_redirects=False)
    assert coach_of(phone) is None and coach_of(laptop) == COACH_EMAIL


def test_a_dead_or_made_up_cookie_ends_nothing(client):
    live = sign_in(client)
    for value in ("", "x" * 43, "A" * 43, live[:-1], live + "="):
        assert in_write(do_end_coach_session, value=value, everywhere=True) == 0
    assert coach_of(live) == COACH_EMAIL


def test_old_stateless_cookies_prove_nothing(client):
    old = URLSafeTimedSerializer(get_secret_key()).dumps({"email": COACH_EMAIL}, salt="afroboost.coach-session")
    assert coach_of(old) is None


def test_expired_session_and_coach_removed_from_the_allowlist(client, ai_env):
    value = in_write(do_start_coach_session, email=COACH_EMAIL, now=NOW - timedelta(days=7, seconds=1))
    assert coach_of(value) is None
    value = sign_in(client)
    ai_env(COACH_EMAILS=OTHER_COACH)
    assert coach_of(value) is None


def test_ended_sessions_are_swept_at_a_later_login(client):
    in_write(do_start_coach_session, email=COACH_EMAIL, now=NOW - timedelta(days=40))
    sign_in(client)
    assert len(rows()) == 1
