"""/api/auth/*: Google sign-in (Authlib, OIDC with state + nonce + PKCE), one-time links, logout.

Authlib keeps `state`, `nonce` and the PKCE verifier in `request.session`, so this
sub-app has its own short-lived SessionMiddleware. The coach session itself is a row in
`coach_session` (services/auth.py) whose random id travels in the HttpOnly `afro_sid`
cookie, which the Reflex state reads from the websocket handshake (see state/auth.py).

Logout (`POST /api/auth/logout`) and « se déconnecter partout »
(`POST /api/auth/logout/everywhere`) are POSTs from the site's own pages: a GET, or a POST
whose Origin (or Referer) is another site, changes nothing — no cross-site page can end
the coach's sessions. The cookie is also SameSite=Lax, so a cross-site POST would not carry it.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import urlsplit

from authlib.integrations.starlette_client import OAuth, OAuthError
from joserfc.errors import JoseError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from afroboost import texts
from afroboost.db import run_write
from afroboost.services import ServiceError
from afroboost.services.auth import (
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    do_consume_login_link,
    do_end_coach_session,
    do_start_coach_session,
    is_coach_email,
)
from afroboost.settings import get_secret_key, get_settings

log = logging.getLogger("afroboost.auth")
COACH_HOME = "/coach"


def _oauth() -> OAuth:
    settings = get_settings()
    oauth = OAuth()
    oauth.register(
        "google", client_id=settings.google_client_id, client_secret=settings.google_client_secret,
        server_metadata_url=settings.google_metadata_url,
        client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256"},
    )
    return oauth


def auth_page(key: str, status: int = 403) -> HTMLResponse:
    """A small French page (fixed texts, escaped) with a way back."""
    title, message = (html.escape(t) for t in texts.AUTH_PAGES[key])
    body = (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{title} – Afroboost</title></head>"
        "<body style='background:#000;color:#f4f4f5;font-family:system-ui,sans-serif;"
        "display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0'>"
        "<main style='max-width:420px;padding:24px;border:1px solid rgba(139,92,246,.4);border-radius:16px'>"
        f"<h1 style='color:#E91E63' data-testid='auth-title'>{title}</h1><p data-testid='auth-message'>{message}</p>"
        f"<p><a href='/' style='color:#8B5CF6'>{html.escape(texts.AUTH_PAGE_BACK)}</a></p></main></body></html>"
    )
    return HTMLResponse(body, status_code=status)


async def _signed_in(email: str) -> RedirectResponse:
    value = await run_write(do_start_coach_session, email=email)
    # Relative redirect: cookies are per host, and the browser may have come via 127.0.0.1.
    resp = RedirectResponse(COACH_HOME, status_code=303)
    resp.set_cookie(SESSION_COOKIE, value, max_age=SESSION_MAX_AGE, httponly=True,
                    secure=get_settings().secure_cookies, samesite="lax", path="/")
    log.info("coach signed in: %s", email)
    return resp


async def login(request: Request):
    if not get_settings().google_configured:
        return auth_page("not_configured", status=503)
    redirect_uri = str(request.url_for("auth_callback"))
    return await request.app.state.oauth.google.authorize_redirect(request, redirect_uri)


async def callback(request: Request):
    if not get_settings().google_configured:
        return auth_page("not_configured", status=503)
    try:
        # Checks `state`, exchanges the code with the PKCE verifier, verifies the ID token
        # (signature via JWKS, iss, aud, exp, nonce).
        token = await request.app.state.oauth.google.authorize_access_token(request)
    except (OAuthError, JoseError) as exc:  # bad state, code, signature, iss/aud/exp/nonce…
        log.warning("[SECURITY] Google sign-in failed: %s", getattr(exc, "error", exc))
        return auth_page("failed", status=400)
    info = token.get("userinfo") or {}
    email = str(info.get("email") or "").lower()
    if info.get("email_verified") is not True:
        return auth_page("unverified")
    if not is_coach_email(email):
        log.warning("[SECURITY] Tentative non autorisée par: %s", email)
        return auth_page("refused")
    return await _signed_in(email)


async def link(request: Request):
    try:
        email = await run_write(do_consume_login_link, token=request.query_params.get("t", ""))
    except ServiceError as e:
        log.warning("[SECURITY] one-time link refused: %s", e.key)
        return auth_page(e.key if e.key in texts.AUTH_PAGES else "link_invalid")
    return await _signed_in(email)


def same_origin(request: Request) -> bool:
    """The request comes from one of the site's own pages (Origin, else Referer, is ours)."""
    origin = request.headers.get("origin") or ""
    if not origin or origin == "null":
        referer = urlsplit(request.headers.get("referer") or "")
        origin = f"{referer.scheme}://{referer.netloc}" if referer.netloc else ""
    return origin.rstrip("/").lower() in get_settings().origins


async def _logout(request: Request, *, everywhere: bool):
    if not same_origin(request):
        log.warning("[SECURITY] logout refused: foreign origin %r", request.headers.get("origin"))
        return auth_page("logout_refused")
    ended = await run_write(do_end_coach_session, value=request.cookies.get(SESSION_COOKIE),
                            everywhere=everywhere)
    log.info("coach logout%s: %s session(s) ended", " everywhere" if everywhere else "", ended)
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/", secure=get_settings().secure_cookies, httponly=True,
                       samesite="lax")
    return resp


async def logout(request: Request):
    return await _logout(request, everywhere=False)


async def logout_everywhere(request: Request):
    return await _logout(request, everywhere=True)


def create_auth_app() -> Starlette:
    app = Starlette(
        routes=[
            Route("/login", login),
            Route("/callback", callback, name="auth_callback"),
            Route("/link", link),
            Route("/logout", logout, methods=["POST"]),
            Route("/logout/everywhere", logout_everywhere, methods=["POST"]),
        ],
        middleware=[Middleware(SessionMiddleware, secret_key=get_secret_key(), session_cookie="afro_oauth",
                               same_site="lax", max_age=600, https_only=get_settings().secure_cookies)],
    )
    app.state.oauth = _oauth()
    return app
