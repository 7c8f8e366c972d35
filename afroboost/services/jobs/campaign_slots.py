"""Handing a saved campaign's dates to the scheduler (jobs sit above campaigns: the scheduler dispatches them)."""

from __future__ import annotations

import asyncio

from afroboost.db import run_read
from afroboost.services.campaigns.campaigns import open_slots
from afroboost.services.jobs.scheduler import schedule_slot


async def schedule_campaign(campaign_id: int) -> None:
    """Give the scheduler a date job for each slot not fired yet (« maintenant » fires at once).

    `schedule_slot` is a quick job-store write: run off the event loop. Drafts and deleted
    campaigns have none (`open_slots`).

    Args:
        campaign_id: a campaign just saved, launched or edited.
    """
    for slot_id, due_at in await run_read(open_slots, campaign_id=campaign_id):
        await asyncio.to_thread(schedule_slot, slot_id, due_at)
