"""Delivery rows for channel adapter tests (without going through the campaign composer)."""

from __future__ import annotations

from afroboost.db import utc_now, write_session
from afroboost.models.campaign import Campaign, CampaignSlot, Delivery


def deliveries(channel: str, targets: list[int]) -> list[int]:
    """A campaign with one slot and one claimed (« sending ») delivery row per target (contact or group id)."""
    with write_session() as s:
        camp = Campaign(name="Test", body="Salut", status="sending")
        s.add(camp)
        s.flush()
        slot = CampaignSlot(campaign_id=camp.id, due_at=utc_now())
        s.add(slot)
        s.flush()
        rows = []
        for t in targets:
            key = "g" if channel == "group" else "c"
            row = Delivery(campaign_id=camp.id, slot_id=slot.id, channel=channel, target_key=f"{key}{t}",
                           contact_id=None if channel == "group" else t,
                           conversation_id=t if channel == "group" else None, status="sending", due_at=utc_now())
            s.add(row)
            rows.append(row)
        s.flush()
        return [r.id for r in rows]
