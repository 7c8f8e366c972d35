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
  before its body is spooled to disk (a real session: services/auth.access_coach_session).

It wraps the app Reflex builds from our routes (`api_transformer`); only Reflex's own thin
top layer (CORS headers, context variables) runs before it, and that reads no body.
A websocket refused here is closed before `accept`: the ASGI server (granian) answers
the upgrade with HTTP 403 and no socket ever opens.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qs

from afroboost.db import run_read
from afroboost.services.auth import access_coach_session, session_cookie
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.security")

EVENT_PATH = "/_event"
UPLOAD_PATH = "/_upload"
# Room for the multipart envelope around an image of `uploads_max_bytes`.
UPLOAD_OVERHEAD = 64 * 1024
# The frontend's own generator (reflex_base .templates/web/utils/state.js `generateUUID`) writes
# the variant digit as `(r & 0x7) | 0x8`: 8…f, not only RFC 4122's 8…b. Refusing c…f would
# refuse about half of all real browsers; Reflex's server-made tokens (uuid4) are 8…b.
_UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89a-f][0-9a-f]{3}-[0-9a-f]{12}")


def valid_client_token(token: str) -> bool:
    return bool(_UUID4.fullmatch(token or ""))


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


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

    @property
    def routes(self) -> list:
        """The wrapped app's routes: Reflex mounts the guard at "", and `request.url_for`
        (e.g. the OAuth callback URL) looks for route names through each mount's `routes`."""
        return getattr(self.app, "routes", [])

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
        if scope.get("method") in ("GET", "HEAD") and path.rstrip("/") != UPLOAD_PATH \
                and "content-length" not in headers and "transfer-encoding" not in headers:
            return await self.app(scope, receive, send)  # pages and assets: no body to cap, nothing to wrap
        settings = get_settings()
        # Any method but a read: Reflex routes only POST here, and a PUT must not slip past the check.
        upload = path.rstrip("/") == UPLOAD_PATH and scope.get("method") not in ("GET", "HEAD", "OPTIONS")
        cap = settings.uploads_max_bytes + UPLOAD_OVERHEAD if upload else settings.request_max_bytes
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > cap):
            return await _refuse(scope, send, 413, "request body too large")
        if upload and not await run_read(access_coach_session, value=session_cookie(headers.get("cookie"))):
            return await _refuse(scope, send, 403, "coach session required")
        return await self._capped(scope, receive, send, cap)

    async def _capped(self, scope, receive, send, cap: int):
        """Run the app with a body that stops at `cap` bytes.

        Past the cap the client gets its 413 at once and the app sees the client gone
        (`http.disconnect`): nothing past the cap is read, and whatever the app does next
        (an error page, a traceback) is dropped instead of replacing the 413.
        """
        seen, started, refused = 0, False, False

        async def counted_receive():
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    refused = True
                    if not started:
                        await _refuse(scope, send, 413, "request body too large")
                    return {"type": "http.disconnect"}
            return message

        async def tracked_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except Exception:
            if not refused:
                raise
