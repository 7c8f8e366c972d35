"""WhatsApp through Twilio's own SDK (`twilio.rest.Client` on its aiohttp transport).

Rules that decide what we may send (Meta's, enforced by Twilio):
- free text only inside the 24 h customer window (the contact wrote to us in the last
  24 h); outside it only an approved template (ContentSid + variables). Without one the
  delivery fails here, before any call to Twilio;
- a zombie retry (`previous_provider_id` set: a crash happened after Twilio accepted the
  message but before we recorded it) first fetches that MessageSid and reports it sent
  instead of sending a second copy. The sid is stored on the delivery row the moment
  Twilio accepts a message, so that check has something to ask about.

TWILIO_BASE_URL points the SDK at another host (tests: a fake server on 127.0.0.1) through
a custom HTTP client, the way Twilio's docs suggest for proxies; the SDK still builds,
authenticates and parses every request itself.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import aiohttp
import sqlalchemy as sa
from sqlmodel import Session
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from afroboost import texts
from afroboost.db import run_write
from afroboost.integrations.channels import OutgoingMessage, SendResult
from afroboost.integrations.pacing import Pacer
from afroboost.models.campaign import Delivery
from afroboost.settings import Settings, get_settings

NOT_CONFIGURED = "not_configured"
WA_WINDOW = "wa_window"
NO_PHONE = "no_phone"
NETWORK = "network"
MAX_BODY = 1600  # Twilio's limit for one WhatsApp message body
DEFAULT_RETRY_AFTER = 2.0  # Twilio's 429s rarely say how long to wait
FAILED_STATUSES = frozenset({"failed", "undelivered"})
# Permanent Twilio errors worth a French explanation in the delivery table.
KNOWN_CODES = {"63016": texts.CH_WA_WINDOW, **texts.CH_WA_ERRORS}

log = logging.getLogger("afroboost.campaigns")
_retry_after: contextvars.ContextVar[float | None] = contextvars.ContextVar("twilio_retry_after", default=None)


class _HttpClient(AsyncTwilioHttpClient):
    """Twilio's aiohttp client, sent to `base_url` instead of *.twilio.com when one is set.

    One instance per send call, created inside the running loop and closed after it: an
    aiohttp session must not outlive its event loop (the dispatcher and tests use several).
    """

    def __init__(self, base_url: str, timeout_s: float):
        super().__init__(pool_connections=False, timeout=timeout_s)
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s))
        self.base_url = base_url.rstrip("/")

    async def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                      allow_redirects=False):
        if self.base_url:
            parts = urlsplit(url)
            url = f"{self.base_url}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        response = await super().request(method, url, params=params, data=data, headers=headers, auth=auth,
                                         timeout=timeout, allow_redirects=allow_redirects)
        if response.status_code == 429:  # the SDK's exception drops the headers: keep Retry-After here
            _retry_after.set(_seconds((response.headers or {}).get("Retry-After")))
        return response


def _seconds(value) -> float | None:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _code_of(exc: TwilioException) -> tuple[int | None, str, str]:
    """(HTTP status, Twilio error code, message) of either SDK error shape."""
    if isinstance(exc, TwilioServiceException):
        return exc.status, str(exc.code or exc.status or ""), exc.detail or exc.title or ""
    if isinstance(exc, TwilioRestException):
        return exc.status, str(exc.code or exc.status or ""), exc.msg or ""
    return None, "", str(exc)


def failure_from(exc: Exception) -> SendResult:
    """A Twilio error as a SendResult: 429 and 5xx are retried, anything else is permanent."""
    if not isinstance(exc, TwilioException):  # aiohttp errors, timeouts: nothing was answered
        return SendResult("retry", error_code=NETWORK, error_message=texts.CH_PROVIDER_DOWN,
                          retry_after=DEFAULT_RETRY_AFTER)
    status, code, msg = _code_of(exc)
    if status == 429 or code == "20429":
        return SendResult("retry", error_code="429", error_message=texts.CH_RATE_LIMITED,
                          retry_after=_retry_after.get() or DEFAULT_RETRY_AFTER)
    if status is not None and status >= 500:
        return SendResult("retry", error_code=str(status), error_message=texts.CH_PROVIDER_DOWN,
                          retry_after=DEFAULT_RETRY_AFTER)
    known = KNOWN_CODES.get(code)
    detail = f"{known} (Twilio {code})" if known else f"Twilio {code}: {msg}"
    return SendResult("failed", error_code=code, error_message=detail[:500])


def remember_sid(session: Session, *, delivery_id: int, sid: str) -> None:
    """Store the MessageSid on the delivery row as soon as Twilio accepted it (see TwilioWhatsApp)."""
    session.execute(sa.update(Delivery).where(Delivery.id == delivery_id, Delivery.provider_id == "")
                    .values(provider_id=sid))


def absolute_url(url: str, site_url: str) -> str:
    url = (url or "").strip()
    if url.startswith("/"):
        return site_url.rstrip("/") + url
    return url if url.startswith(("http://", "https://")) else ""


class TwilioWhatsApp:
    channel = "whatsapp"
    max_batch = 1  # Twilio has no batch API: one request per message

    def __init__(self, *, account_sid: str, auth_token: str, sender: str, base_url: str = "",
                 rate_per_s: float = 10.0, site_url: str = "", timeout_s: float = 15.0):
        self.account_sid = account_sid.strip()
        self.auth_token = auth_token.strip()
        self.sender = sender.strip().removeprefix("whatsapp:")
        self.base_url = base_url.strip()
        self.rate_per_s = rate_per_s
        self.site_url = site_url
        self.timeout_s = timeout_s
        self.pacer = Pacer(rate_per_s)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> TwilioWhatsApp:
        s = settings or get_settings()
        return cls(account_sid=s.twilio_account_sid, auth_token=s.twilio_auth_token, sender=s.twilio_whatsapp_from,
                   base_url=s.twilio_base_url, rate_per_s=s.twilio_rate_per_s, site_url=s.site_url)

    def configured(self) -> bool:
        return bool(self.account_sid and self.auth_token and self.sender)

    async def send(self, message: OutgoingMessage) -> SendResult:
        return (await self.send_batch([message]))[0]

    async def send_batch(self, messages: list[OutgoingMessage]) -> list[SendResult]:
        if not self.configured():
            return [SendResult("failed", error_code=NOT_CONFIGURED, error_message=texts.CH_NOT_CONFIGURED)
                    for _ in messages]
        async with self._client() as client:
            return list(await asyncio.gather(*(self._send_one(client, m) for m in messages)))

    @asynccontextmanager
    async def _client(self) -> AsyncIterator[Client]:
        http = _HttpClient(self.base_url, self.timeout_s)
        try:
            yield Client(self.account_sid, self.auth_token, http_client=http)
        finally:
            await http.close()

    async def _send_one(self, client: Client, m: OutgoingMessage) -> SendResult:
        try:
            return await self._attempt(client, m)
        except Exception as exc:  # one recipient's failure never reaches the others
            result = failure_from(exc)
            if result.error_code == "429":
                self.pacer.push_back(result.retry_after or DEFAULT_RETRY_AFTER)
            return result

    async def _attempt(self, client: Client, m: OutgoingMessage) -> SendResult:
        phone = (m.to_phone or "").strip().removeprefix("whatsapp:")
        if not phone.startswith("+"):
            return SendResult("failed", error_code=NO_PHONE, error_message=texts.CH_NO_PHONE)
        if m.previous_provider_id:
            earlier = await self._earlier_send(client, m.previous_provider_id)
            if earlier is not None:
                return earlier
        if not m.in_whatsapp_window and not m.wa_content_sid:
            return SendResult("failed", error_code=WA_WINDOW, error_message=texts.CH_WA_WINDOW)
        kwargs: dict = {"to": f"whatsapp:{phone}", "from_": f"whatsapp:{self.sender}"}
        if m.in_whatsapp_window:
            link = absolute_url(m.media_url, self.site_url)
            kwargs["body"] = (f"{m.body}\n\n{link}" if link else m.body)[:MAX_BODY]
        else:
            kwargs["content_sid"] = m.wa_content_sid
            if m.wa_variables:
                kwargs["content_variables"] = json.dumps(m.wa_variables, ensure_ascii=False)
        async with self.pacer.request():
            sent = await client.messages.create_async(**kwargs)
        if sent.status in FAILED_STATUSES:
            code = str(sent.error_code or "")
            return SendResult("failed", provider_id=sent.sid, error_code=code,
                              error_message=(KNOWN_CODES.get(code) or sent.error_message or code)[:500])
        await self._remember(m.delivery_id, sent.sid)
        return SendResult("sent", provider_id=sent.sid)

    async def _remember(self, delivery_id: int, sid: str) -> None:
        """Keep the sid on the row right away, not only when the dispatcher records the batch.

        A crash in between would otherwise leave no trace of a message Twilio has: its retry
        could not ask Twilio first (`previous_provider_id`) and the person would get it twice.
        """
        try:
            await run_write(remember_sid, delivery_id=delivery_id, sid=sid)
        except Exception:  # the send itself succeeded: the dispatcher still records the sid
            log.exception("[CAMPAIGN] could not store MessageSid %s on delivery %s", sid, delivery_id)

    async def _earlier_send(self, client: Client, sid: str) -> SendResult | None:
        """A message Twilio already has for this delivery: report it, never send it twice.

        None when there is nothing to report and a send is right: Twilio never got it (404),
        or it failed there (nobody received it, a new attempt is no duplicate).
        """
        try:
            async with self.pacer.request():
                earlier = await client.messages(sid).fetch_async()
        except TwilioException as exc:
            status, _, _ = _code_of(exc)
            if status == 404:
                return None
            raise
        if earlier.status in FAILED_STATUSES:
            return None
        return SendResult("sent", provider_id=earlier.sid or sid)
