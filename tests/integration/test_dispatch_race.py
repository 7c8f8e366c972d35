"""Several dispatchers on one database (SQLite and PostgreSQL): every row is sent exactly once.

Each dispatcher runs in its own thread with its own event loop, as separate workers would,
through the real claim (FOR UPDATE SKIP LOCKED on PostgreSQL, BEGIN IMMEDIATE on SQLite),
the real chat adapter (messages written in the database) and a fake email provider that
records every idempotency key it receives.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from sqlmodel import func, select

from afroboost.db import in_read, in_write
from afroboost.models import ChatMessage
from afroboost.services.campaigns.chat_delivery import chat_channel
from afroboost.services.campaigns.dispatch import claim_due, dispatch_due
from tests.campaign_world import FakeAdapter, campaign, deliveries, make_group, make_people, schedule, statuses, users
from tests.factories import NOW
from tests.race import race

PEOPLE = 250  # × (chat + email) = 500 delivery rows


def test_three_dispatchers_send_every_row_exactly_once(any_db):
    people = make_people(PEOPLE)
    half = PEOPLE // 2
    g = make_group("Les Lionnes", people[:half])
    # The group and direct picks overlap: still one row per person and channel.
    cid = schedule([{"type": "group", "id": g}] + users(*people[half - 10:]),
                   channels={"internal": True, "email": True})
    assert statuses(cid) == Counter(queued=2 * PEOPLE)
    mail = FakeAdapter("email", delay=0.005, max_batch=100)
    adapters = {"internal": chat_channel("internal", publish=False), "email": mail}
    at = NOW + timedelta(minutes=1)

    def dispatcher(n: int) -> int:
        return asyncio.run(dispatch_due(adapters=adapters, now=at, worker=f"dispatcher-{n}", limit=20))

    outcomes = race(dispatcher, range(3), workers=3, timeout=180)
    assert [o.error for o in outcomes if not o.ok] == []
    assert sum(o.result for o in outcomes) == 2 * PEOPLE  # each row claimed by exactly one of them
    assert statuses(cid) == Counter(sent=2 * PEOPLE)
    keys = mail.keys()
    assert len(keys) == PEOPLE and set(keys.values()) == {1}
    assert sorted(m.contact_id for m in mail.sent) == sorted(people)
    per_conv = in_read(lambda s: s.exec(select(ChatMessage.conversation_id, func.count())
                                        .group_by(ChatMessage.conversation_id)).all())
    assert len(per_conv) == PEOPLE and {n for _, n in per_conv} == {1}
    chat_rows = [d for d in deliveries(cid) if d.channel == "internal"]
    assert len({d.provider_id for d in chat_rows}) == PEOPLE
    assert campaign(cid).status == "completed"


def test_concurrent_claims_take_disjoint_rows(any_db):
    people = make_people(PEOPLE)
    schedule(users(*people), channels={"internal": True, "email": True})

    def claim_until_empty(n: int) -> list[int]:
        mine: list[int] = []
        while batch := in_write(claim_due, now=NOW, worker=f"w{n}", limit=15, lease_s=300):
            mine += batch
        return mine

    outcomes = race(claim_until_empty, range(8), workers=8, timeout=180)
    assert [o.error for o in outcomes if not o.ok] == []
    claimed = Counter(i for o in outcomes for i in o.result)
    assert len(claimed) == 2 * PEOPLE and set(claimed.values()) == {1}
    assert statuses() == Counter(sending=2 * PEOPLE)


def test_a_claim_takes_no_more_than_its_limit(any_db):
    """One dispatcher must not swallow a whole campaign (Postgres once re-ran the pick per row)."""
    schedule(users(*make_people(300)), channels={"internal": True})
    assert len(in_write(claim_due, now=NOW + timedelta(minutes=1), worker="w", limit=100)) == 100
    assert statuses() == Counter(sending=100, queued=200)
