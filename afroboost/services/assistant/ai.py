"""« 🤖 Agent IA » settings: campaign prompt, on/off, notify AI replies (AIConfig row 1) and the
global Twint link (SiteConcept.twint_url, the same one the Paiements tab edits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from afroboost.db import utc_now
from afroboost.models import AIConfig
from afroboost.services.assistant.context import AI_CONFIG_ID
from afroboost.services.booking.payments import access_global_twint, do_save_global_twint
from afroboost.services.forms import Checker, check_https_url

MAX_PROMPT = 8000


@dataclass
class AISettings:
    """The card as typed (before saving) or as stored (after)."""

    campaign_prompt: str = ""
    twint_url: str = ""
    enabled: bool = True
    notify_ai_replies: bool = False


def access_ai_settings(session: Session) -> AISettings:
    """The stored settings; the defaults (assistant on, no notification of its replies) when never saved."""
    row = session.get(AIConfig, AI_CONFIG_ID)
    twint = access_global_twint(session)
    if row is None:
        return AISettings(twint_url=twint)
    return AISettings(campaign_prompt=row.campaign_prompt or "", twint_url=twint, enabled=bool(row.enabled),
                      notify_ai_replies=bool(row.notify_ai_replies))


def check_ai_settings(form: AISettings) -> AISettings:
    """Validate every field at once (FormInvalid names each refused one)."""
    c = Checker()
    prompt = c.text("campaign_prompt", form.campaign_prompt, limit=MAX_PROMPT, multiline=True)
    twint = c.take("twint_url", check_https_url, form.twint_url) or ""
    c.done()
    return AISettings(campaign_prompt=prompt, twint_url=twint, enabled=bool(form.enabled),
                      notify_ai_replies=bool(form.notify_ai_replies))


def do_save_ai_settings(session: Session, *, form: AISettings, now: datetime | None = None) -> AISettings:
    """Store the card (nothing is stored when a field is refused). Returns what was stored."""
    clean = check_ai_settings(form)
    now = now or utc_now()
    row = session.get(AIConfig, AI_CONFIG_ID)
    if row is None:
        try:
            with session.begin_nested():  # a second coach tab may create it at the same moment
                row = AIConfig(id=AI_CONFIG_ID)
                session.add(row)
                session.flush()
        except IntegrityError:
            row = session.get(AIConfig, AI_CONFIG_ID)
    row.campaign_prompt, row.enabled = clean.campaign_prompt, clean.enabled
    row.notify_ai_replies, row.updated_at = clean.notify_ai_replies, now
    session.add(row)
    do_save_global_twint(session, url=clean.twint_url, now=now)
    session.flush()
    return clean
