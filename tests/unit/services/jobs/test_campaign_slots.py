"""A saved campaign's dates become scheduler jobs (one per slot not fired yet; none for a draft)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from afroboost.db import get_engine, in_read, in_write
from afroboost.models import CampaignSlot
from afroboost.services.campaigns.campaigns import CampaignDraft, do_save_campaign
from afroboost.services.jobs.campaign_slots import schedule_campaign
from tests.campaign_world import NOW, make_people, schedule, users


def _jobs() -> set[str]:
    with get_engine().connect() as conn:
        if not sa.inspect(conn).has_table("apscheduler_jobs"):
            return set()
        return {r[0] for r in conn.execute(sa.text("SELECT id FROM apscheduler_jobs"))}


@pytest.fixture(autouse=True)
def _no_jobs_left(db):
    """Jobs live in the scheduler's own table, which `db` does not wipe: left there they would fire elsewhere."""
    yield
    with get_engine().begin() as conn:
        if sa.inspect(conn).has_table("apscheduler_jobs"):
            conn.execute(sa.text("DELETE FROM apscheduler_jobs"))


def _slots(campaign_id: int) -> list[int]:
    return in_read(lambda s: list(s.exec(select(CampaignSlot.id).where(CampaignSlot.campaign_id == campaign_id)).all()))


async def test_each_open_slot_of_a_scheduled_campaign_gets_one_job():
    [awa] = make_people(1)
    cid = schedule(users(awa), slots=[NOW + timedelta(days=1), NOW + timedelta(days=2)])
    await schedule_campaign(cid)
    await schedule_campaign(cid)  # again (an edit): the jobs are replaced, not doubled
    assert _jobs() == {f"slot-{sid}" for sid in _slots(cid)} and len(_slots(cid)) == 2


async def test_a_draft_gets_no_job():
    [awa] = make_people(1)
    draft = CampaignDraft(name="Brouillon", body="Salut {prénom} !", targets=users(awa), channels={"internal": True},
                          slots=[NOW + timedelta(days=1)])
    cid = in_write(do_save_campaign, draft=draft, schedule=False, now=NOW).id
    await schedule_campaign(cid)
    assert _jobs() == set()
