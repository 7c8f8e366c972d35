"""The internal channels ("internal": the person's own conversation, "group": a group room) as a
campaign channel adapter.

Our own database is the « provider »: the adapter only speaks the channel protocol (chunks,
SendResult, retry on trouble) and hands each chunk to a writer the service layer gives it
(services/campaigns/chat_delivery.py stores the messages and shows them live).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from afroboost import texts
from afroboost.integrations.channels import OutgoingMessage, SendResult

log = logging.getLogger("afroboost.campaigns")
BATCH = 200  # messages per transaction

# Stores one chunk in one transaction; same order as given. Raises Raced, or anything on database trouble.
ChatWriter = Callable[[str, list[OutgoingMessage]], Awaitable[list[SendResult]]]


class Raced(Exception):
    """Another attempt stored a message for one of these deliveries first: this chunk rolls back."""


class ChatChannel:
    max_batch = BATCH
    rate_per_s = 0.0  # our own database: no provider pacing

    def __init__(self, channel: str = "internal", *, write: ChatWriter):
        if channel not in ("internal", "group"):
            raise ValueError(channel)
        self.channel = channel
        self.write = write

    def configured(self) -> bool:
        return True

    async def send(self, message: OutgoingMessage) -> SendResult:
        return (await self.send_batch([message]))[0]

    async def send_batch(self, messages: list[OutgoingMessage]) -> list[SendResult]:
        results: list[SendResult] = []
        for start in range(0, len(messages), BATCH):
            chunk = messages[start:start + BATCH]
            try:
                results += await self.write(self.channel, chunk)
            except Exception as exc:  # a race or database trouble: nothing of this chunk was kept, try again later
                if isinstance(exc, Raced):
                    log.warning("[CAMPAIGN] chat delivery raced, retrying: %s", exc)
                else:
                    log.exception("[CAMPAIGN] chat delivery failed for %d message(s)", len(chunk))
                results += [SendResult("retry", error_code="db", error_message=texts.CH_PROVIDER_DOWN, retry_after=2.0)
                            for _ in chunk]
        return results
