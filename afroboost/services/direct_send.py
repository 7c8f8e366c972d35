"""One short transactional text to one contact, by email (Resend) or WhatsApp (Twilio).

Verification codes and « Code oublié ? » use it: the message goes only to the email or
phone ON FILE for the contact, never to an address the requester typed. The campaign
adapters do the sending (their SDKs, their error translation); nothing here touches the
delivery ledger, since these texts belong to no campaign.

WhatsApp: free text reaches a number only inside Meta's 24 h window. Outside it an approved
template is needed: TWILIO_CODE_CONTENT_SID (a template whose variable {{1}} is the text's
code or summary) is used when set.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from afroboost.integrations.channels import OutgoingMessage
from afroboost.services.campaigns.channels import adapters_from_settings
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.direct")

EMAIL, WHATSAPP = "email", "whatsapp"


@dataclass
class Recipient:
    """Where a contact can be reached (from the contact row, never from the request)."""

    email: str | None = None
    phone: str | None = None  # E.164
    first_name: str = ""


@dataclass
class DirectText:
    subject: str  # email subject
    body: str  # the whole text (email body, WhatsApp free text)
    short: str = ""  # what a WhatsApp template's {{1}} receives (the code); default: body


def mask_email(email: str) -> str:
    """« awa@exemple.ch » → « a•••@e•••.ch »: enough to recognise, too little to learn."""
    local, _, domain = (email or "").partition("@")
    host, dot, tld = domain.rpartition(".")
    if not dot:
        host, tld = domain, ""
    return f"{local[:1]}•••@{host[:1]}•••" + (f".{tld}" if tld else "")


def mask_phone(phone: str) -> str:
    """« +41791234567 » → « +41 ••• •• 67 »."""
    phone = phone or ""
    return f"{phone[:3]} ••• •• {phone[-2:]}" if len(phone) > 5 else "•••"


def masked(to: Recipient, channel: str) -> str:
    return mask_email(to.email or "") if channel == EMAIL else mask_phone(to.phone or "")


def channel_order(to: Recipient, prefer: str) -> list[str]:
    """The channels this contact has, the preferred one first."""
    have = [c for c, ok in ((EMAIL, to.email), (WHATSAPP, to.phone)) if ok]
    return sorted(have, key=lambda c: c != prefer)


def _message(channel: str, to: Recipient, text: DirectText, key: str) -> OutgoingMessage:
    content_sid = get_settings().twilio_code_content_sid.strip()
    return OutgoingMessage(
        delivery_id=0, idempotency_key=f"afroboost-direct-{key}", channel=channel, campaign_id=0,
        campaign_name=text.subject, body=text.body, first_name=to.first_name,
        to_email=to.email if channel == EMAIL else None, to_phone=to.phone if channel == WHATSAPP else None,
        in_whatsapp_window=not content_sid, wa_content_sid=content_sid,
        wa_variables={"1": text.short or text.body} if content_sid else {},
    )


async def send_direct(to: Recipient, text: DirectText, *, prefer: str = EMAIL, key: str = "") -> str:
    """Send `text` to the contact; returns the channel that accepted it, or '' when none could.

    Tries the preferred channel, then the contact's other one. '' means nothing left the
    server (no channel configured, or every provider refused): the caller falls back to
    the server log and the coach's dashboard.
    """
    adapters = adapters_from_settings()
    key = key or secrets.token_hex(8)
    for channel in channel_order(to, prefer):
        adapter = adapters[channel]
        if not adapter.configured():
            continue
        result = await adapter.send(_message(channel, to, text, key))
        if result.status == "sent":
            return channel
        log.warning("[DIRECT] %s to %s not sent: %s %s", channel, masked(to, channel), result.error_code,
                    result.error_message)
    return ""
