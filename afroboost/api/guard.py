"""The outermost ASGI layer: what is refused before Reflex or any route reads a byte.

- The websocket (`/_event`): the client token must have the shape Reflex's frontend makes
  (a version-4 UUID) and the `Origin`, when a browser sends one, must be the site's
  (SITE_URL, ALLOWED_ORIGINS). A token such as `room-12` or `inbox-coach` would otherwise
  load the shared state stored under that name; it is refused at the handshake, before any
  state is loaded.
- Request bodies: a declared `Content-Length` over the cap is answered 413 at once; a body
  without one (chunked) is counted while it streams and cut at the cap. Uploads have their
  own, larger cap.
- `POST /_upload` (coach images) needs a live coach session: an anonymous upload is refused
  before its body is spooled to disk.
"""

from __future__ import annotations

import logging
import re
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

from afroboost.db import run_read
from afroboost.services.auth import SESSION_COOKIE, access_coach_session
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.security")

EVENT_PATH = "/_event"
UPLOAD_PATH = "/_upload"
# Room for the multipart envelope around an image of `uploads_max_bytes`.
UPLOAD_OVERHEAD = 64 * 1024
_UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89a-f][0-9a-f]{3}-[0-9a-f]{12}")


class BodyTooLarge(Exception):
    pass


def valid_client_token(token: str) -> bool:
    return bool(_UUID4.fullmatch(token or ""))


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookie(headers: dict[str, str], name: str) -> str:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except CookieError:
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel else ""


async def _refuse(scope, send, status: int, reason: str) -> None:
    log.warning("[SECURITY] %s %s refused: %s", scope.get("type"), scope.get("path"), reason)
    if scope["type"] == "websocket":
        # A close before accept is answered as HTTP 403 by the server: no socket, no state.
        await send({"type": "websocket.close", "code": 1008})
        return
    body = reason.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware wrapping the whole backend (see the module docstring)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        headers = _headers(scope)
        if path == EVENT_PATH or path.startswith(EVENT_PATH + "/"):
            token = (parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token") or [""])[0]
            if not valid_client_token(token):
                return await _refuse(scope, send, 403, "bad client token")
            origin = headers.get("origin", "").rstrip("/").lower()
            if origin and origin not in get_settings().origins:
                return await _refuse(scope, send, 403, "origin not allowed")
        if kind != "http":
            return await self.app(scope, receive, send)
        settings = get_settings()
        upload = path == UPLOAD_PATH and scope.get("method") == "POST"
        cap = settings.uploads_max_bytes + UPLOAD_OVERHEAD if upload else settings.request_max_bytes
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > cap):
            return await _refuse(scope, send, 413, "request body too large")
        if upload and not await run_read(access_coach_session, value=_cookie(headers, SESSION_COOKIE)):
            return await _refuse(scope, send, 403, "coach session required")
        return await self._capped(scope, receive, send, cap)

    async def _capped(self, scope, receive, send, cap: int):
        seen, started = 0, False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge()
            return message

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _refuse(scope, send, 413, "request body too large")
