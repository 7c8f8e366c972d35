"""Read-only views of campaigns for the 📢 tab: history with counts, deliveries, error log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from afroboost.db import as_utc
from afroboost.models import Campaign, CampaignSlot, CampaignStatus, Contact, Conversation, Delivery, DeliveryStatus
from afroboost.services.campaigns.ledger import ALL_CHANNELS, chunks, clean_targets, progress_by_campaign
from afroboost.services.chat.conversations import contact_label

HISTORY_LIMIT = 200
FILTERS = {"all": None, "groups": "group", "individuals": "user", "users": "user"}


@dataclass
class CampaignRow:
    id: int = 0
    name: str = ""
    body: str = ""
    status: str = ""  # draft | scheduled | sending | completed | failed
    created_at: datetime | None = None
    next_due_at: datetime | None = None  # earliest slot not fired yet
    slots: list[datetime] = field(default_factory=list)  # every send date, UTC
    groups: int = 0  # 👥 items of the basket
    users: int = 0  # 👤 items of the basket
    channels: list[str] = field(default_factory=list)  # internal / whatsapp / email / group, those on
    queued: int = 0  # queued + being sent
    sent: int = 0
    delivered: int = 0  # delivered + read
    failed: int = 0
    skipped: int = 0
    total: int = 0
    percent: int = 0  # finished rows / all rows
    can_launch: bool = False  # draft → « 🚀 Lancer »
    can_edit: bool = False  # draft / scheduled → ✏️
    is_auto: bool = False  # scheduled → « ⏳ Auto »
    can_relaunch: bool = False  # completed / failed → « 🔄 Relancer »


@dataclass
class DeliveryRow:
    id: int = 0
    recipient: str = ""
    channel: str = ""
    status: str = ""
    error_code: str = ""
    error_message: str = ""
    provider_id: str = ""
    attempts: int = 0
    due_at: datetime | None = None
    sent_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class ErrorRow:
    delivery_id: int = 0
    campaign_id: int = 0
    campaign_name: str = ""
    contact_id: int | None = None
    recipient: str = ""
    channel: str = ""
    status: str = ""  # failed, or queued for another try
    error_code: str = ""
    error_message: str = ""
    at: datetime | None = None


def campaign_rows(session: Session, filter: str = "all", *, limit: int = HISTORY_LIMIT) -> list[CampaignRow]:
    """The history, newest first. `filter`: "all", "groups" (has a group) or "individuals" (has a person)."""
    kind = FILTERS.get(filter)
    camps = session.exec(select(Campaign).where(Campaign.deleted_at.is_(None))
                         .order_by(Campaign.created_at.desc(), Campaign.id.desc())).all()
    if kind:
        camps = [c for c in camps if any(t["type"] == kind for t in clean_targets(c.targets))]
    camps = camps[:limit]
    ids = [c.id for c in camps]
    progress = progress_by_campaign(session, ids)
    slots: dict[int, list[tuple[datetime, bool]]] = {}
    for batch in chunks(ids):
        for cid, due, fired in session.exec(select(CampaignSlot.campaign_id, CampaignSlot.due_at, CampaignSlot.fired_at)
                                            .where(CampaignSlot.campaign_id.in_(batch))
                                            .order_by(CampaignSlot.due_at)).all():
            slots.setdefault(cid, []).append((as_utc(due), fired is not None))
    out = []
    for c in camps:
        p, targets, mine = progress[c.id], clean_targets(c.targets), slots.get(c.id, [])
        pending = [at for at, fired in mine if not fired]
        out.append(CampaignRow(
            id=c.id, name=c.name, body=c.body, status=c.status, created_at=as_utc(c.created_at),
            next_due_at=pending[0] if pending and c.status != CampaignStatus.draft.value else None,
            slots=[at for at, _ in mine], groups=sum(t["type"] == "group" for t in targets),
            users=sum(t["type"] == "user" for t in targets),
            channels=[ch for ch in ALL_CHANNELS if (c.channels or {}).get(ch)],
            queued=p.queued + p.sending, sent=p.sent, delivered=p.delivered + p.read, failed=p.failed,
            skipped=p.skipped, total=p.total, percent=p.percent,
            can_launch=c.status == CampaignStatus.draft.value,
            can_edit=c.status in (CampaignStatus.draft.value, CampaignStatus.scheduled.value),
            is_auto=c.status == CampaignStatus.scheduled.value,
            can_relaunch=c.status in (CampaignStatus.completed.value, CampaignStatus.failed.value)))
    return out


def _labels(session: Session, contact_ids: set[int], group_ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    people: dict[int, str] = {}
    for batch in chunks(sorted(contact_ids)):
        found = session.exec(select(Contact).where(Contact.id.in_(batch))).all()
        people.update({c.id: contact_label(c) for c in found})
    groups: dict[int, str] = {}
    for batch in chunks(sorted(group_ids)):
        groups.update({g.id: f"👥 {g.title or g.slug or g.id}" for g in
                       session.exec(select(Conversation).where(Conversation.id.in_(batch))).all()})
    return people, groups


def _recipient(d: Delivery, people: dict[int, str], groups: dict[int, str]) -> str:
    if d.conversation_id is not None:
        return groups.get(d.conversation_id, d.target_key)
    return people.get(d.contact_id or 0, d.target_key)


def delivery_rows(session: Session, campaign_id: int, *, status: str | None = None,
                  limit: int = 1000) -> list[DeliveryRow]:
    """One campaign's deliveries (failed ones first), with the recipient's name and the provider's code."""
    stmt = select(Delivery).where(Delivery.campaign_id == int(campaign_id or 0))
    if status:
        stmt = stmt.where(Delivery.status == status)
    rows = session.exec(stmt.order_by((Delivery.status != DeliveryStatus.failed.value), Delivery.id)
                        .limit(limit)).all()
    people, groups = _labels(session, {d.contact_id for d in rows if d.contact_id},
                             {d.conversation_id for d in rows if d.conversation_id})
    return [DeliveryRow(id=d.id, recipient=_recipient(d, people, groups), channel=d.channel, status=d.status,
                        error_code=d.error_code, error_message=d.error_message, provider_id=d.provider_id,
                        attempts=d.attempts, due_at=as_utc(d.due_at), sent_at=as_utc(d.sent_at),
                        updated_at=as_utc(d.updated_at)) for d in rows]


def recent_errors(session: Session, limit: int = 50) -> list[ErrorRow]:
    """The latest send errors across campaigns: failed rows and rows waiting to retry after an error."""
    rows = session.exec(select(Delivery, Campaign.name).join(Campaign, Campaign.id == Delivery.campaign_id)
                        .where((Delivery.status == DeliveryStatus.failed.value)
                               | ((Delivery.status == DeliveryStatus.queued.value) & (Delivery.error_code != "")))
                        .order_by(Delivery.updated_at.desc(), Delivery.id.desc()).limit(limit)).all()
    people, groups = _labels(session, {d.contact_id for d, _ in rows if d.contact_id},
                             {d.conversation_id for d, _ in rows if d.conversation_id})
    return [ErrorRow(delivery_id=d.id, campaign_id=d.campaign_id, campaign_name=name, contact_id=d.contact_id,
                     recipient=_recipient(d, people, groups), channel=d.channel, status=d.status,
                     error_code=d.error_code, error_message=d.error_message, at=as_utc(d.updated_at))
            for d, name in rows]
