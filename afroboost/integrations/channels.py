"""What every campaign channel adapter takes and returns (internal chat, WhatsApp, email).

The dispatcher (services/dispatch.py) builds one OutgoingMessage per claimed delivery row
and calls the adapter of its channel; adapters never touch the ledger. A provider failure
is a SendResult, never an exception that could stop the other recipients.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class OutgoingMessage:
    delivery_id: int
    idempotency_key: str  # stable per delivery row: "afroboost-delivery-<id>"
    channel: str  # internal | group | whatsapp | email
    campaign_id: int
    campaign_name: str
    body: str  # already personalised ({prénom} replaced)
    media_url: str = ""
    contact_id: int | None = None
    conversation_id: int | None = None  # group channel: the group room
    first_name: str = ""
    to_email: str | None = None
    to_phone: str | None = None  # E.164
    in_whatsapp_window: bool = False  # the contact wrote to us on WhatsApp in the last 24 h
    wa_content_sid: str = ""  # approved template (needed outside the 24 h window)
    wa_variables: dict[str, str] = field(default_factory=dict)
    unsubscribe_url: str = ""  # email: one-click opt-out (also in List-Unsubscribe)
    previous_provider_id: str = ""  # set when a zombie row is retried: check before sending again
    # email: files sent with it, {"filename", "content" (base64), "content_type"} (Resend's shape)
    attachments: list[dict[str, str]] = field(default_factory=list)
    transactional: bool = False  # a booking message, not marketing (services/notices/)


@dataclass
class SendResult:
    status: str  # "sent" | "failed" | "retry"
    provider_id: str = ""  # Twilio MessageSid, Resend email id, chat message id
    error_code: str = ""  # provider code (Twilio 63016, 21211, HTTP status…) or our reason key
    error_message: str = ""
    retry_after: float | None = None  # seconds, for "retry"


class ChannelAdapter(Protocol):
    channel: str

    def configured(self) -> bool:
        """False when credentials are missing: deliveries then fail with « non configuré »."""

    async def send(self, message: OutgoingMessage) -> SendResult: ...

    async def send_batch(self, messages: list[OutgoingMessage]) -> list[SendResult]:
        """Several at once where the provider allows it (Resend: up to 100); same order as given."""
