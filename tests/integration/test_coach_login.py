"""The real Authlib flow against a local OpenID provider, and one-time links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest
from starlette.testclient import TestClient

from afroboost.db import in_read, in_write
from afroboost.services.auth import SESSION_COOKIE, access_coach_session, do_create_login_link
from afroboost.settings import get_settings
from tests.fakes.oidc import CLIENT_ID, CLIENT_SECRET, FakeOIDC
from tests.fakes.server import LocalServer, free_port


@pytest.fixture
def idp(monkeypatch):
    port = free_port()
    provider = FakeOIDC(f"http://127.0.0.1:{port}")
    monkeypatch.setenv("GOOGLE_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("GOOGLE_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("GOOGLE_METADATA_URL", provider.metadata_url)
    get_settings.cache_clear()
    with LocalServer(provider.app, port=port):
        yield provider
    get_settings.cache_clear()


@pytest.fixture
def client(idp):
    from afroboost.api.app import create_api

    with TestClient(create_api(), base_url="http://127.0.0.1:3000") as c:
        yield c


def coach_of(cookie_value: str) -> str | None:
    return in_read(access_coach_session, value=cookie_value)


def _sign_in(client: TestClient, email: str | None = None, tamper_state: bool = False):
    start = client.get("/api/auth/login", follow_redirects=False)
    assert start.status_code == 302
    authorize = start.headers["location"]
    params = parse_qs(urlparse(authorize).query)
    assert params["code_challenge_method"] == ["S256"] and params["nonce"] and params["state"]
    if email:
        authorize += "&" + urlencode({"login_hint": email})
    back = httpx.get(authorize, follow_redirects=False)  # the browser at the provider
    assert back.status_code == 302
    callback = urlparse(back.headers["location"])
    query = callback.query.replace("state=", "state=x") if tamper_state else callback.query
    return client.get(f"{callback.path}?{query}", follow_redirects=False)


def test_allowlisted_google_account_becomes_coach(db, client):
    resp = _sign_in(client)
    assert resp.status_code == 303 and resp.headers["location"] == "/coach"
    cookie = resp.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert coach_of(client.cookies[SESSION_COOKIE]) == "contact.artboost@gmail.com"


def test_other_google_account_is_refused(client):
    resp = _sign_in(client, email="intrus@example.ch")
    assert resp.status_code == 403 and "Accès refusé" in resp.text
    assert SESSION_COOKIE not in client.cookies


def test_unverified_email_is_refused(client, idp):
    idp.email_verified = False
    resp = _sign_in(client)
    assert resp.status_code == 403 and "pas vérifiée" in resp.text
    assert SESSION_COOKIE not in client.cookies


@pytest.mark.parametrize("breakage", ["audience", "expired"])
def test_id_token_for_another_client_or_expired_is_rejected(client, idp, breakage):
    if breakage == "audience":
        idp.audience = "someone-else"
    else:
        idp.lifetime = -120
    resp = _sign_in(client)
    assert resp.status_code == 400 and "Connexion impossible" in resp.text
    assert SESSION_COOKIE not in client.cookies


def test_state_mismatch_is_rejected(client):
    resp = _sign_in(client, tamper_state=True)
    assert resp.status_code == 400 and "Connexion impossible" in resp.text
    assert SESSION_COOKIE not in client.cookies


def test_one_time_link_works_once(db, client):
    token = in_write(do_create_login_link)
    first = client.get(f"/api/auth/link?t={token}", follow_redirects=False)
    assert first.status_code == 303 and coach_of(client.cookies[SESSION_COOKIE])
    client.cookies.clear()
    replay = client.get(f"/api/auth/link?t={token}", follow_redirects=False)
    assert replay.status_code == 403 and "déjà servi" in replay.text
    assert SESSION_COOKIE not in client.cookies
    forged = client.get(f"/api/auth/link?t={token[:-3]}abc", follow_redirects=False)
    assert forged.status_code == 403 and "invalide" in forged.text


def test_logout_clears_the_cookie(db, client):
    client.get(f"/api/auth/link?t={in_write(do_create_login_link)}", follow_redirects=False)
    out = client.post("/api/auth/logout", headers={"Origin": "http://127.0.0.1:3000"}, follow_redirects=False)
    assert out.status_code == 303 and f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
