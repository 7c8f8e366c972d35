"""Entering the chat through a coach's link (/chat/l/<token>): its own assistant conversation.

A link with a custom prompt makes that conversation STRICT (services/assistant/context.py).
"""

from __future__ import annotations

from sqlmodel import Session, select

from afroboost.models import ChatLink
from afroboost.services import ServiceError
from afroboost.services.chat.messages import do_ensure_assistant_conversation


def live_link(session: Session, token: str) -> ChatLink:
    token = (token or "").strip()
    row = session.exec(select(ChatLink).where(ChatLink.token == token)).first() if 0 < len(token) <= 64 else None
    if row is None or row.deleted_at is not None:
        raise ServiceError("chat_link_unknown")
    return row


def do_enter_link(session: Session, *, contact_id: int, token: str) -> int:
    """The participant's assistant conversation for this link (created on first visit); its id."""
    link = live_link(session, token)
    conv = do_ensure_assistant_conversation(session, contact_id=contact_id, link_id=link.id)
    if link.title and conv.title != link.title:
        conv.title = link.title[:120]
        session.add(conv)
        session.flush()
    return conv.id
