"""Campaigns with their delivery history: already-sent slots become `sent` rows (never re-sent),
future scheduled slots stay queued for the new scheduler."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.legacy.common import (
    CREATED,
    MERGED,
    PEOPLE,
    SKIPPED,
    Malformed,
    as_dt,
    contact_of,
    doc_time,
    field,
    lookup,
    text,
)
from afroboost.models import Campaign, CampaignSlot, CampaignStatus, Conversation, Delivery, DeliveryStatus
from afroboost.services.campaigns.ledger import (
    clean_channels,
    contact_addresses,
    resolve_audience,
    write_slot_rows,
)

Result = tuple[str, str, int | None]


def _target(session: Session, lid) -> dict | None:
    """A legacy target id (group/user session, user, participant) as a basket item."""
    hit = lookup(session, ("chat_sessions", *PEOPLE), lid)
    if hit is None:
        return None
    table, new_id = hit
    if table == "contact":
        return {"type": "user", "id": new_id}
    conv = session.get(Conversation, new_id)
    if conv is None:
        return None
    if conv.kind == "group":
        return {"type": "group", "id": conv.id}
    return {"type": "user", "id": conv.contact_id} if conv.contact_id else None


def _targets(session: Session, doc: dict) -> list[dict]:
    ids = list(field(doc, "targetIds", default=[]) or [])
    legacy_single = field(doc, "targetConversationId")
    if legacy_single and legacy_single not in ids:
        ids.append(legacy_single)  # legacy single-target campaigns
    ids += [c for c in field(doc, "selectedContacts", default=[]) or [] if c not in ids]
    out: list[dict] = []
    for lid in ids:
        item = _target(session, lid)
        if item and item not in out:
            out.append(item)
    return out


def _dates(doc: dict, *names: str) -> list[datetime]:
    raw = field(doc, *names, default=[]) or []
    if not isinstance(raw, list):
        raw = [raw]
    return sorted({d for d in (as_dt(x) for x in raw) if d is not None})


def write_history(session: Session, camp: Campaign, *, legacy_status: str, due: list[datetime],
                  sent: list[datetime], now: datetime) -> int:
    """Slots for every legacy date: sent ones recorded as sent, future scheduled ones queued.

    Returns how many slots stay open. A past date that never went out is kept as history
    (fired, rows `skipped`) rather than sent late.
    """
    aud = resolve_audience(session, camp.targets)
    addresses = contact_addresses(session, aud.person_ids)
    channels = clean_channels(camp.channels)
    open_slots = 0
    for at in sorted(set(due) | set(sent)):
        is_sent = at in sent or (legacy_status == "completed" and at <= now)
        queued = not is_sent and legacy_status == "scheduled" and at > now
        slot = CampaignSlot(campaign_id=camp.id, due_at=at, fired_at=None if queued else min(at, now))
        session.add(slot)
        session.flush()
        write_slot_rows(session, campaign=camp, slot=slot, audience=aud, channels=channels,
                        addresses=addresses, now=now)
        if queued:
            open_slots += 1
            continue
        status = DeliveryStatus.sent.value if is_sent else DeliveryStatus.skipped.value
        session.execute(sa.update(Delivery).where(Delivery.slot_id == slot.id)
                        .where(Delivery.status == DeliveryStatus.queued.value)
                        .values(status=status, sent_at=at if is_sent else None, updated_at=now,
                                error_code="" if is_sent else "legacy_not_sent",
                                error_message="" if is_sent else "Non envoyé par l'ancienne application"))
    return open_slots


def map_campaign(session: Session, doc: dict, now: datetime) -> Result:
    name = text(doc, "name", "title", limit=120)
    body = text(doc, "message", "body", "content")
    if not name or not body:
        raise Malformed("campaign without name or message")
    legacy_status = str(field(doc, "status", default="draft")).lower()
    chans = field(doc, "channels", default={}) or {}
    if not isinstance(chans, dict):
        raise Malformed("channels: not an object")
    camp = Campaign(name=name, body=body, media_url=text(doc, "mediaUrl", "media_url", limit=500),
                    targets=_targets(session, doc), channels=clean_channels(chans),
                    created_at=doc_time(doc) or now, updated_at=as_dt(field(doc, "updatedAt")) or now)
    session.add(camp)
    session.flush()
    due = _dates(doc, "scheduledDates") or _dates(doc, "scheduledAt")
    sent = _dates(doc, "sentDates")
    if not due and not sent and legacy_status == "completed":
        sent = [as_dt(field(doc, "lastProcessedAt", "updatedAt", "createdAt")) or now]
    open_slots = write_history(session, camp, legacy_status=legacy_status, due=due, sent=sent, now=now)
    if open_slots:
        camp.status = CampaignStatus.scheduled.value
    elif sent:
        camp.status = CampaignStatus.completed.value
    elif legacy_status == "failed":
        camp.status = CampaignStatus.failed.value
    else:
        camp.status = CampaignStatus.draft.value
    session.add(camp)
    session.flush()
    return CREATED, "campaign", camp.id


def map_campaign_error(session: Session, doc: dict, now: datetime) -> Result:
    """Attach a legacy send error to the matching delivery row (marked failed with the reason)."""
    hit = lookup(session, ("campaigns",), field(doc, "campaign_id", "campaignId"))
    if hit is None:
        raise Malformed("campaign not imported")
    q = select(Delivery).where(Delivery.campaign_id == hit[1])
    channel = text(doc, "channel", limit=10)
    if channel:
        q = q.where(Delivery.channel == channel)
    contact_id = contact_of(session, field(doc, "contact_id", "contactId"))
    if contact_id:
        q = q.where(Delivery.contact_id == contact_id)
    row = session.exec(q.where(Delivery.status == DeliveryStatus.sent.value).order_by(Delivery.id)).first()
    if row is None:
        return SKIPPED, "delivery", None
    row.status = DeliveryStatus.failed.value
    row.error_code = text(doc, "error_code", "errorCode", limit=40)
    row.error_message = text(doc, "error_message", "error", limit=500)
    row.updated_at = now
    session.add(row)
    session.flush()
    return MERGED, "delivery", row.id


def map_scheduled_message(session: Session, doc: dict, now: datetime) -> Result:
    """A standalone scheduled chat message becomes a one-slot internal/group campaign."""
    if lookup(session, ("campaigns",), field(doc, "campaign_id", "campaignId")) is not None:
        return SKIPPED, "campaign", None  # already covered by its campaign's slots
    body = text(doc, "message", "content", "body")
    at = as_dt(field(doc, "scheduled_at", "scheduledAt"))
    item = _target(session, field(doc, "conversation_id", "session_id", "targetConversationId"))
    if not body or at is None or item is None:
        raise Malformed("scheduled message without text, date or known conversation")
    channel = "group" if item["type"] == "group" else "internal"
    camp = Campaign(name=text(doc, "title", "name", limit=120) or "Message programmé", body=body,
                    targets=[item], channels=clean_channels({channel: True}), created_at=doc_time(doc) or now)
    session.add(camp)
    session.flush()
    was_sent = str(field(doc, "status", default="pending")).lower() in ("sent", "completed", "done")
    open_slots = write_history(session, camp, legacy_status="completed" if was_sent else "scheduled",
                               due=[at], sent=[at] if was_sent else [], now=now)
    camp.status = CampaignStatus.scheduled.value if open_slots else CampaignStatus.completed.value
    session.add(camp)
    session.flush()
    return CREATED, "campaign", camp.id

