"""The delivery ledger underneath campaigns: who a basket reaches, the rows of a slot, progress.

Shared by services/campaigns/campaigns.py (writing rows when a campaign is scheduled) and
services/campaigns/dispatch.py (claiming and recording them). One row per person × channel × slot
(group rooms: one row per group × slot), guarded by UNIQUE(slot_id, channel, target_key).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.models import (
    Campaign,
    CampaignSlot,
    CampaignStatus,
    Channel,
    Consent,
    Contact,
    Conversation,
    ConversationKind,
    ConversationMember,
    Delivery,
    DeliveryStatus,
)

PERSON_CHANNELS = (Channel.internal.value, Channel.whatsapp.value, Channel.email.value)
ALL_CHANNELS = (*PERSON_CHANNELS, Channel.group.value)
TARGET_KINDS = ("group", "user")
OPEN = (DeliveryStatus.queued.value, DeliveryStatus.sending.value)
CHUNK = 2000  # ids per IN (...): well under SQLite's and PostgreSQL's bound-parameter limits
GROUP = ConversationKind.group.value
_PLACEHOLDER = re.compile(r"\{\s*pr[ée]nom\s*\}", re.IGNORECASE)
_NO_NAME_START = re.compile(r"^[ \t]*\{\s*pr[ée]nom\s*\}[ \t]*[,.]?[ \t]*", re.IGNORECASE | re.MULTILINE)
_NO_NAME = re.compile(r"[ \t]?\{\s*pr[ée]nom\s*\}", re.IGNORECASE)


def render_body(body: str, first_name: str | None) -> str:
    """`{prénom}` replaced; without a first name it goes away (« Salut {prénom} ! » → « Salut ! »)."""
    name = (first_name or "").strip()
    if name:
        return _PLACEHOLDER.sub(lambda _m: name, body or "")
    out = _NO_NAME_START.sub("", body or "")
    return _NO_NAME.sub("", out)


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def person_key(contact_id: int) -> str:
    return f"c{contact_id}"


def group_key(conversation_id: int) -> str:
    return f"g{conversation_id}"


def clean_targets(raw) -> list[dict]:
    """[{"type": "group"|"user", "id": int}] without duplicates or malformed items, in order."""
    out, seen = [], set()
    for t in raw if isinstance(raw, list) else []:
        if not isinstance(t, dict) or t.get("type") not in TARGET_KINDS:
            continue
        try:
            tid = int(t.get("id"))
        except (TypeError, ValueError):
            continue
        if tid > 0 and (t["type"], tid) not in seen:
            seen.add((t["type"], tid))
            out.append({"type": t["type"], "id": tid})
    return out


def clean_channels(raw) -> dict[str, bool]:
    """The four channel switches; anything else (instagram, junk) is dropped."""
    raw = raw if isinstance(raw, dict) else {}
    return {ch: raw.get(ch) is True for ch in ALL_CHANNELS}


@dataclass
class Audience:
    """What a basket resolves to: each person once, and the group rooms."""

    person_ids: list[int] = field(default_factory=list)  # unique contacts, basket order
    group_ids: list[int] = field(default_factory=list)  # live groups of the basket
    groups: int = 0  # 👥 items of the basket that still exist
    users: int = 0  # 👤 items of the basket that still exist
    missing: list[dict] = field(default_factory=list)  # basket items that no longer exist


def resolve_audience(session: Session, targets: list[dict]) -> Audience:
    """Groups expand to their members; someone in a group and also picked directly counts once."""
    targets = clean_targets(targets)
    group_ids = [t["id"] for t in targets if t["type"] == "group"]
    user_ids = [t["id"] for t in targets if t["type"] == "user"]
    live_groups: set[int] = set()
    members: dict[int, list[int]] = {}
    for batch in chunks(group_ids):
        live_groups.update(session.exec(select(Conversation.id).where(Conversation.id.in_(batch))
                                        .where(Conversation.kind == GROUP)
                                        .where(Conversation.deleted_at.is_(None))).all())
        for conv_id, contact_id in session.exec(
                select(ConversationMember.conversation_id, ConversationMember.contact_id)
                .where(ConversationMember.conversation_id.in_(batch))
                .order_by(ConversationMember.conversation_id, ConversationMember.contact_id)).all():
            members.setdefault(conv_id, []).append(contact_id)
    live_users: set[int] = set()
    for batch in chunks(user_ids):
        live_users.update(session.exec(select(Contact.id).where(Contact.id.in_(batch))).all())
    aud = Audience()
    seen: set[int] = set()
    for t in targets:
        if t["type"] == "group":
            if t["id"] not in live_groups:
                aud.missing.append(t)
                continue
            aud.groups += 1
            aud.group_ids.append(t["id"])
            people = members.get(t["id"], [])
        else:
            if t["id"] not in live_users:
                aud.missing.append(t)
                continue
            aud.users += 1
            people = [t["id"]]
        for cid in people:
            if cid not in seen:
                seen.add(cid)
                aud.person_ids.append(cid)
    return aud


def contact_addresses(session: Session, contact_ids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    """contact id → (phone, email)."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for batch in chunks(contact_ids):
        for cid, phone, email in session.exec(select(Contact.id, Contact.phone, Contact.email)
                                              .where(Contact.id.in_(batch))).all():
            out[cid] = (phone, email)
    return out


def write_slot_rows(session: Session, *, campaign: Campaign, slot: CampaignSlot, audience: Audience,
                    channels: dict[str, bool], addresses: dict[int, tuple[str | None, str | None]],
                    now: datetime) -> int:
    """Insert the delivery rows of one slot (in the caller's transaction); returns how many.

    WhatsApp / email rows of people without a phone / email are written as `skipped` with
    the reason, so the delivery table shows them; opt-outs are decided at send time.
    """
    base = dict(campaign_id=campaign.id, slot_id=slot.id, due_at=slot.due_at, lease_until=None,
                claimed_by="", attempts=0, provider_id="", sent_at=None, updated_at=now)
    rows = []
    for ch in PERSON_CHANNELS:
        if not channels.get(ch):
            continue
        for cid in audience.person_ids:
            phone, email = addresses.get(cid, (None, None))
            status, code, msg = DeliveryStatus.queued.value, "", ""
            if ch == Channel.whatsapp.value and not phone:
                status, code, msg = DeliveryStatus.skipped.value, "no_phone", texts.CH_NO_PHONE
            elif ch == Channel.email.value and not email:
                status, code, msg = DeliveryStatus.skipped.value, "no_email", texts.CH_NO_EMAIL
            rows.append({**base, "channel": ch, "target_key": person_key(cid), "contact_id": cid,
                         "conversation_id": None, "status": status, "error_code": code, "error_message": msg})
    if channels.get(Channel.group.value):
        for gid in audience.group_ids:
            rows.append({**base, "channel": Channel.group.value, "target_key": group_key(gid), "contact_id": None,
                         "conversation_id": gid, "status": DeliveryStatus.queued.value,
                         "error_code": "", "error_message": ""})
    for start in range(0, len(rows), CHUNK):
        session.execute(sa.insert(Delivery.__table__), rows[start:start + CHUNK])
    return len(rows)


def opted_out_pairs(session: Session, contact_ids: list[int], channels: list[str]) -> set[tuple[int, str]]:
    """(contact id, channel) pairs opted out, read from the Consent ledger."""
    out: set[tuple[int, str]] = set()
    if not channels:
        return out
    for batch in chunks(contact_ids):
        out.update(session.exec(select(Consent.contact_id, Consent.channel).where(Consent.contact_id.in_(batch))
                                .where(Consent.channel.in_(channels)).where(Consent.opted_out)).all())
    return out


@dataclass
class Progress:
    """Delivery rows of a campaign by status (group rooms count as one row each)."""

    queued: int = 0
    sending: int = 0
    sent: int = 0
    delivered: int = 0
    read: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.queued + self.sending + self.sent + self.delivered + self.read + self.failed + self.skipped

    @property
    def succeeded(self) -> int:
        return self.sent + self.delivered + self.read

    @property
    def done(self) -> int:
        return self.total - self.queued - self.sending

    @property
    def percent(self) -> int:
        """How much of the ledger is finished (0–100); 0 for a campaign without rows."""
        return (100 * self.done) // self.total if self.total else 0


def progress_by_campaign(session: Session, campaign_ids: list[int]) -> dict[int, Progress]:
    out = {cid: Progress() for cid in campaign_ids}
    for batch in chunks(campaign_ids):
        for cid, status, n in session.exec(select(Delivery.campaign_id, Delivery.status, sa.func.count())
                                           .where(Delivery.campaign_id.in_(batch))
                                           .group_by(Delivery.campaign_id, Delivery.status)).all():
            if hasattr(out[cid], status):
                setattr(out[cid], status, n)
    return out


def campaign_progress(session: Session, campaign_id: int) -> Progress:
    """Counts per status of one campaign's deliveries (the 📢 history's progress bar)."""
    return progress_by_campaign(session, [int(campaign_id)])[int(campaign_id)]


def refresh_campaign_status(session: Session, campaign_ids: Iterable[int], now: datetime) -> None:
    """Move campaigns along scheduled → sending → completed / failed from their rows.

    `sending` while a row of a slot that already fired is open (queued for a retry or being
    sent); `scheduled` while only later slots remain; then `failed` if nothing got through
    and something failed, else `completed`. Drafts are never touched.

    The campaign rows are locked first (FOR UPDATE, in id order): two dispatchers finishing
    the last rows at the same time would otherwise each count the other's rows as still
    open, and the campaign would stay `sending` forever. SQLite's write lock does the same.
    """
    ids = sorted({int(i) for i in campaign_ids})
    if not ids:
        return
    for batch in chunks(ids):
        campaigns = session.exec(select(Campaign).where(Campaign.id.in_(batch))
                                 .where(Campaign.status != CampaignStatus.draft.value)
                                 .order_by(Campaign.id).with_for_update()).all()
        if not campaigns:
            continue
        live = [c.id for c in campaigns]
        progress = progress_by_campaign(session, live)
        in_flight = set(session.exec(
            select(Delivery.campaign_id).join(CampaignSlot, CampaignSlot.id == Delivery.slot_id)
            .where(Delivery.campaign_id.in_(live)).where(Delivery.status.in_(OPEN))
            .where(CampaignSlot.fired_at.is_not(None)).distinct()).all())
        for camp in campaigns:
            p = progress[camp.id]
            if camp.id in in_flight:
                status = CampaignStatus.sending.value
            elif p.queued or p.sending:
                status = CampaignStatus.scheduled.value
            elif p.total == 0:
                continue
            elif p.succeeded == 0 and p.failed:
                status = CampaignStatus.failed.value
            else:
                status = CampaignStatus.completed.value
            if camp.status != status:
                camp.status = status
                camp.updated_at = now
                session.add(camp)
    session.flush()
