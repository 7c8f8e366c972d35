"""Provider callbacks and the email unsubscribe link.

- `POST /api/webhooks/twilio`: inbound WhatsApp messages. The `X-Twilio-Signature` is
  checked with the SDK's RequestValidator against the PUBLIC URL Twilio called
  (SITE_URL + path: behind a proxy the request's own host is not what Twilio signed).
  A missing signature → 403 before the body is read; the body is read with its own cap
  (64 KB, chunked bodies counted as they stream → 413) and only then parsed; a bad
  signature → 403 and nothing is done. Every message opens the 24 h window;
  STOP / ARRÊT opts the contact out, START back in (answered in TwiML).
- `GET|POST /api/unsubscribe/{token}`: the signed link of every campaign email. GET (the
  person clicks the link) and POST (the mail client's RFC 8058 one-click) both opt the
  contact out of email, idempotently, and show a short French confirmation.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import parse_qsl

from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from afroboost import texts
from afroboost.db import run_write, utc_now
from afroboost.services.contacts.consent import do_inbound_whatsapp, do_unsubscribe
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.webhooks")
MAX_FORM_BYTES = 64 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"


def public_url(request: Request) -> str:
    url = get_settings().site_url.rstrip("/") + request.url.path
    return f"{url}?{request.url.query}" if request.url.query else url


async def read_capped(request: Request, cap: int) -> bytes | None:
    """The request body, or None as soon as it passes `cap` bytes (declared or streamed)."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > cap):
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            return None
    return bytes(body)


def form_params(body: bytes) -> ImmutableMultiDict:
    """An urlencoded form as Twilio's RequestValidator reads it (`getlist` for a repeated key)."""
    return ImmutableMultiDict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


async def twilio_inbound(request: Request) -> Response:
    token = get_settings().twilio_auth_token.strip()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:  # refused before a byte of the body is read
        log.warning("[SECURITY] Twilio webhook refused: %s", "no signature" if token else "not configured")
        return PlainTextResponse("forbidden", status_code=403)
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM_TYPE:
        return PlainTextResponse("unsupported media type", status_code=415)
    # Read with our own cap (chunked bodies too), then parse: never an unbounded `request.form()`.
    body = await read_capped(request, MAX_FORM_BYTES)
    if body is None:
        log.warning("[SECURITY] Twilio webhook refused: body over %s bytes", MAX_FORM_BYTES)
        return PlainTextResponse("too large", status_code=413)
    params = form_params(body)
    if not RequestValidator(token).validate(public_url(request), params, signature):
        log.warning("[SECURITY] Twilio webhook refused: bad signature")
        return PlainTextResponse("forbidden", status_code=403)
    reply = MessagingResponse()
    sender = str(params.get("From") or "")
    if sender and "Body" in params:  # a status callback (MessageStatus, no Body) is not a message from them
        outcome = await run_write(do_inbound_whatsapp, phone=sender, body=str(params.get("Body") or ""), at=utc_now())
        if outcome == "stop":
            reply.message(texts.WA_STOP_REPLY)
        elif outcome == "start":
            reply.message(texts.WA_START_REPLY)
    return Response(str(reply), media_type="text/xml")


def simple_page(title: str, hint: str, status: int, *, page_title: str = "", testid: str = "unsubscribe-message",
                extra_html: str = "") -> HTMLResponse:
    """A small self-contained page (no script) in the site's colours; `extra_html` must be escaped already."""
    body = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{html.escape(page_title or texts.UNSUB_TITLE)}</title></head>
<body style="margin:0;background:#000;color:#fff;font-family:Arial,Helvetica,sans-serif;">
<main style="max-width:480px;margin:15vh auto;padding:28px;border:1px solid #8B5CF6;border-radius:16px;">
<h1 style="font-size:20px;color:#E91E63;margin:0 0 12px 0;">Afroboost</h1>
<p data-testid="{testid}" style="font-size:16px;margin:0 0 10px 0;">{html.escape(title)}</p>
<p style="font-size:14px;color:#ccc;margin:0;">{html.escape(hint)}</p>{extra_html}
</main></body></html>"""
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def _page(title: str, hint: str, status: int) -> HTMLResponse:
    return simple_page(title, hint, status)


async def unsubscribe(request: Request) -> Response:
    contact_id = await run_write(do_unsubscribe, token=request.path_params["token"], now=utc_now())
    if contact_id is None:
        return _page(texts.UNSUB_BAD, texts.UNSUB_BAD_HINT, 400)
    log.info("[CONSENT] contact %s unsubscribed from email (%s)", contact_id, request.method)
    return _page(texts.UNSUB_DONE, texts.UNSUB_DONE_HINT, 200)


def webhook_routes() -> list[Route]:
    return [
        Route("/api/webhooks/twilio", twilio_inbound, methods=["POST"]),
        Route("/api/unsubscribe/{token}", unsubscribe, methods=["GET", "POST"]),
    ]
