"""Plain helpers for the 📢 Campagnes states (no state class, no event handler here).

Everything the browser sends is re-checked here before a service sees it: the basket is
rebuilt from the recipient list the server found (never from client-sent labels), dates
typed in Zurich time become UTC instants. services/campaigns.py checks the whole draft again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from afroboost import texts
from afroboost.db import as_utc
from afroboost.services import ServiceError
from afroboost.services.campaigns.campaigns import MAX_SLOTS  # noqa: F401  (re-exported)
from afroboost.services.campaigns.campaigns import MAX_TARGETS as MAX_BASKET  # noqa: F401
from afroboost.services.catalog.listing import format_day, format_time, local_tz

CHANNELS = ("internal", "whatsapp", "email", "group")
FILTERS = ("all", "groups", "individuals")
LOCAL_INPUT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$")  # <input type="datetime-local">


@dataclass
class BasketItem:
    """A tag of the basket or a line of the search results: « group-12 » / « user-7 »."""

    key: str = ""
    kind: str = ""  # "group" | "user"
    id: int = 0
    label: str = ""
    detail: str = ""  # a group's member count, a person's email or phone


@dataclass
class SlotItem:
    """A send date: the UTC instant (ISO) that is stored, and how Zurich reads it."""

    iso: str = ""
    label: str = ""


def item(kind: str, item_id: int, label: str, detail: str = "") -> BasketItem:
    return BasketItem(key=f"{kind}-{item_id}", kind=kind, id=item_id, label=label, detail=detail)


def add_unique(basket: list[BasketItem], items: list[BasketItem]) -> tuple[list[BasketItem], int]:
    """The basket with the new items appended, never twice the same key; and how many were added."""
    seen = {b.key for b in basket}
    fresh = []
    for it in items:
        if it.key not in seen:
            seen.add(it.key)
            fresh.append(it)
    return [*basket, *fresh], len(fresh)


def targets(basket: list[BasketItem]) -> list[dict]:
    """The basket as the campaign stores it: [{"type": "group"|"user", "id": int}]."""
    return [{"type": b.kind, "id": b.id} for b in basket]


def sample_first_name(basket: list[BasketItem]) -> str:
    """The first name the preview uses: the first person of the basket, else a sample."""
    for b in basket:
        if b.kind == "user" and b.label.strip() and "@" not in b.label:
            return b.label.split()[0]
    return texts.CAMP_FIRST_NAME_SAMPLE


def recap_text(persons: int, groups: int, users: int, rooms: int = 0) -> str:
    """The recap line; `rooms` is the number of group rooms written to (the « Salons de groupe » channel)."""
    if groups + users == 0:
        return texts.CAMP_NO_TARGET
    if persons == 0 and rooms == 0:
        return "⚠️ " + texts.err("campaign_nobody")
    return texts.CAMP_READY.format(n=persons, groups=groups, users=users)


def create_label(body: str, basket_size: int, persons: int, editing: bool, rooms: int = 0) -> str:
    if not body.strip():
        return texts.CAMP_NEED_MESSAGE
    if basket_size == 0 or persons + rooms == 0:
        return texts.CAMP_NEED_TARGETS
    return texts.CAMP_SAVE_EDIT if editing else texts.CAMP_CREATE.format(n=persons)


# --- dates: typed in Zurich time, stored in UTC ---------------------------------------------

def slot_label(at: datetime) -> str:
    """« samedi 12 décembre 2026 à 18h30 » (Zurich time)."""
    loc = as_utc(at).astimezone(local_tz())
    return texts.CAMP_SLOT_LABEL.format(day=format_day(at), year=loc.year, time=format_time(at))


def slot_item(at: datetime) -> SlotItem:
    return SlotItem(iso=as_utc(at).isoformat(), label=slot_label(at))


def parse_slot(value: str, now: datetime) -> datetime:
    """A « YYYY-MM-DDTHH:MM » typed in Zurich time as a UTC instant in the future.

    Raises:
        ServiceError: campaign_slot_invalid / campaign_slot_gap (a time skipped by the
            spring change) / campaign_slot_past.
    """
    m = LOCAL_INPUT.match((value or "").strip()[:40])
    if not m:
        raise ServiceError("campaign_slot_invalid", field="slot")
    try:
        naive = datetime(*(int(g) for g in m.groups()))
    except ValueError:
        raise ServiceError("campaign_slot_invalid", field="slot") from None
    at = naive.replace(tzinfo=local_tz()).astimezone(UTC)
    if at.astimezone(local_tz()).replace(tzinfo=None) != naive:  # 02:30 on the spring-forward night
        raise ServiceError("campaign_slot_gap", field="slot")
    if at <= now:
        raise ServiceError("campaign_slot_past", field="slot")
    return at


def slots_from(items: list[SlotItem]) -> list[datetime]:
    return [datetime.fromisoformat(s.iso) for s in items]


# --- other fields -------------------------------------------------------------------------

def media_url(page_slug: str, url: str) -> str:
    """The media of the campaign: one of the coach's /v/{slug} pages, or a link (checked by the service)."""
    slug, link = (page_slug or "").strip(), (url or "").strip()
    return f"/v/{slug}" if slug else link


def split_media(value: str, slugs: set[str]) -> tuple[str, str]:
    """(page slug, url) for the form, from a stored media_url."""
    if value.startswith("/v/") and value[3:] in slugs:
        return value[3:], ""
    return "", value


# --- history rows as the tab shows them (times in Zurich, French labels) -------------------

@dataclass
class HistoryRow:
    id: int = 0
    name: str = ""
    body: str = ""
    status: str = ""
    status_label: str = ""
    created: str = ""
    next_label: str = ""  # « Prochain envoi : … » for a scheduled campaign
    slots_label: str = ""
    groups: int = 0
    users: int = 0
    channels_label: str = ""
    counts_label: str = ""
    queued: int = 0
    sent: int = 0
    delivered: int = 0
    failed: int = 0
    total: int = 0
    percent: int = 0
    in_progress: bool = False  # a progress bar while rows are queued or being sent
    can_launch: bool = False
    can_edit: bool = False
    is_auto: bool = False
    can_relaunch: bool = False
    has_retry: bool = False  # failed / skipped rows « 🔄 Relancer » would send again


@dataclass
class DeliveryLine:
    """A line of the delivery table or of the error log."""

    id: int = 0
    campaign: str = ""
    recipient: str = ""
    channel: str = ""
    status: str = ""
    status_label: str = ""
    error_code: str = ""
    error_message: str = ""
    when: str = ""


def short_when(at: datetime | None) -> str:
    """« 12.12.2026 18:30 » in Zurich time ("" when unknown)."""
    return as_utc(at).astimezone(local_tz()).strftime("%d.%m.%Y %H:%M") if at else ""


def history_row(r) -> HistoryRow:
    """A services.campaign_views.CampaignRow for the tab."""
    return HistoryRow(
        id=r.id, name=r.name, body=r.body, status=r.status, status_label=texts.CAMP_STATUS.get(r.status, r.status),
        created=short_when(r.created_at),
        next_label=texts.CAMP_NEXT.format(when=slot_label(r.next_due_at)) if r.next_due_at else "",
        slots_label=", ".join(short_when(s) for s in r.slots), groups=r.groups, users=r.users,
        channels_label=" · ".join(texts.CAMP_CHANNEL_NAMES.get(c, c) for c in r.channels),
        counts_label=texts.CAMP_COUNTS.format(queued=r.queued, sent=r.sent, delivered=r.delivered, failed=r.failed),
        queued=r.queued, sent=r.sent, delivered=r.delivered, failed=r.failed, total=r.total, percent=r.percent,
        in_progress=r.status == "sending" or (r.queued > 0 and r.status != "scheduled" and r.status != "draft"),
        can_launch=r.can_launch, can_edit=r.can_edit, is_auto=r.is_auto, can_relaunch=r.can_relaunch,
        has_retry=r.failed + r.skipped > 0,
    )


def delivery_line(d, campaign: str = "") -> DeliveryLine:
    """A DeliveryRow or an ErrorRow of services.campaign_views."""
    return DeliveryLine(
        id=getattr(d, "id", 0) or getattr(d, "delivery_id", 0), campaign=getattr(d, "campaign_name", "") or campaign,
        recipient=d.recipient, channel=texts.CAMP_CHANNEL_NAMES.get(d.channel, d.channel), status=d.status,
        status_label=texts.CAMP_DELIVERY_STATUS.get(d.status, d.status), error_code=d.error_code,
        error_message=d.error_message,
        when=short_when(getattr(d, "at", None) or getattr(d, "sent_at", None) or getattr(d, "updated_at", None)),
    )
