"""Campaign emails through Resend's own SDK (`resend.Batch.send_async`, up to 100 per request).

- Every request carries an `Idempotency-Key` derived from its delivery ids, so a retried
  request (timeout, crash, 5xx) never makes Resend send the same emails twice.
- Batches are « permissive »: one invalid address fails alone, the others go out.
- Each email has `List-Unsubscribe` (https + mailto) and `List-Unsubscribe-Post:
  List-Unsubscribe=One-Click` (RFC 8058), pointing at our signed unsubscribe link.
- 429 and 5xx come back as « retry » (with Retry-After when Resend gives it); other 4xx
  are permanent failures carrying the HTTP status as error code.

The SDK is configured through its module globals (`resend.api_key`, `resend.api_url`, the
documented way); RESEND_BASE_URL points it at a fake server in tests.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from email.utils import parseaddr

import resend
from resend.exceptions import ResendError

from afroboost import texts
from afroboost.integrations.channels import OutgoingMessage, SendResult
from afroboost.integrations.email_template import render_campaign_email
from afroboost.integrations.pacing import Pacer
from afroboost.settings import Settings, get_settings

RESEND_API = "https://api.resend.com"
NOT_CONFIGURED = "not_configured"
NO_EMAIL = "no_email"
MAX_BATCH = 100  # Resend's batch limit
DEFAULT_RETRY_AFTER = 1.0


def idempotency_key(messages: list[OutgoingMessage]) -> str:
    """Stable for the same set of deliveries, different for any other set (≤ 256 chars)."""
    if len(messages) == 1:
        return messages[0].idempotency_key or f"afroboost-delivery-{messages[0].delivery_id}"
    ids = sorted(m.delivery_id for m in messages)
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]
    return f"afroboost-deliveries-{ids[0]}-{ids[-1]}-{len(ids)}-{digest}"


def failure_from(exc: Exception) -> SendResult:
    """A Resend error as a SendResult (429/5xx → retry, other 4xx → failed with the status)."""
    if not isinstance(exc, ResendError):
        return SendResult("retry", error_code="network", error_message=texts.CH_PROVIDER_DOWN,
                          retry_after=DEFAULT_RETRY_AFTER)
    try:
        status = int(exc.code)
    except (TypeError, ValueError):
        status = 500
    kind = str(exc.error_type or "")
    if status == 429 and kind in ("daily_quota_exceeded", "monthly_quota_exceeded"):
        return SendResult("failed", error_code=f"429 {kind}"[:40], error_message=f"Resend: {exc.message}"[:500])
    if status == 429:
        headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
        try:
            wait = max(0.0, float(headers.get("retry-after", "")))
        except ValueError:
            wait = DEFAULT_RETRY_AFTER
        return SendResult("retry", error_code="429", error_message=texts.CH_RATE_LIMITED, retry_after=wait)
    if status >= 500 or (status == 409 and kind == "concurrent_idempotent_requests"):
        return SendResult("retry", error_code=str(status), error_message=texts.CH_PROVIDER_DOWN,
                          retry_after=DEFAULT_RETRY_AFTER)
    return SendResult("failed", error_code=str(status), error_message=f"Resend {kind}: {exc.message}"[:500])


class ResendEmail:
    channel = "email"
    max_batch = MAX_BATCH

    def __init__(self, *, api_key: str, sender: str, base_url: str = "", rate_per_s: float = 2.0,
                 site_url: str = "", unsubscribe_mailto: str = ""):
        self.api_key = api_key.strip()
        self.sender = sender.strip()
        self.base_url = (base_url.strip() or RESEND_API).rstrip("/")
        self.rate_per_s = rate_per_s
        self.site_url = site_url
        self.mailto = unsubscribe_mailto.strip() or parseaddr(self.sender)[1]
        self.pacer = Pacer(rate_per_s)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ResendEmail:
        s = settings or get_settings()
        return cls(api_key=s.resend_api_key, sender=s.resend_from, base_url=s.resend_base_url,
                   rate_per_s=s.resend_rate_per_s, site_url=s.site_url, unsubscribe_mailto=s.resend_unsubscribe_mailto)

    def configured(self) -> bool:
        return bool(self.api_key and self.sender)

    async def send(self, message: OutgoingMessage) -> SendResult:
        if message.attachments and self.configured() and message.to_email and "@" in message.to_email:
            return await self._post_one(message)  # Resend's batch endpoint takes no attachments
        return (await self.send_batch([message]))[0]

    async def send_batch(self, messages: list[OutgoingMessage]) -> list[SendResult]:
        if not self.configured():
            return [SendResult("failed", error_code=NOT_CONFIGURED, error_message=texts.CH_NOT_CONFIGURED)
                    for _ in messages]
        results: list[SendResult | None] = [None] * len(messages)
        ready: list[int] = []
        for i, m in enumerate(messages):
            if m.to_email and "@" in m.to_email:
                ready.append(i)
            else:
                results[i] = SendResult("failed", error_code=NO_EMAIL, error_message=texts.CH_NO_EMAIL)
        chunks = [ready[k:k + MAX_BATCH] for k in range(0, len(ready), MAX_BATCH)]
        done = await asyncio.gather(*(self._post([messages[i] for i in chunk]) for chunk in chunks))
        for chunk, chunk_results in zip(chunks, done, strict=True):
            for i, result in zip(chunk, chunk_results, strict=True):
                results[i] = result
        return results  # type: ignore[return-value]

    def params(self, m: OutgoingMessage) -> dict:
        """One email of the batch, as Resend's API takes it.

        The one-click opt-out link comes with the message (services/campaigns/messages.py signs it).
        """
        unsub = m.unsubscribe_url
        mail = render_campaign_email(subject=m.campaign_name, body=m.body, first_name=m.first_name,
                                     media_url=m.media_url, unsubscribe_url=unsub, site_url=self.site_url,
                                     transactional=m.transactional)
        params: dict = {"from": self.sender, "to": [m.to_email], "subject": mail.subject, "html": mail.html,
                        "text": mail.text}
        if m.attachments:
            params["attachments"] = [dict(a) for a in m.attachments]
        if unsub:
            targets = [f"<{unsub}>"] + ([f"<mailto:{self.mailto}?subject=unsubscribe>"] if self.mailto else [])
            params["headers"] = {"List-Unsubscribe": ", ".join(targets),
                                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
        return params

    async def _post_one(self, m: OutgoingMessage) -> SendResult:
        """One email through `/emails` (with its attachments), under its own idempotency key."""
        try:
            async with self.pacer.request():
                resend.api_key, resend.api_url = self.api_key, self.base_url
                response = await resend.Emails.send_async(self.params(m), options={"idempotency_key":
                                                                                   idempotency_key([m])})
        except Exception as exc:
            result = failure_from(exc)
            if result.error_code == "429":
                self.pacer.push_back(result.retry_after or DEFAULT_RETRY_AFTER)
            return result
        email_id = str((response or {}).get("id") or "")
        return (SendResult("sent", provider_id=email_id) if email_id
                else SendResult("retry", error_code="no_id", error_message=texts.CH_PROVIDER_DOWN,
                                retry_after=DEFAULT_RETRY_AFTER))

    async def _post(self, chunk: list[OutgoingMessage]) -> list[SendResult]:
        params = [self.params(m) for m in chunk]
        options = {"idempotency_key": idempotency_key(chunk), "batch_validation": "permissive"}
        try:
            async with self.pacer.request():
                # Module globals, read synchronously when the request starts (no await in between).
                resend.api_key, resend.api_url = self.api_key, self.base_url
                response = await resend.Batch.send_async(params, options=options)
        except Exception as exc:  # one request failing never reaches the other chunks
            result = failure_from(exc)
            if result.error_code == "429":
                self.pacer.push_back(result.retry_after or DEFAULT_RETRY_AFTER)
            return [dataclasses.replace(result) for _ in chunk]
        rejected = {int(e.get("index", -1)): str(e.get("message", "")) for e in (response.get("errors") or [])}
        ids = iter(response.get("data") or [])
        out = []
        for j in range(len(chunk)):
            if j in rejected:
                out.append(SendResult("failed", error_code="422", error_message=f"Resend: {rejected[j]}"[:500]))
                continue
            row = next(ids, None)
            email_id = str((row or {}).get("id") or "")
            out.append(SendResult("sent", provider_id=email_id) if email_id
                       else SendResult("retry", error_code="no_id", error_message=texts.CH_PROVIDER_DOWN,
                                       retry_after=DEFAULT_RETRY_AFTER))
        return out
