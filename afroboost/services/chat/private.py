"""Private messages: two members, or a member and the coach, and what is still unread.

A member may open a private conversation only with someone they share a group with, or
with the coach — never with an arbitrary contact id a crafted event could name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, select

from afroboost import texts
from afroboost.db import utc_now
from afroboost.models import (
    AIConfig,
    ChatMessage,
    Contact,
    Conversation,
    ConversationKind,
    ConversationMember,
    SenderKind,
)
from afroboost.services import ServiceError
from afroboost.services.chat.messages import display_name
from afroboost.services.chat.visibility import Viewer, has_visible, visible_clause

COACH = 0  # the « other person » id that means the coach


@dataclass
class PrivateView:
    conversation_id: int = 0
    title: str = ""  # the other person, as the viewer sees them
    unread: int = 0


def pair_slug(a: int, b: int) -> str:
    if b == COACH:
        return f"dm-coach-{a}"
    lo, hi = sorted((int(a), int(b)))
    return f"dm-{lo}-{hi}"


def _group_ids(session: Session, contact_id: int) -> set[int]:
    rows = session.exec(
        select(ConversationMember.conversation_id)
        .join(Conversation, Conversation.id == ConversationMember.conversation_id)
        .where(ConversationMember.contact_id == contact_id)
        .where(Conversation.kind == ConversationKind.group.value).where(Conversation.deleted_at.is_(None))
    ).all()
    return set(rows)


def may_write_privately(session: Session, *, contact_id: int, other_id: int) -> bool:
    if other_id == COACH:
        return True
    if other_id == contact_id or session.get(Contact, other_id) is None:
        return False
    return bool(_group_ids(session, contact_id) & _group_ids(session, other_id))


def do_open_private(session: Session, *, contact_id: int, other_id: int) -> Conversation:
    """The private conversation between this member and `other_id` (COACH for the coach), created once."""
    other_id = int(other_id)
    if not may_write_privately(session, contact_id=contact_id, other_id=other_id):
        raise ServiceError("chat_private_refused")
    slug = pair_slug(contact_id, other_id)
    conv = session.exec(select(Conversation).where(Conversation.slug == slug)).first()
    if conv is None:
        conv = Conversation(kind=ConversationKind.private.value, slug=slug,
                            title=texts.AI_SENDER_COACH if other_id == COACH else "",
                            contact_id=contact_id if other_id == COACH else None)
        session.add(conv)
        session.flush()
    elif conv.deleted_at is not None:
        conv.deleted_at = None  # written to again: back in the coach's list
        session.add(conv)
    for member in {contact_id, other_id} - {COACH}:
        exists = session.exec(select(ConversationMember).where(ConversationMember.conversation_id == conv.id)
                              .where(ConversationMember.contact_id == member)).first()
        if exists is None:
            session.add(ConversationMember(conversation_id=conv.id, contact_id=member))
    session.flush()
    return conv


def is_member_pair(conv: Conversation) -> bool:
    """A private conversation between two members (the coach moderates it but never writes in it)."""
    return conv.kind == ConversationKind.private.value and not conv.contact_id


def pair_title(session: Session, *, conversation_id: int) -> str:
    """« Awa K. ↔ Kofi M. »: the two members as they see each other, never the stored slug."""
    people = session.exec(select(Contact).join(ConversationMember, ConversationMember.contact_id == Contact.id)
                          .where(ConversationMember.conversation_id == conversation_id).order_by(Contact.id)).all()
    return " ↔ ".join(display_name(c) for c in people) or texts.CONV_UNNAMED


def private_title(session: Session, conv: Conversation, viewer_id: int) -> str:
    if conv.slug and conv.slug.startswith("dm-coach-"):
        return texts.AI_SENDER_COACH
    other = session.exec(select(Contact).join(ConversationMember, ConversationMember.contact_id == Contact.id)
                         .where(ConversationMember.conversation_id == conv.id)
                         .where(Contact.id != viewer_id)).first()
    return display_name(other) if other else conv.title


def private_threads(session: Session, *, contact_id: int, viewer: Viewer | None = None) -> list[PrivateView]:
    """This member's private conversations, most recent first, with their unread counts.

    An unverified `viewer` (services/chat/visibility.py) gets only the threads holding a
    message it may see, counted over those messages only.
    """
    rows = session.exec(
        select(Conversation, ConversationMember.last_read_at)
        .join(ConversationMember, ConversationMember.conversation_id == Conversation.id)
        .where(ConversationMember.contact_id == contact_id)
        .where(Conversation.kind == ConversationKind.private.value).where(Conversation.deleted_at.is_(None))
        .order_by(sa.func.coalesce(Conversation.last_message_at, Conversation.created_at).desc())
    ).all()
    out = []
    for conv, last_read in rows:
        if viewer is not None and not has_visible(session, conversation_id=conv.id, viewer=viewer):
            continue
        unread = select(sa.func.count()).select_from(ChatMessage).where(ChatMessage.conversation_id == conv.id)
        unread = unread.where(sa.or_(ChatMessage.contact_id.is_(None), ChatMessage.contact_id != contact_id))
        if last_read is not None:
            unread = unread.where(ChatMessage.created_at > last_read)
        if viewer is not None:
            unread = unread.where(visible_clause(viewer))
        out.append(PrivateView(conv.id, private_title(session, conv, contact_id), session.exec(unread).one()))
    return out


def do_mark_read(session: Session, *, contact_id: int, conversation_id: int, now: datetime | None = None) -> None:
    member = session.exec(select(ConversationMember).where(ConversationMember.conversation_id == conversation_id)
                          .where(ConversationMember.contact_id == contact_id)).first()
    if member is not None:
        member.last_read_at = now or utc_now()
        session.add(member)
        session.flush()


class Audience(NamedTuple):
    members: list[int]  # contacts to ping (never the sender)
    coach: bool  # ping the coach's dashboard too
    private: bool  # a private conversation (shown in two kinds of window)


def recipients(session: Session, *, conversation_id: int, sender_kind: str, sender_id: int) -> Audience:
    """Whom to notify of a new message, in one read.

    The coach hears of every participant message except those between two members, and of
    the assistant's replies only when the coach asked for it (AIConfig.notify_ai_replies).
    """
    conv = session.get(Conversation, conversation_id)
    if conv is None:
        return Audience([], False, False)
    if conv.kind == ConversationKind.group.value:  # groups: the open room shows it, no personal ping
        return Audience([], sender_kind == SenderKind.member.value, False)
    ids = set(session.exec(select(ConversationMember.contact_id)
                           .where(ConversationMember.conversation_id == conversation_id)).all())
    if conv.contact_id:
        ids.add(conv.contact_id)
    ids.discard(sender_id if sender_kind == SenderKind.member.value else -1)
    private = conv.kind == ConversationKind.private.value
    member_pair = private and not (conv.slug or "").startswith("dm-coach-")
    if sender_kind == SenderKind.ai.value:
        ai = session.get(AIConfig, 1)
        coach = bool(ai and ai.notify_ai_replies)
    else:
        coach = sender_kind == SenderKind.member.value and not member_pair
    return Audience(sorted(ids), coach, private)
