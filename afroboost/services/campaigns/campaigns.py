"""📢 Campagnes: compose, schedule, launch, relaunch and delete campaigns; recipient search.

Scheduling a campaign writes its slots and ALL its delivery rows in the caller's
transaction (one per person × channel × slot, see services/campaigns/ledger.py), so a
campaign is either fully in the ledger or not at all. The rows are then sent by
services/campaigns/dispatch.py. History views live in services/campaigns/views.py (re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, delete, func, select

from afroboost import texts
from afroboost.db import as_utc
from afroboost.models import (
    Campaign,
    CampaignSlot,
    CampaignStatus,
    Channel,
    Contact,
    Delivery,
    DeliveryStatus,
    MediaPage,
)
from afroboost.services import ServiceError
from afroboost.services.campaigns.ledger import (
    PERSON_CHANNELS,
    Audience,
    clean_channels,
    clean_targets,
    contact_addresses,
    opted_out_pairs,
    refresh_campaign_status,
    render_body,
    resolve_audience,
    write_slot_rows,
)
from afroboost.services.campaigns.views import (  # noqa: F401  (the tab imports them from here)
    CampaignRow,
    DeliveryRow,
    ErrorRow,
    campaign_rows,
    delivery_rows,
    recent_errors,
)
from afroboost.services.chat.conversations import contact_label
from afroboost.services.chat.groups import access_groups
from afroboost.services.content.media import is_https_url
from afroboost.services.forms import Checker, FormInvalid, clean_line, clean_text
from afroboost.services.text_search import clean_query, contact_matches

MAX_NAME = 120
MAX_BODY = 4000
MAX_TARGETS = 5000
MAX_SLOTS = 10
# A date picked a moment ago may be a few seconds past when the coach clicks « Créer »:
# it is sent at once rather than refused. Anything older is a mistake.
SLOT_GRACE = timedelta(minutes=10)
CONTENT_SID = re.compile(r"^HX[0-9a-fA-F]{32}$")
EDITABLE = (CampaignStatus.draft.value, CampaignStatus.scheduled.value)


@dataclass
class CampaignDraft:
    """What the composer sends. `slots` are UTC instants; empty means « maintenant »."""

    name: str = ""
    body: str = ""
    media_url: str = ""  # "" | "/v/<slug>" | "https://…"
    targets: list[dict] = field(default_factory=list)  # [{"type": "group"|"user", "id": int}]
    channels: dict[str, bool] = field(default_factory=lambda: {"internal": True})
    slots: list[datetime] = field(default_factory=list)
    wa_content_sid: str = ""


@dataclass
class Recap:
    """« ✅ Prêt à envoyer à X destinataire(s) (Y 👥, Z 👤) » + « N exclus (opt-out) ».

    `persons` counts each person once however many basket items reach them;
    `excluded_opt_out` counts the persons opted out of at least one selected channel
    (they are skipped on that channel at send time).
    """

    persons: int = 0
    groups: int = 0
    users: int = 0
    excluded_opt_out: int = 0
    excluded_by_channel: dict[str, int] = field(default_factory=dict)


@dataclass
class RecipientOption:
    type: str = ""  # "group" | "user"
    id: int = 0
    label: str = ""
    detail: str = ""  # a group's member count, a person's email or phone


# --- recipients -----------------------------------------------------------------------------

def search_recipients(session: Session, query: str = "", *, limit: int | None = None) -> list[RecipientOption]:
    """All live groups then all contacts whose name / email / phone contains `query` (any case)."""
    q = clean_query(query)
    out = [RecipientOption(type="group", id=g.id, label=g.title, detail=texts.CONV_MEMBERS.format(n=g.members))
           for g in access_groups(session)
           if not q or q in g.title.lower() or q in g.slug.lower()]
    stmt = select(Contact).order_by(Contact.first_name, Contact.last_name, Contact.id)
    if q:
        stmt = stmt.where(contact_matches(session, q))
    if limit:
        stmt = stmt.limit(limit)
    out += [RecipientOption(type="user", id=c.id, label=contact_label(c), detail=c.email or c.phone or "")
            for c in session.exec(stmt).all()]
    return out[:limit] if limit else out


def recipients_preview(session: Session, targets: list[dict], channels: dict[str, bool]) -> Recap:
    """The composer's live recap for a basket and channel choice."""
    aud = resolve_audience(session, targets)
    chosen = [ch for ch in PERSON_CHANNELS if clean_channels(channels).get(ch)]
    out = opted_out_pairs(session, aud.person_ids, chosen)
    return Recap(persons=len(aud.person_ids), groups=aud.groups, users=aud.users,
                 excluded_opt_out=len({cid for cid, _ in out}),
                 excluded_by_channel={ch: sum(1 for _, c in out if c == ch) for ch in chosen})


# --- checks ---------------------------------------------------------------------------------

def _check_media(session: Session, raw: str) -> str:
    url = (raw or "").strip()
    if not url:
        return ""
    if url.startswith("/v/"):
        if session.exec(select(MediaPage.id).where(MediaPage.slug == url[3:])).first() is None:
            raise ServiceError("campaign_media_unknown", field="media")
        return url
    if not is_https_url(url):
        raise ServiceError("campaign_media_invalid", field="media")
    return url


def check_draft(session: Session, draft: CampaignDraft, *, schedule: bool, now: datetime) -> CampaignDraft:
    """A cleaned copy of `draft`; raises FormInvalid with one French message per wrong field.

    Drafts may be incomplete; scheduling needs a message, recipients and a channel.
    """
    c = Checker()
    name = clean_line(draft.name)
    if not name:
        c.fail("name", "campaign_name_required")
    elif len(name) > MAX_NAME:
        c.fail("name", "campaign_name_too_long")
    body = clean_text(draft.body)
    if len(body) > MAX_BODY:
        c.fail("body", "campaign_body_too_long")
    elif schedule and not body:
        c.fail("body", "campaign_body_required")
    targets = clean_targets(draft.targets)
    if len(targets) > MAX_TARGETS:
        c.fail("targets", "campaign_targets_too_many")
    elif schedule and not targets:
        c.fail("targets", "campaign_targets_required")
    channels = clean_channels(draft.channels)
    if schedule and not any(channels.values()):
        c.fail("channels", "campaign_channels_required")
    media = c.take("media", _check_media, session, draft.media_url)
    sid = (draft.wa_content_sid or "").strip()
    if sid and not CONTENT_SID.match(sid):
        c.fail("wa_content_sid", "campaign_content_sid_invalid")
    slots = sorted(as_utc(s) for s in draft.slots or [])
    if len(slots) > MAX_SLOTS:
        c.fail("slot", "campaign_slots_too_many")
    elif len(set(slots)) != len(slots):
        c.fail("slot", "campaign_slot_duplicate")
    c.done()
    return CampaignDraft(name=name, body=body, media_url=media or "", targets=targets, channels=channels,
                         slots=slots, wa_content_sid=sid)


# --- writes ---------------------------------------------------------------------------------

def _locked(session: Session, campaign_id: int) -> Campaign:
    """The live campaign, row-locked on PostgreSQL so edits and dispatchers take turns."""
    camp = session.exec(select(Campaign).where(Campaign.id == int(campaign_id or 0))
                        .where(Campaign.deleted_at.is_(None)).with_for_update()).first()
    if camp is None:
        raise ServiceError("campaign_unknown")
    return camp


def _drop_unstarted_slots(session: Session, camp: Campaign, now: datetime) -> list[CampaignSlot]:
    """Delete the slots that have not started (and their never-claimed rows); returns the started ones.

    A slot has started once it fired or fell due. If a dispatcher claimed a row of a slot
    we meant to drop (it fell due while the coach was editing), the edit is refused whole.
    """
    slots = session.exec(select(CampaignSlot).where(CampaignSlot.campaign_id == camp.id)).all()
    draft = camp.status == CampaignStatus.draft.value
    started = [s for s in slots if not draft and (s.fired_at is not None or as_utc(s.due_at) <= now)]
    drop = [s.id for s in slots if s not in started]
    if drop:
        session.exec(delete(Delivery).where(Delivery.slot_id.in_(drop))
                     .where(Delivery.status.in_((DeliveryStatus.queued.value, DeliveryStatus.skipped.value)))
                     .where(Delivery.attempts == 0))
        left = session.exec(select(func.count()).select_from(Delivery).where(Delivery.slot_id.in_(drop))).one()
        if left:
            raise ServiceError("campaign_not_editable")
        session.exec(delete(CampaignSlot).where(CampaignSlot.id.in_(drop)))
    return started


def _schedule(session: Session, camp: Campaign, clean: CampaignDraft, due: list[datetime], now: datetime) -> int:
    """Write slots at `due` and every delivery row for them; returns the number of rows."""
    aud: Audience = resolve_audience(session, clean.targets)
    camp.targets = [t for t in clean.targets if t not in aud.missing]  # deleted groups/contacts drop out
    if not camp.targets:
        raise ServiceError("campaign_targets_required", field="targets")
    addresses = contact_addresses(session, aud.person_ids)
    total = 0
    for at in due:
        slot = CampaignSlot(campaign_id=camp.id, due_at=at)
        session.add(slot)
        session.flush()
        total += write_slot_rows(session, campaign=camp, slot=slot, audience=aud, channels=clean.channels,
                                 addresses=addresses, now=now)
    if total == 0:
        raise ServiceError("campaign_nobody", field="targets")
    return total


def do_save_campaign(session: Session, draft: CampaignDraft, *, campaign_id: int | None = None,
                     schedule: bool, now: datetime) -> Campaign:
    """Create or edit a campaign, as a draft (`schedule=False`) or scheduled.

    Scheduled: one slot per date (none = « maintenant ») and all delivery rows, in this
    transaction. Editing a scheduled campaign replaces the slots that have not started
    (their rows too); slots already sent or being sent stay as they are.

    Raises:
        FormInvalid: a field is wrong (one French message per field).
        ServiceError: campaign_unknown, campaign_not_editable, campaign_nobody.
    """
    clean = check_draft(session, draft, schedule=schedule, now=now)
    if campaign_id:
        camp = _locked(session, campaign_id)
        if camp.status not in EDITABLE:
            raise ServiceError("campaign_not_editable")
        started = _drop_unstarted_slots(session, camp, now)
        if started and not schedule:  # something already went out: it cannot become a draft again
            raise ServiceError("campaign_not_editable")
    else:
        camp = Campaign(name=clean.name, body=clean.body, created_at=now, updated_at=now)
        session.add(camp)
        session.flush()
        started = []
    camp.name, camp.body, camp.media_url = clean.name, clean.body, clean.media_url
    camp.targets, camp.channels, camp.wa_content_sid = clean.targets, clean.channels, clean.wa_content_sid
    camp.updated_at = now
    kept = {as_utc(s.due_at) for s in started}
    due = [s for s in clean.slots if s not in kept]
    if schedule and any(s < now - SLOT_GRACE for s in due):
        raise FormInvalid({"slot": "campaign_slot_past"})
    if schedule:
        if not due and not started:
            due = [now]
        if due:  # else only dates already under way remain: they keep their rows
            _schedule(session, camp, clean, due, now)
        camp.status = CampaignStatus.scheduled.value
    else:
        for at in due:  # a draft keeps its planned dates (no rows) so the form can reload them
            session.add(CampaignSlot(campaign_id=camp.id, due_at=at))
        camp.status = CampaignStatus.draft.value
    session.add(camp)
    session.flush()
    refresh_campaign_status(session, [camp.id], now)
    return camp


def do_launch(session: Session, campaign_id: int, now: datetime) -> Campaign:
    """« 🚀 Lancer » a draft: now (its planned dates are dropped), with every delivery row.

    Raises:
        FormInvalid: the draft lacks a message, recipients or a channel.
        ServiceError: campaign_unknown, campaign_not_launchable, campaign_nobody.
    """
    camp = _locked(session, campaign_id)
    if camp.status != CampaignStatus.draft.value:
        raise ServiceError("campaign_not_launchable")
    draft = CampaignDraft(name=camp.name, body=camp.body, media_url=camp.media_url, targets=list(camp.targets or []),
                          channels=dict(camp.channels or {}), wa_content_sid=camp.wa_content_sid)
    clean = check_draft(session, draft, schedule=True, now=now)
    session.exec(delete(CampaignSlot).where(CampaignSlot.campaign_id == camp.id))  # drafts have no rows
    _schedule(session, camp, clean, [now], now)
    camp.status, camp.updated_at = CampaignStatus.scheduled.value, now
    session.add(camp)
    session.flush()
    return camp


def do_relaunch(session: Session, campaign_id: int, now: datetime) -> int:
    """« 🔄 Relancer »: re-queue, due now, ONLY rows that failed or never went out.

    Failed, skipped (re-checked at send time: an opt-out stays skipped) and still-queued
    rows of the slots already due; later slots keep their own time. Rows that were sent /
    delivered / read, or are being sent, are never touched, so nobody gets the same slot
    twice. Returns how many rows were re-queued.

    Raises:
        ServiceError: campaign_unknown, campaign_not_launchable (a draft),
            campaign_not_relaunchable (nothing failed or missed).
    """
    camp = _locked(session, campaign_id)
    if camp.status == CampaignStatus.draft.value:
        raise ServiceError("campaign_not_launchable")
    due_slots = select(CampaignSlot.id).where(CampaignSlot.campaign_id == camp.id).where(CampaignSlot.due_at <= now)
    again = (DeliveryStatus.failed.value, DeliveryStatus.skipped.value, DeliveryStatus.queued.value)
    result = session.execute(sa.update(Delivery).where(Delivery.campaign_id == camp.id)
                             .where(Delivery.slot_id.in_(due_slots)).where(Delivery.status.in_(again))
                             .values(status=DeliveryStatus.queued.value, due_at=now, attempts=0, lease_until=None,
                                     claimed_by="", error_code="", error_message="", updated_at=now)
                             .execution_options(synchronize_session=False))
    if not result.rowcount:
        raise ServiceError("campaign_not_relaunchable")
    # Those slots are due: mark them fired so the campaign reads « sending » until they are done.
    session.execute(sa.update(CampaignSlot).where(CampaignSlot.id.in_(due_slots))
                    .where(CampaignSlot.fired_at.is_(None)).values(fired_at=now)
                    .execution_options(synchronize_session=False))
    refresh_campaign_status(session, [camp.id], now)
    return result.rowcount


def do_delete_campaign(session: Session, campaign_id: int, now: datetime) -> Campaign:
    """Soft-delete: hidden from the tab; rows not yet claimed are skipped (never sent).

    Raises:
        ServiceError: campaign_unknown.
    """
    camp = _locked(session, campaign_id)
    camp.deleted_at = camp.updated_at = now
    session.add(camp)
    session.execute(sa.update(Delivery).where(Delivery.campaign_id == camp.id)
                    .where(Delivery.status == DeliveryStatus.queued.value)
                    .values(status=DeliveryStatus.skipped.value, error_code="campaign_deleted",
                            error_message=texts.CH_CAMPAIGN_DELETED, updated_at=now)
                    .execution_options(synchronize_session=False))
    session.flush()
    return camp


def open_slots(session: Session, campaign_id: int) -> list[tuple[int, datetime]]:
    """(slot id, due_at UTC) of a scheduled campaign's slots not fired yet: what to give the scheduler."""
    return [(sid, as_utc(at)) for sid, at in session.exec(
        select(CampaignSlot.id, CampaignSlot.due_at).join(Campaign, Campaign.id == CampaignSlot.campaign_id)
        .where(CampaignSlot.campaign_id == int(campaign_id)).where(CampaignSlot.fired_at.is_(None))
        .where(Campaign.status != CampaignStatus.draft.value).where(Campaign.deleted_at.is_(None))
        .order_by(CampaignSlot.due_at)).all()]


def draft_of(session: Session, campaign_id: int) -> CampaignDraft:
    """A campaign as the composer shows it when editing (its dates not started yet included)."""
    camp = session.get(Campaign, int(campaign_id or 0))
    if camp is None or camp.deleted_at is not None:
        raise ServiceError("campaign_unknown")
    slots = session.exec(select(CampaignSlot.due_at).where(CampaignSlot.campaign_id == camp.id)
                         .where(CampaignSlot.fired_at.is_(None)).order_by(CampaignSlot.due_at)).all()
    return CampaignDraft(name=camp.name, body=camp.body, media_url=camp.media_url, targets=list(camp.targets or []),
                         channels=clean_channels(camp.channels), slots=[as_utc(s) for s in slots],
                         wa_content_sid=camp.wa_content_sid)


__all__ = [
    "CampaignDraft", "CampaignRow", "Channel", "DeliveryRow", "ErrorRow", "Recap", "RecipientOption",
    "campaign_rows", "check_draft", "delivery_rows", "do_delete_campaign", "do_launch", "do_relaunch",
    "do_save_campaign", "draft_of", "open_slots", "opted_out_pairs", "recent_errors", "recipients_preview",
    "render_body", "search_recipients",
]
