"""What an UNVERIFIED chat identity may read: its own messages and what came after it.

An identity nobody proved (a brand-new contact, or a token from before codes existed) must
not open anyone's past: in every room, assistant conversation, private thread and inbox
preview it sees only the messages it wrote and those created after its token was issued.
A verified identity (and the coach) has `viewer=None`: no filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost.db import as_utc
from afroboost.models import ChatMessage, SenderKind
from afroboost.services.chat.messages import MessageView, recent_rows, views_of


@dataclass(frozen=True)
class Viewer:
    """An unverified reader: `contact_id`, and the moment its identity was issued."""

    contact_id: int
    since: datetime

    @classmethod
    def unverified(cls, contact_id: int, issued_at: float) -> Viewer:
        return cls(int(contact_id), datetime.fromtimestamp(issued_at, UTC))


def visible_clause(viewer: Viewer):
    """SQL condition on ChatMessage: written by this viewer, or after its identity was issued."""
    own = sa.and_(ChatMessage.sender_kind == SenderKind.member.value, ChatMessage.contact_id == viewer.contact_id)
    return sa.or_(own, ChatMessage.created_at >= viewer.since)


def room_history(session: Session, *, conversation_id: int, limit: int = 50, viewer: Viewer | None = None
                 ) -> tuple[list[MessageView], bool]:
    """The last messages this viewer may see, and whether they are the room's whole window.

    True means the shared room (everyone's last `limit` messages) shows this viewer nothing
    it may not see, so it can be linked to it; False: it needs a room of its own.
    """
    rows = recent_rows(session, conversation_id=conversation_id, limit=limit)
    if viewer is None or all(_visible(m, viewer) for m, _ in rows):
        return views_of(rows), True
    mine = recent_rows(session, conversation_id=conversation_id, limit=limit, where=visible_clause(viewer))
    return views_of(mine), False


def _visible(m: ChatMessage, viewer: Viewer) -> bool:
    if m.sender_kind == SenderKind.member.value and m.contact_id == viewer.contact_id:
        return True
    return as_utc(m.created_at) >= viewer.since


def has_visible(session: Session, *, conversation_id: int, viewer: Viewer) -> bool:
    stmt = select(ChatMessage.id).where(ChatMessage.conversation_id == conversation_id).where(visible_clause(viewer))
    return session.exec(stmt.limit(1)).first() is not None
