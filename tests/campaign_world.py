"""Campaign test helpers: people, groups, scheduled campaigns and fake channel adapters.

Shared by tests/unit/services/campaigns/test_campaigns.py, tests/unit/services/campaigns/test_dispatch.py and
tests/integration/test_dispatch_race.py. The fake adapters implement the ChannelAdapter
protocol and record every message they were given; they never touch the database.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Callable

from sqlmodel import func, select

from afroboost.db import in_read, in_write, write_session
from afroboost.integrations.channels import OutgoingMessage, SendResult
from afroboost.models import Campaign, Contact, Delivery
from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign
from afroboost.services.chat.groups import do_add_member, do_create_group
from tests.factories import NOW


def make_people(n: int, *, start: int = 1, phone: bool = True, email: bool = True,
                first_name: str | None = None) -> list[int]:
    """`n` contacts (« Awa1 »… unless `first_name`), with or without phone / email; their ids."""
    with write_session() as s:
        rows = [Contact(first_name=first_name if first_name is not None else f"Awa{i}", last_name="Diallo",
                        email=f"p{i}@example.ch" if email else None,
                        phone=f"+4179{1000000 + i:07d}" if phone else None) for i in range(start, start + n)]
        s.add_all(rows)
        s.flush()
        return [c.id for c in rows]


def make_group(title: str, members: list[int]) -> int:
    with write_session() as s:
        gid = do_create_group(s, title=title).id
        for cid in members:
            do_add_member(s, group_id=gid, contact_id=cid)
        return gid


def users(*ids: int) -> list[dict]:
    return [{"type": "user", "id": i} for i in ids]


def groups(*ids: int) -> list[dict]:
    return [{"type": "group", "id": i} for i in ids]


def schedule(targets: list[dict], *, channels: dict | None = None, body: str = "Salut {prénom} !",
             slots=(), now=NOW, name: str = "Stage", wa_content_sid: str = "") -> int:
    """A campaign scheduled through the real service (slots + rows); its id."""
    draft = CampaignDraft(name=name, body=body, targets=targets, channels=channels or {"internal": True},
                          slots=list(slots), wa_content_sid=wa_content_sid)
    return in_write(do_save_campaign, draft=draft, schedule=True, now=now).id


def deliveries(campaign_id: int | None = None) -> list[Delivery]:
    stmt = select(Delivery).order_by(Delivery.id)
    if campaign_id is not None:
        stmt = stmt.where(Delivery.campaign_id == campaign_id)
    return in_read(lambda s: s.exec(stmt).all())


def statuses(campaign_id: int | None = None) -> Counter:
    return Counter(d.status for d in deliveries(campaign_id))


def campaign(campaign_id: int) -> Campaign:
    return in_read(lambda s: s.get(Campaign, campaign_id))


def count(model, *where) -> int:
    return in_read(lambda s: s.exec(select(func.count()).select_from(model).where(*where)).one())


def sent_ok(m: OutgoingMessage) -> SendResult:
    return SendResult("sent", provider_id=f"{m.channel}-{m.delivery_id}")


class FakeAdapter:
    """A ChannelAdapter that answers from `script(message)` and records what it was asked to send."""

    def __init__(self, channel: str, script: Callable[[OutgoingMessage], SendResult] = sent_ok, *,
                 configured: bool = True, delay: float = 0.0, max_batch: int = 100, fail_with: Exception | None = None):
        self.channel = channel
        self.script = script
        self.max_batch = max_batch
        self.delay = delay
        self.fail_with = fail_with
        self._configured = configured
        self.sent: list[OutgoingMessage] = []
        self.calls: list[tuple[float, int]] = []  # (monotonic time, batch size)
        self._lock = threading.Lock()  # several dispatchers (threads) may share one fake

    def configured(self) -> bool:
        return self._configured

    async def send(self, message: OutgoingMessage) -> SendResult:
        return (await self.send_batch([message]))[0]

    async def send_batch(self, messages: list[OutgoingMessage]) -> list[SendResult]:
        with self._lock:
            self.calls.append((time.monotonic(), len(messages)))
            self.sent.extend(messages)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_with is not None:
            raise self.fail_with
        return [self.script(m) for m in messages]

    def keys(self) -> Counter:
        return Counter(m.idempotency_key for m in self.sent)


def set_status(delivery_ids: list[int], **values) -> None:
    def go(s):
        for did in delivery_ids:
            d = s.get(Delivery, did)
            for k, v in values.items():
                setattr(d, k, v)
            s.add(d)
    in_write(go)
