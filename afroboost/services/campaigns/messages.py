"""Claimed delivery rows → OutgoingMessages, or an outcome decided without any provider.

Read-only: the dispatcher (services/campaigns/dispatch.py) records the outcomes. Consent is read
at send time, so someone who opted out after the campaign was scheduled is skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from afroboost import texts
from afroboost.integrations.channels import ChannelAdapter, OutgoingMessage, SendResult
from afroboost.models import Campaign, Channel, Contact, Conversation, ConversationKind, Delivery
from afroboost.services.campaigns.ledger import PERSON_CHANNELS, chunks, opted_out_pairs, render_body
from afroboost.services.contacts.consent import unsubscribe_url, whatsapp_window_ids
from afroboost.settings import get_settings

log = logging.getLogger("afroboost.campaigns")
SKIPPED = "skipped"  # a SendResult status only the dispatcher uses: nothing was sent, on purpose


def idempotency_key(delivery_id: int) -> str:
    """Stable per delivery row: providers that support it (Resend) never send one row twice."""
    return f"afroboost-delivery-{delivery_id}"


def absolute_url(url: str) -> str:
    """`/v/<slug>` pages become links that work outside the site (WhatsApp, email, chat)."""
    url = (url or "").strip()
    return get_settings().site_url.rstrip("/") + url if url.startswith("/") else url


@dataclass
class Batch:
    """One claim's rows, ready to send."""

    messages: dict[str, list[OutgoingMessage]] = field(default_factory=dict)  # by channel
    decided: dict[int, SendResult] = field(default_factory=dict)  # delivery id → outcome without a provider
    attempts: dict[int, int] = field(default_factory=dict)  # delivery id → claims so far (this one included)
    campaign_of: dict[int, int] = field(default_factory=dict)  # delivery id → campaign id


def _skip(code: str, message: str) -> SendResult:
    return SendResult(SKIPPED, error_code=code, error_message=message)


def _fail(code: str, message: str) -> SendResult:
    return SendResult("failed", error_code=code, error_message=message)


def prepare_batch(session: Session, *, ids: list[int], adapters: dict[str, ChannelAdapter],
                  now: datetime) -> Batch:
    """Build the messages of the claimed rows `ids` (personalised, with addresses and consent)."""
    rows: list[Delivery] = []
    for batch in chunks(ids):
        rows += session.exec(select(Delivery).where(Delivery.id.in_(batch)).order_by(Delivery.id)).all()
    campaigns = {c.id: c for c in session.exec(select(Campaign).where(
        Campaign.id.in_({r.campaign_id for r in rows}))).all()}
    person_ids = sorted({r.contact_id for r in rows if r.contact_id})
    contacts: dict[int, Contact] = {}
    for batch in chunks(person_ids):
        contacts.update({c.id: c for c in session.exec(select(Contact).where(Contact.id.in_(batch))).all()})
    group_ids = sorted({r.conversation_id for r in rows if r.conversation_id})
    groups: dict[int, Conversation] = {}
    for batch in chunks(group_ids):
        groups.update({g.id: g for g in session.exec(select(Conversation).where(Conversation.id.in_(batch))).all()})
    opted = opted_out_pairs(session, person_ids, list(PERSON_CHANNELS))
    wa_ids = sorted({r.contact_id for r in rows if r.contact_id and r.channel == Channel.whatsapp.value})
    window = _window_ids(session, wa_ids, now)

    out = Batch()
    for r in rows:
        out.attempts[r.id], out.campaign_of[r.id] = r.attempts, r.campaign_id
        try:
            outcome, msg = _row_message(r, campaigns, contacts, groups, opted, window, adapters)
        except Exception as exc:  # one odd row must not hold back the others: retried, then failed
            log.exception("[CAMPAIGN] delivery %s could not be prepared", r.id)
            outcome, msg = SendResult("retry", error_code="exception",
                                      error_message=f"{texts.CH_UNEXPECTED} ({exc})"[:500]), None
        if outcome is not None:
            out.decided[r.id] = outcome
        else:
            out.messages.setdefault(r.channel, []).append(msg)
    return out


def _row_message(r: Delivery, campaigns: dict[int, Campaign], contacts: dict[int, Contact],
                 groups: dict[int, Conversation], opted: set[tuple[int, str]], window: set[int],
                 adapters: dict[str, ChannelAdapter]) -> tuple[SendResult | None, OutgoingMessage | None]:
    camp = campaigns.get(r.campaign_id)
    if camp is None or camp.deleted_at is not None:
        return _skip("campaign_deleted", texts.CH_CAMPAIGN_DELETED), None
    if r.channel in PERSON_CHANNELS:
        outcome, msg = _person_message(r, camp, contacts.get(r.contact_id or 0), opted, window)
    elif r.channel == Channel.group.value:
        outcome, msg = _group_message(r, camp, groups.get(r.conversation_id or 0))
    else:
        outcome, msg = _fail("not_configured", texts.CH_NOT_CONFIGURED), None
    if outcome is None:
        adapter = adapters.get(r.channel)
        if adapter is None or not adapter.configured():
            return _fail("not_configured", texts.CH_NOT_CONFIGURED), None
    return outcome, msg


def _window_ids(session: Session, contact_ids: list[int], now: datetime) -> set[int]:
    if not contact_ids:
        return set()
    found: set[int] = set()
    for batch in chunks(contact_ids):
        found |= whatsapp_window_ids(session, batch, now)
    return found


def _base(r: Delivery, camp: Campaign) -> dict:
    return dict(delivery_id=r.id, idempotency_key=idempotency_key(r.id), channel=r.channel, campaign_id=camp.id,
                campaign_name=camp.name, media_url=absolute_url(camp.media_url),
                previous_provider_id=r.provider_id or "")


def _person_message(r: Delivery, camp: Campaign, contact: Contact | None, opted: set[tuple[int, str]],
                    window: set[int]) -> tuple[SendResult | None, OutgoingMessage | None]:
    if contact is None:
        return _fail("no_contact", texts.CH_NO_CONTACT), None
    if (contact.id, r.channel) in opted:
        return _skip("opted_out", texts.CH_OPTED_OUT), None
    if r.channel == Channel.whatsapp.value and not contact.phone:
        return _skip("no_phone", texts.CH_NO_PHONE), None
    if r.channel == Channel.email.value and not contact.email:
        return _skip("no_email", texts.CH_NO_EMAIL), None
    first = (contact.first_name or "").strip()
    body = render_body(camp.body, first)
    msg = OutgoingMessage(**_base(r, camp), body=body, contact_id=contact.id, first_name=first,
                          to_email=contact.email, to_phone=contact.phone)
    if r.channel == Channel.whatsapp.value:
        msg.in_whatsapp_window = contact.id in window
        msg.wa_content_sid = camp.wa_content_sid
        msg.wa_variables = {"1": first or texts.GROUP_FIRST_NAME, "2": body}
    elif r.channel == Channel.email.value:
        msg.unsubscribe_url = unsubscribe_url(contact.id)
    return None, msg


def _group_message(r: Delivery, camp: Campaign, group: Conversation | None
                   ) -> tuple[SendResult | None, OutgoingMessage | None]:
    if group is None or group.deleted_at is not None or group.kind != ConversationKind.group.value:
        return _fail("no_group", texts.CH_NO_GROUP), None
    return None, OutgoingMessage(**_base(r, camp), body=render_body(camp.body, texts.GROUP_FIRST_NAME),
                                 conversation_id=group.id, first_name=texts.GROUP_FIRST_NAME)
