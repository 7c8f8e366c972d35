"""A campaign's whole life on SQLite and PostgreSQL: schedule, edit, send, fail, relaunch, crash, finish."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from afroboost.db import in_read, in_write
from afroboost.integrations.channels import SendResult
from afroboost.services.campaigns.campaigns import (
    CampaignDraft,
    campaign_rows,
    do_relaunch,
    do_save_campaign,
    recent_errors,
)
from afroboost.services.campaigns.dispatch import claim_due, dispatch_due, do_recover_zombies
from afroboost.services.contacts.consent import do_opt_out
from tests.campaign_world import FakeAdapter, campaign, make_group, make_people, schedule, statuses, users
from tests.factories import NOW


async def test_campaign_lifecycle(any_db):
    a, b, c = make_people(3)
    g = make_group("Les Lionnes", [a, b])
    cid = schedule(users(a), slots=[NOW + timedelta(days=1)])
    edited = CampaignDraft(name="Stage", body="Salut {prénom} !", targets=[{"type": "group", "id": g}] + users(c),
                           channels={"internal": True, "whatsapp": True, "group": True}, slots=[NOW])
    in_write(do_save_campaign, draft=edited, campaign_id=cid, schedule=True, now=NOW)
    assert statuses(cid) == Counter(queued=7)  # 3 chats + 3 WhatsApp + 1 room
    in_write(do_opt_out, contact_id=b, channel="whatsapp", source="whatsapp STOP")

    down = {c}
    wa = FakeAdapter("whatsapp", lambda m: SendResult("failed", error_code="63016") if m.contact_id in down
                     else SendResult("sent", provider_id=f"SM{m.delivery_id}"))
    adapters = {"internal": FakeAdapter("internal"), "group": FakeAdapter("group"), "whatsapp": wa}
    assert await dispatch_due(adapters=adapters, now=NOW, worker="w") == 7
    assert statuses(cid) == Counter(sent=5, failed=1, skipped=1)
    assert campaign(cid).status == "completed"
    assert [e.error_code for e in in_read(recent_errors)] == ["63016"]
    (row,) = in_read(campaign_rows)
    assert (row.sent, row.failed, row.skipped, row.percent, row.can_relaunch) == (5, 1, 1, 100, True)

    later = NOW + timedelta(hours=1)
    assert in_write(do_relaunch, campaign_id=cid, now=later) == 2  # the failure and the opt-out (re-checked)
    in_write(claim_due, now=later, worker="crashed", limit=100, lease_s=60)  # then the process dies
    assert in_write(do_recover_zombies, now=later + timedelta(minutes=40)) == 2
    down.clear()
    assert await dispatch_due(adapters=adapters, now=later + timedelta(minutes=40), worker="w") == 2
    assert statuses(cid) == Counter(sent=6, skipped=1)
    assert Counter(m.contact_id for m in wa.sent) == Counter({a: 1, c: 2})  # c: failed once, then sent
    assert campaign(cid).status == "completed"
