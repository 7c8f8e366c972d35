"""« 🔗 Lien Chat IA »: shareable /chat/l/{token} links, STRICT when they carry their own prompt.

A deleted link is only marked (deleted_at): conversations opened through it keep their
link, so a STRICT conversation stays STRICT (services/assistant_context.link_prompt).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import routes, texts
from afroboost.db import as_utc, utc_now
from afroboost.models import ChatLink, Conversation
from afroboost.services import ServiceError
from afroboost.services.catalog.listing import local_tz
from afroboost.services.forms import Checker
from afroboost.settings import get_settings

MAX_TITLE = 120
MAX_PROMPT = 8000
PROMPT_PREVIEW = 140


@dataclass
class LinkRow:
    id: int = 0
    title: str = ""
    url: str = ""
    strict: bool = False
    prompt: str = ""  # the start of the custom prompt (STRICT links)
    created: str = ""  # « Créé le 01.12.2026 »
    conversations: int = 0


def link_url(token: str) -> str:
    """The full address to share: the site's public URL + /chat/l/<token>."""
    return get_settings().site_url.rstrip("/") + routes.chat_link_path(token)


def _preview(prompt: str) -> str:
    line = " ".join(prompt.split())
    return line if len(line) <= PROMPT_PREVIEW else line[: PROMPT_PREVIEW - 1].rstrip() + "…"


def access_chat_links(session: Session) -> list[LinkRow]:
    """Live links, the newest first, with how many conversations each one opened."""
    used = dict(session.exec(select(Conversation.link_id, sa.func.count()).where(Conversation.link_id.is_not(None))
                             .group_by(Conversation.link_id)).all())
    links = session.exec(select(ChatLink).where(ChatLink.deleted_at.is_(None))
                         .order_by(ChatLink.created_at.desc(), ChatLink.id.desc())).all()
    tz = local_tz()
    return [LinkRow(id=k.id, title=k.title, url=link_url(k.token), strict=bool((k.custom_prompt or "").strip()),
                    prompt=_preview(k.custom_prompt or ""), conversations=used.get(k.id, 0),
                    created=texts.LINK_CREATED_ON.format(date=as_utc(k.created_at).astimezone(tz).strftime("%d.%m.%Y")))
            for k in links]


def do_create_chat_link(session: Session, *, title: str, custom_prompt: str = "",
                        now: datetime | None = None) -> ChatLink:
    """A new link with an unguessable token; a non-empty prompt makes it STRICT.

    Raises:
        FormInvalid: title missing or too long, prompt too long.
    """
    c = Checker()
    clean_title = c.text("title", title, limit=MAX_TITLE, required=True)
    prompt = c.text("custom_prompt", custom_prompt, limit=MAX_PROMPT, multiline=True)
    c.done()
    token = secrets.token_urlsafe(16)
    while session.exec(select(ChatLink.id).where(ChatLink.token == token)).first() is not None:
        token = secrets.token_urlsafe(16)  # 128 random bits: never in practice, but cheap to rule out
    link = ChatLink(token=token, title=clean_title, custom_prompt=prompt or None, created_at=now or utc_now())
    session.add(link)
    session.flush()
    return link


def do_delete_chat_link(session: Session, *, link_id: int, now: datetime | None = None) -> str:
    """Soft delete (its /chat/l address stops opening new conversations). Returns its title."""
    link = session.get(ChatLink, int(link_id or 0))
    if link is None or link.deleted_at is not None:
        raise ServiceError("coach_link_unknown")
    link.deleted_at = now or utc_now()
    session.add(link)
    session.flush()
    return link.title
